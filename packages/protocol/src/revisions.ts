/**
 * Protocol revisions mcpkit speaks, the era each belongs to, and version negotiation for both eras.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/lifecycle
 */

/** Every revision mcpkit implements, oldest first. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
  '2026-07-28',
] as const;

/** A protocol revision mcpkit implements. */
export type ProtocolRevision = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];

/** The newest revision: the stateless era. */
export const LATEST_PROTOCOL_VERSION: ProtocolRevision = '2026-07-28';

/** The newest revision of the stateful era (`initialize` and sessions). */
export const LATEST_STATEFUL_PROTOCOL_VERSION: ProtocolRevision = '2025-11-25';

/** What a connection looks like in a revision: `initialize` + sessions, or self-describing requests. */
export type ProtocolEra = 'stateful' | 'stateless';

/** Revisions of the stateless era, for quick membership tests. */
const STATELESS = new Set<string>(['2026-07-28']);
const SUPPORTED = new Set<string>(SUPPORTED_PROTOCOL_VERSIONS);

/** Whether mcpkit implements `version`. */
export function isSupportedProtocolVersion(version: unknown): version is ProtocolRevision {
  return typeof version === 'string' && SUPPORTED.has(version);
}

/**
 * The era a revision belongs to. Unknown revisions are dated strings: a later date than every
 * stateful revision is assumed to be stateless, since the stateless design is where the spec went.
 */
export function eraOf(version: string): ProtocolEra {
  if (STATELESS.has(version)) return 'stateless';
  if (SUPPORTED.has(version)) return 'stateful';
  return version > LATEST_STATEFUL_PROTOCOL_VERSION ? 'stateless' : 'stateful';
}

/** Whether `version` is a revision of the stateless era (2026-07-28 and later). */
export function isStatelessRevision(version: string): boolean {
  return eraOf(version) === 'stateless';
}

/** Options shared by both negotiation helpers. */
export interface NegotiationOptions {
  /** Revisions this side accepts, oldest first. Default: every revision mcpkit implements. */
  supported?: readonly string[];
}

/**
 * Stateful-era negotiation, as the server runs it on `initialize`: the client's version when the
 * server supports it, otherwise the newest stateful revision the server supports (the client then
 * decides whether it can live with that, or disconnects).
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#version-negotiation
 */
export function negotiateStatefulVersion(
  requested: string,
  options: NegotiationOptions = {},
): string {
  const supported = (options.supported ?? SUPPORTED_PROTOCOL_VERSIONS).filter(
    (v) => eraOf(v) === 'stateful',
  );
  if (supported.includes(requested)) return requested;
  const latest = supported[supported.length - 1];
  if (latest === undefined) {
    throw new Error(
      'negotiateStatefulVersion: no stateful-era revision is supported; add one to `supported`',
    );
  }
  return latest;
}

/** The answer of {@link negotiateStatelessVersion}. */
export type StatelessNegotiation =
  | { ok: true; version: string }
  | { ok: false; requested: string; supported: string[] };

/**
 * Stateless-era negotiation, as the server runs it on every request: the request's own version is
 * accepted as-is or refused (the caller answers with `UnsupportedProtocolVersionError`, listing
 * `supported`, so the client can pick one and retry).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/lifecycle
 */
export function negotiateStatelessVersion(
  requested: string,
  options: NegotiationOptions = {},
): StatelessNegotiation {
  const supported = [...(options.supported ?? SUPPORTED_PROTOCOL_VERSIONS)];
  if (supported.includes(requested)) return { ok: true, version: requested };
  return { ok: false, requested, supported };
}

/**
 * Client side: the revision to use from a server's `server/discover` answer. Picks the newest
 * revision both sides support, or `undefined` when they share none.
 */
export function pickCommonVersion(
  serverSupported: readonly string[],
  clientSupported: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS,
): string | undefined {
  const ours = new Set(clientSupported);
  return [...serverSupported]
    .filter((v) => ours.has(v))
    .sort()
    .pop();
}
