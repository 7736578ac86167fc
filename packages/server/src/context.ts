/**
 * The context every server handler receives: who is asking, in which era, and the one API for
 * talking back (logs, progress, and input from the client) that works the same in both eras.
 */
import type { AuthInfo, RequestContext, RequestInfo } from '@mcpkit/jsonrpc';
import {
  type ClientCapabilities,
  type CreateMessageRequestParams,
  type CreateMessageResult,
  CreateMessageResultSchema,
  type ElicitRequestParams,
  type ElicitResult,
  ElicitResultSchema,
  type Implementation,
  type ListRootsResult,
  ListRootsResultSchema,
  type LoggingLevel,
  SdkError,
} from '@mcpkit/protocol';
import { clientSupports, type InputKind, missingCapabilityError } from './capabilities';
import type { InputOptions, InputRound } from './input';
import type { Server } from './server';
import type { ServerSession } from './server-session';

/** Severity order of MCP log levels, lowest first. */
export const LOG_LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];

/** Whether a message at `level` passes a threshold of `threshold`. */
export function logLevelPasses(level: LoggingLevel, threshold: LoggingLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/** What the server knows about the caller of one request, per era. */
export interface CallerInfo {
  era: 'stateful' | 'stateless';
  protocolVersion: string;
  clientCapabilities: ClientCapabilities;
  clientInfo: Implementation | undefined;
  /** Stateless: the request's own log level (absent: send no logs). Stateful: the session's. */
  logLevel: LoggingLevel | undefined;
}

/**
 * The context of one request, as server handlers see it. The same handler runs in both eras:
 * `elicit`, `createMessage` and `listRoots` send a request to the client in the stateful era, and
 * become input requests of a multi round-trip in the stateless era (the handler then runs again
 * on the retry: ask in the same order every run, and keep side effects after the asks).
 */
export class ServerContext<L = unknown> {
  constructor(
    /** The server handling the request. */
    readonly server: Server<L>,
    /** The connection the request arrived on. */
    readonly session: ServerSession<L>,
    private readonly request: RequestContext,
    private readonly caller: CallerInfo,
    private readonly round: InputRound | undefined,
  ) {}

  /** The JSON-RPC id of the request. */
  get requestId() {
    return this.request.requestId;
  }
  /** Its method. */
  get method(): string {
    return this.request.method;
  }
  /** Aborts on cancellation, disconnect or server shutdown; pass it to anything slow. */
  get signal(): AbortSignal {
    return this.request.signal;
  }
  /** The request's `_meta`. */
  get _meta() {
    return this.request._meta;
  }
  /** The authenticated caller, when an auth hook established one. */
  get authInfo(): AuthInfo | undefined {
    return this.request.authInfo;
  }
  /** The HTTP request it arrived on (HTTP transports). */
  get requestInfo(): RequestInfo | undefined {
    return this.request.requestInfo;
  }
  /** The transport's session id (stateful HTTP). */
  get sessionId(): string | undefined {
    return this.request.sessionId;
  }
  /** Which protocol era the request belongs to. */
  get era(): 'stateful' | 'stateless' {
    return this.caller.era;
  }
  /** The revision the request speaks. */
  get protocolVersion(): string {
    return this.caller.protocolVersion;
  }
  /** What the client declared it supports (per request in the stateless era). */
  get clientCapabilities(): ClientCapabilities {
    return this.caller.clientCapabilities;
  }
  /** The client's self-description, if it sent one. */
  get clientInfo(): Implementation | undefined {
    return this.caller.clientInfo;
  }
  /** The value the server's lifespan produced at start-up. */
  get lifespan(): L {
    return this.server.lifespanContext;
  }

  /**
   * Sends a log message to the client (`notifications/message`) on this request's stream, if the
   * client's level lets it through. In the stateless era a request without a log level gets none.
   * Never rejects.
   */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    const threshold = this.caller.logLevel;
    if (this.caller.era === 'stateless' && threshold === undefined) return Promise.resolve();
    if (threshold !== undefined && !logLevelPasses(level, threshold)) return Promise.resolve();
    if (!this.server.getCapabilities().logging) return Promise.resolve();
    const params: Record<string, unknown> = { level, data };
    if (logger !== undefined) params.logger = logger;
    return this.request.sendNotification('notifications/message', params);
  }

  /** Reports progress under the caller's progress token (nothing if it asked for none). Never rejects. */
  reportProgress(progress: number, total?: number, message?: string): Promise<void> {
    return this.request.reportProgress(progress, total, message);
  }

  /** Sends any notification tied to this request. Never rejects. */
  sendNotification(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.request.sendNotification(method, params);
  }

  /**
   * Ends the SSE stream this request's answer travels on, so the client reconnects and gets it
   * from the event store (Streamable HTTP with resumability); a no-op elsewhere.
   */
  closeStream(): void {
    this.request.closeStream();
  }

  /** Asks the user for input through the client (form or URL elicitation). */
  elicit(params: ElicitRequestParams, options?: InputOptions): Promise<ElicitResult> {
    const mode = (params as { mode?: string }).mode === 'url' ? 'url' : undefined;
    return this.ask(
      'elicitation',
      'elicitation/create',
      params,
      options,
      mode,
    ) as Promise<ElicitResult>;
  }

  /** Asks the client's model for a completion (sampling). */
  createMessage(
    params: CreateMessageRequestParams,
    options?: InputOptions,
  ): Promise<CreateMessageResult> {
    const detail =
      params.tools !== undefined || params.toolChoice !== undefined ? 'tools' : undefined;
    return this.ask(
      'sampling',
      'sampling/createMessage',
      params,
      options,
      detail,
    ) as Promise<CreateMessageResult>;
  }

  /** Asks the client for its roots. */
  listRoots(options?: InputOptions): Promise<ListRootsResult> {
    return this.ask('roots', 'roots/list', undefined, options) as Promise<ListRootsResult>;
  }

  private ask(
    kind: InputKind,
    method: string,
    params: object | undefined,
    options: InputOptions | undefined,
    detail?: 'tools' | 'url',
  ): Promise<unknown> {
    if (!clientSupports(this.caller.clientCapabilities, kind, detail)) {
      return Promise.reject(missingCapabilityError(kind, this.caller.era, detail));
    }
    const body = params as Record<string, unknown> | undefined;
    if (this.caller.era === 'stateful') {
      return this.request.sendRequest(method, body, { resultSchema: RESULT_SCHEMAS[method] });
    }
    if (!this.round) {
      return Promise.reject(
        new SdkError(
          'INVALID_STATE',
          `"${this.method}" cannot ask the client for input in the stateless era: only tools/call, prompts/get and resources/read may answer with an input request.`,
        ),
      );
    }
    return this.round.ask(method, body, options);
  }
}

const RESULT_SCHEMAS = {
  'elicitation/create': ElicitResultSchema,
  'sampling/createMessage': CreateMessageResultSchema,
  'roots/list': ListRootsResultSchema,
} as Record<string, import('@mcpkit/jsonrpc').ParamsValidator>;
