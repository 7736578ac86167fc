/**
 * One connection of a server: the session engine plus what the stateful era remembers about the
 * client (negotiated revision, capabilities, log level, resource subscriptions). A stateless-era
 * request needs none of it; its own `_meta` says everything.
 */
import { JsonRpcSession, type RequestOptions, type SessionOptions } from '@mcpkit/jsonrpc';
import {
  type ClientCapabilities,
  type CreateMessageRequestParams,
  type CreateMessageResult,
  CreateMessageResultSchema,
  type ElicitRequestParams,
  type ElicitResult,
  ElicitResultSchema,
  EmptyResultSchema,
  type Implementation,
  type ListRootsResult,
  ListRootsResultSchema,
  type LoggingLevel,
} from '@mcpkit/protocol';
import { clientSupports, missingCapabilityError } from './capabilities';
import { logLevelPasses } from './context';
import type { Server } from './server';

/** A connection to one client. Created by `server.connect(transport)`. */
export class ServerSession<L = unknown> extends JsonRpcSession {
  /** The revision negotiated at `initialize` (stateful era), if any. */
  protocolVersion: string | undefined;
  /** What the client declared at `initialize`. */
  clientCapabilities: ClientCapabilities | undefined;
  /** The client's self-description from `initialize`. */
  clientInfo: Implementation | undefined;
  /** The level set with `logging/setLevel`; unset means every level is sent. */
  logLevel: LoggingLevel | undefined;
  /** Whether `notifications/initialized` arrived. */
  initialized = false;
  /** Resource URIs the client subscribed to. */
  readonly subscriptions = new Set<string>();
  /** Called when the client sends `notifications/initialized`. */
  oninitialized?: () => void;

  constructor(
    readonly server: Server<L>,
    options: SessionOptions,
  ) {
    super({ ...options, name: 'server' });
  }

  protected override didClose(): void {
    this.subscriptions.clear();
    this.server.sessions.delete(this);
  }

  /** Asks the client's model for a completion (stateful era). */
  createMessage(
    params: CreateMessageRequestParams,
    options?: RequestOptions,
  ): Promise<CreateMessageResult> {
    const detail =
      params.tools !== undefined || params.toolChoice !== undefined ? 'tools' : undefined;
    if (!clientSupports(this.clientCapabilities, 'sampling', detail)) {
      return Promise.reject(missingCapabilityError('sampling', 'stateful', detail));
    }
    return this.request('sampling/createMessage', params as Record<string, unknown>, {
      ...options,
      resultSchema: CreateMessageResultSchema,
    }) as Promise<CreateMessageResult>;
  }

  /** Asks the user for input through the client (stateful era). */
  elicit(params: ElicitRequestParams, options?: RequestOptions): Promise<ElicitResult> {
    const mode = (params as { mode?: string }).mode === 'url' ? 'url' : undefined;
    if (!clientSupports(this.clientCapabilities, 'elicitation', mode)) {
      return Promise.reject(missingCapabilityError('elicitation', 'stateful', mode));
    }
    return this.request('elicitation/create', params as Record<string, unknown>, {
      ...options,
      resultSchema: ElicitResultSchema,
    }) as Promise<ElicitResult>;
  }

  /** Asks the client for its roots (stateful era). */
  listRoots(options?: RequestOptions): Promise<ListRootsResult> {
    if (!clientSupports(this.clientCapabilities, 'roots')) {
      return Promise.reject(missingCapabilityError('roots', 'stateful'));
    }
    return this.request('roots/list', undefined, {
      ...options,
      resultSchema: ListRootsResultSchema,
    }) as Promise<ListRootsResult>;
  }

  /** Checks the client is alive. */
  ping(options?: RequestOptions): Promise<unknown> {
    return this.request('ping', undefined, { ...options, resultSchema: EmptyResultSchema });
  }

  /**
   * Sends a log message not tied to any request, if the session's level lets it through and the
   * server declares `logging`. Never rejects.
   */
  sendLoggingMessage(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    if (!this.server.getCapabilities().logging) return Promise.resolve();
    if (this.logLevel !== undefined && !logLevelPasses(level, this.logLevel))
      return Promise.resolve();
    const params: Record<string, unknown> = { level, data };
    if (logger !== undefined) params.logger = logger;
    return this.notifyQuietly('notifications/message', params);
  }
}
