/**
 * The handler registry: which function answers which method. A registry can be shared by many
 * sessions (one per connection of the same server), so registering a handler is not per-session
 * work.
 */
import { ErrorCode, McpError } from '@mcpkit/protocol';
import type { RequestContext } from './request-context';
import type { JsonRpcSession } from './session';
import type { AuthInfo, RequestInfo } from './transport';

/**
 * Anything with zod's `safeParse` shape: validates params before a handler runs. zod schemas fit;
 * so does any object that answers the same way.
 */
export interface ParamsValidator<T = unknown> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
      };
}

/** Answers one request method. Throw `McpError` to answer with that error. */
export type RequestHandler<P = unknown, R = unknown> = (
  params: P,
  context: RequestContext,
) => R | Promise<R>;

/** Reacts to one notification method. Errors are reported to the session's `onerror`. */
export type NotificationHandler<P = unknown> = (
  params: P,
  context: NotificationContext,
) => void | Promise<void>;

/** What a notification handler learns about the message beyond its params. */
export interface NotificationContext {
  readonly method: string;
  readonly authInfo?: AuthInfo;
  readonly requestInfo?: RequestInfo;
  readonly sessionId?: string;
  /** The session (connection) it arrived on. */
  readonly session: JsonRpcSession;
}

/** A registered request handler with the validator for its params. */
export interface RequestHandlerEntry {
  readonly handler: RequestHandler;
  readonly params?: ParamsValidator;
}

/** A registered notification handler with the validator for its params. */
export interface NotificationHandlerEntry {
  readonly handler: NotificationHandler;
  readonly params?: ParamsValidator;
}

/** Options of a registration. */
export interface HandlerOptions<P> {
  /** Validates params first; a failure answers -32602 naming the bad path. */
  params?: ParamsValidator<P>;
}

/** Method → handler tables, shared by every session created with them. */
export class HandlerRegistry {
  private readonly requests = new Map<string, RequestHandlerEntry>();
  private readonly notifications = new Map<string, NotificationHandlerEntry>();

  /** Answers `method` with `handler`, replacing any earlier handler for it. */
  setRequestHandler<P = unknown, R = unknown>(
    method: string,
    handler: RequestHandler<P, R>,
    options: HandlerOptions<P> = {},
  ): void {
    this.requests.set(method, {
      handler: handler as RequestHandler,
      params: options.params as ParamsValidator | undefined,
    });
  }

  /** Stops answering `method` (it then gets -32601). */
  removeRequestHandler(method: string): void {
    this.requests.delete(method);
  }

  /** Reacts to notifications of `method`, replacing any earlier handler for it. */
  setNotificationHandler<P = unknown>(
    method: string,
    handler: NotificationHandler<P>,
    options: HandlerOptions<P> = {},
  ): void {
    this.notifications.set(method, {
      handler: handler as NotificationHandler,
      params: options.params as ParamsValidator | undefined,
    });
  }

  removeNotificationHandler(method: string): void {
    this.notifications.delete(method);
  }

  hasRequestHandler(method: string): boolean {
    return this.requests.has(method);
  }

  getRequestHandler(method: string): RequestHandlerEntry | undefined {
    return this.requests.get(method);
  }

  getNotificationHandler(method: string): NotificationHandlerEntry | undefined {
    return this.notifications.get(method);
  }

  /** Methods with a request handler, for capability checks and diagnostics. */
  requestMethods(): string[] {
    return [...this.requests.keys()];
  }
}

/**
 * Turns a params validation failure into the -32602 error the spec asks for, naming the bad
 * path(s) so the caller can fix the request.
 */
export function invalidParamsError(
  method: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): McpError {
  const shown = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return new McpError(
    ErrorCode.InvalidParams,
    `Invalid params for "${method}": ${shown.join('; ')}${more}`,
    { issues: issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })) },
  );
}
