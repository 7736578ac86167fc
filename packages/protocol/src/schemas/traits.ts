/**
 * What changed between protocol revisions, as named switches. The schema builder reads these and
 * nothing else, so every difference between revisions is spelled out here exactly once.
 */

/** The switches the schema builder reads. */
export interface RevisionTraits {
  /** The revision these traits describe, or `neutral` for the superset mcpkit uses internally. */
  readonly revision: string;
  /**
   * Wire-exact requiredness for this revision. Off in the neutral superset, where a field required
   * by only some revisions (`resultType`, `_meta`, `jsonrpc`/`id` in message types, …) is optional.
   */
  readonly strict: boolean;
  /** 2025-03-26: `AudioContent` joins the content unions. */
  readonly audio: boolean;
  /** 2025-03-26 only: JSON-RPC batches (removed again in 2025-06-18). */
  readonly batches: boolean;
  /** 2025-06-18: elicitation (`elicitation/create`) and its primitive schemas. */
  readonly elicitation: boolean;
  /** 2025-06-18: `ResourceLink` joins `ContentBlock`; `ResourceReference` is renamed `ResourceTemplateReference`. */
  readonly resourceLinks: boolean;
  /** 2025-06-18: `BaseMetadata` (name + title) is a named type. */
  readonly baseMetadata: boolean;
  /**
   * 2025-11-25: every request and notification type extends its JSON-RPC envelope (`jsonrpc`, and
   * `id` for requests), and each has a named `…Params` type; `JSONRPCError` is `JSONRPCErrorResponse`
   * whose `id` is optional.
   */
  readonly envelopeInTypes: boolean;
  /** 2025-11-25: icons on implementations, tools, resources and prompts (`Icon`, `Icons`). */
  readonly icons: boolean;
  /** 2025-11-25: sampling with tools (`ToolUseContent`, `ToolResultContent`, `ToolChoice`, content arrays). */
  readonly samplingTools: boolean;
  /** 2025-11-25 only: tasks (`tasks/*`); an extension in later revisions. */
  readonly tasks: boolean;
  /** 2025-11-25: URL-mode elicitation and SEP-1330 enum schemas (titled, multi-select). */
  readonly elicitationV2: boolean;
  /**
   * 2026-07-28, the stateless era: `server/discover`, `subscriptions/listen`, input-required results,
   * per-request `_meta` (protocol version, client capabilities), `resultType` on every result,
   * cacheable results; no `initialize`, `ping`, `logging/setLevel`, subscribe/unsubscribe, and no
   * server-to-client requests (their shapes live on as input requests without an envelope).
   */
  readonly stateless: boolean;
}

const R2024_11_05: RevisionTraits = {
  revision: '2024-11-05',
  strict: true,
  audio: false,
  batches: false,
  elicitation: false,
  resourceLinks: false,
  baseMetadata: false,
  envelopeInTypes: false,
  icons: false,
  samplingTools: false,
  tasks: false,
  elicitationV2: false,
  stateless: false,
};

const R2025_03_26: RevisionTraits = {
  ...R2024_11_05,
  revision: '2025-03-26',
  audio: true,
  batches: true,
};

const R2025_06_18: RevisionTraits = {
  ...R2025_03_26,
  revision: '2025-06-18',
  batches: false,
  elicitation: true,
  resourceLinks: true,
  baseMetadata: true,
};

const R2025_11_25: RevisionTraits = {
  ...R2025_06_18,
  revision: '2025-11-25',
  envelopeInTypes: true,
  icons: true,
  samplingTools: true,
  tasks: true,
  elicitationV2: true,
};

const R2026_07_28: RevisionTraits = {
  ...R2025_11_25,
  revision: '2026-07-28',
  tasks: false,
  stateless: true,
};

/** Traits of each revision mcpkit implements. */
export const REVISION_TRAITS: Readonly<Record<string, RevisionTraits>> = {
  '2024-11-05': R2024_11_05,
  '2025-03-26': R2025_03_26,
  '2025-06-18': R2025_06_18,
  '2025-11-25': R2025_11_25,
  '2026-07-28': R2026_07_28,
};

/**
 * The neutral superset: every shape of every revision, with era-specific requirements relaxed.
 * The exported schemas and types are built from it: they accept messages of any revision.
 */
export const NEUTRAL_TRAITS: RevisionTraits = {
  ...R2026_07_28,
  revision: 'neutral',
  strict: false,
  tasks: true,
};
