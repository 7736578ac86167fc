/**
 * Which era a server speaks, found once per server and remembered. The probe is a
 * `server/discover` request; anything but a well-formed modern answer means "legacy" (method not
 * found, a parse error without an id, an HTTP 400 asking for a session, an HTML page, a closed
 * connection, silence): clients that keyed this on one error code broke on real servers.
 */
import {
  type DiscoverResult,
  DiscoverResultSchema,
  eraOf,
  pickCommonVersion,
} from '@mcpkit/protocol';

/** What a probe concluded about a server. */
export type DiscoveryVerdict =
  | { era: 'stateless'; version: string; discover: DiscoverResult }
  | { era: 'stateful'; reason: string };

/** Where verdicts are remembered between connections (an in-process map by default). */
export interface DiscoveryCache {
  get(key: string): DiscoveryVerdict | undefined;
  set(key: string, verdict: DiscoveryVerdict): void;
}

const processCache = new Map<string, DiscoveryVerdict>();

/** The verdict cache shared by every client of this process. */
export const defaultDiscoveryCache: DiscoveryCache = {
  get: (key) => processCache.get(key),
  set: (key, verdict) => {
    processCache.set(key, verdict);
  },
};

/**
 * Reads a probe's outcome: a modern answer lists supported versions we share in the stateless
 * era; every other outcome (including a thrown error) is legacy.
 */
export function judgeProbe(
  outcome: { result: unknown } | { error: unknown },
  clientVersions: readonly string[],
): DiscoveryVerdict {
  if ('error' in outcome) {
    return { era: 'stateful', reason: `server/discover failed: ${describe(outcome.error)}` };
  }
  const parsed = DiscoverResultSchema.safeParse(outcome.result);
  if (!parsed.success) {
    return { era: 'stateful', reason: 'server/discover answered, but not with a discover result' };
  }
  const version = pickCommonVersion(
    parsed.data.supportedVersions,
    clientVersions.filter((v) => eraOf(v) === 'stateless'),
  );
  if (version === undefined) {
    return {
      era: 'stateful',
      reason: `the server supports ${parsed.data.supportedVersions.join(', ') || 'no versions'} statelessly, none of which this client speaks`,
    };
  }
  return { era: 'stateless', version, discover: parsed.data };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
