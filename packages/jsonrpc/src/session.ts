/**
 * The session engine that the MCP server and client both run: ids and response correlation,
 * notifications, per-request timeouts and cancellation, progress, error mapping, and clean-up on
 * every path. It knows JSON-RPC and the few MCP notifications that drive it (cancelled, progress),
 * nothing else.
 */
import {
  ErrorCode,
  type JSONRPCMessage,
  McpError,
  type ProgressToken,
  type RequestId,
  SdkError,
  truncate,
} from '@mcpkit/protocol';
import {
  type HandlerOptions,
  HandlerRegistry,
  invalidParamsError,
  type NotificationContext,
  type NotificationHandler,
  type ParamsValidator,
  type RequestHandler,
} from './handlers';
import { type Logger, silentLogger } from './logger';
import type { RequestContext } from './request-context';
import type {
  AuthInfo,
  MessageExtra,
  RequestInfo,
  Transport,
  TransportCloseInfo,
  TransportSendOptions,
} from './transport';

/** How long a request waits for its answer by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/**
 * The backstop for requests whose timeout progress keeps resetting: by default a request may run
 * ten default timeouts in total.
 */
export const DEFAULT_MAX_TOTAL_TIMEOUT_MS = 10 * DEFAULT_REQUEST_TIMEOUT_MS;

/** A progress update the peer sent for one of our requests. */
export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

/** Options for one outgoing request. */
export interface RequestOptions {
  /** Aborts the request: the peer is sent `notifications/cancelled` and the promise rejects. */
  signal?: AbortSignal;
  /** How long to wait for the answer. Default {@link DEFAULT_REQUEST_TIMEOUT_MS}; `Infinity` waits forever. */
  timeoutMs?: number;
  /**
   * Whether a progress notification restarts the timeout. Default `true`: a request that keeps
   * reporting progress is alive, however long it runs (up to `maxTotalTimeoutMs`).
   */
  resetTimeoutOnProgress?: boolean;
  /** The hard limit however much progress arrives. Default {@link DEFAULT_MAX_TOTAL_TIMEOUT_MS}. */
  maxTotalTimeoutMs?: number;
  /** Asks the peer for progress (a progress token is added to `_meta`) and receives it here. */
  onprogress?: (progress: Progress) => void;
  /** Validates the result; a mismatch rejects with `SdkError('INVALID_RESULT')`. */
  resultSchema?: ParamsValidator;
  /** The incoming request this one is sent on behalf of (routes it onto that request's stream). */
  relatedRequestId?: RequestId;
  /** Extra options handed to the transport with this request (e.g. `headerParams`). */
  transportOptions?: TransportSendOptions;
}

/** Options for one outgoing notification. */
export interface NotificationOptions {
  relatedRequestId?: RequestId;
}

/** Options of a session. */
export interface SessionOptions {
  /** Handlers to answer with; share one registry between the sessions of one server. */
  handlers?: HandlerRegistry;
  /** Defaults for outgoing requests. */
  timeoutMs?: number;
  maxTotalTimeoutMs?: number;
  resetTimeoutOnProgress?: boolean;
  /** Receives diagnostics (unknown response ids, handler failures). Silent by default. */
  logger?: Logger;
  /** Names this side in messages ("client", "server"). */
  name?: string;
  /**
   * Runs before any handler for every incoming request; throw `McpError` to refuse it. The server
   * uses it for era detection and capability checks.
   */
  beforeRequest?: (
    method: string,
    params: Record<string, unknown> | undefined,
    context: RequestContext,
  ) => void;
}

interface PendingRequest {
  readonly id: number;
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly maxTotalTimeoutMs: number;
  readonly resetTimeoutOnProgress: boolean;
  readonly onprogress: ((progress: Progress) => void) | undefined;
  readonly resultSchema: ParamsValidator | undefined;
  readonly signal: AbortSignal | undefined;
  abortListener: (() => void) | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether progress ever restarted the timer (changes what a timeout means). */
  progressed: boolean;
}

const TIMEOUT_REASON = 'timeout';

/**
 * One JSON-RPC conversation over one transport. Requests from the peer are answered by the
 * handlers of its registry (concurrently); requests to the peer are correlated by id.
 * @example
 * const session = new JsonRpcSession();
 * session.setRequestHandler('echo', (params) => params);
 * await session.connect(transport);
 * const answer = await session.request('echo', { hello: 'world' });
 */
export class JsonRpcSession {
  /** Called once when the session's transport closes (by either side). */
  onclose?: (info?: TransportCloseInfo) => void;
  /** Called for problems that do not end the session: a handler failure, an unknown response id. */
  onerror?: (error: Error) => void;
  /**
   * Called with an error response that names no request (the peer could not read one of ours,
   * e.g. a parse error). A caller waiting on a probe can treat it as the answer.
   */
  onuncorrelatederror?: (error: McpError) => void;

  readonly handlers: HandlerRegistry;
  protected readonly logger: Logger;
  private readonly name: string;
  private readonly defaultTimeoutMs: number;
  private readonly defaultMaxTotalTimeoutMs: number;
  private readonly defaultResetOnProgress: boolean;
  private readonly beforeRequest: SessionOptions['beforeRequest'];

  private transportRef: Transport | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly inflight = new Map<RequestId, IncomingRequest>();
  private closed = false;
  private closeInfo: TransportCloseInfo | undefined;
  /** Answers handed to the transport whose write has not settled yet. */
  private readonly sending = new Set<Promise<unknown>>();
  private readonly idleWaiters: Array<() => void> = [];

  constructor(options: SessionOptions = {}) {
    this.handlers = options.handlers ?? new HandlerRegistry();
    this.logger = options.logger ?? silentLogger;
    this.name = options.name ?? 'session';
    this.defaultTimeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.defaultMaxTotalTimeoutMs = options.maxTotalTimeoutMs ?? DEFAULT_MAX_TOTAL_TIMEOUT_MS;
    this.defaultResetOnProgress = options.resetTimeoutOnProgress ?? true;
    this.beforeRequest = options.beforeRequest;
    this.onTimeout = this.onTimeout.bind(this);
  }

  /** The connected transport, if any. */
  get transport(): Transport | undefined {
    return this.transportRef;
  }

  /** Whether the session's transport has closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Outgoing requests still waiting for an answer (for diagnostics and tests). */
  get pendingRequestCount(): number {
    return this.pending.size;
  }

  /**
   * The id the next `request()` call will use. Read it right before calling `request()` (both are
   * synchronous) to correlate notifications that name the request, such as a listen stream's.
   */
  get nextRequestId(): number {
    return this.nextId;
  }

  /** Incoming requests whose handlers are still running. */
  get inflightRequestCount(): number {
    return this.inflight.size;
  }

  /** Takes over `transport`: sets its callbacks and starts it. One transport per session. */
  async connect(transport: Transport): Promise<void> {
    if (this.transportRef) {
      throw new SdkError(
        'ALREADY_CONNECTED',
        `This ${this.name} is already connected to ${this.describe()}; create another ${this.name} for a second connection.`,
      );
    }
    this.transportRef = transport;
    this.closed = false;
    transport.onmessage = (message, extra) => this.receive(message, extra);
    transport.onerror = (error) => this.reportError(error);
    transport.onclose = (info) => this.handleClose(info);
    // The peer is done sending: answer what it already asked, then close.
    transport.oninputended = () => {
      void this.drain(this.defaultTimeoutMs).then(() => this.close());
    };
    await transport.start();
  }

  /** Closes the transport; pending requests reject and running handlers are aborted. */
  async close(): Promise<void> {
    const transport = this.transportRef;
    if (!transport || this.closed) return;
    await transport.close();
    // a transport that never calls onclose must not leave the session half-open
    this.handleClose({ reason: `the ${this.name} closed the connection` });
  }

  setRequestHandler<P = unknown, R = unknown>(
    method: string,
    handler: RequestHandler<P, R>,
    options?: HandlerOptions<P>,
  ): void {
    this.handlers.setRequestHandler(method, handler, options);
  }

  setNotificationHandler<P = unknown>(
    method: string,
    handler: NotificationHandler<P>,
    options?: HandlerOptions<P>,
  ): void {
    this.handlers.setNotificationHandler(method, handler, options);
  }

  // ---------------------------------------------------------------------------------------------
  // Outgoing

  /**
   * Sends a request and resolves with the peer's result. Rejects with `McpError` when the peer
   * answers with an error, and with `SdkError` on timeout, abort, a closed connection or a result
   * that fails `resultSchema`.
   */
  request(
    method: string,
    params?: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<unknown> {
    const transport = this.transportRef;
    if (!transport || this.closed) {
      return Promise.reject(this.notConnectedError(method));
    }
    const signal = options.signal;
    if (signal?.aborted) {
      return Promise.reject(
        new SdkError('REQUEST_CANCELLED', `"${method}" was aborted before it was sent`, {
          cause: signal.reason,
        }),
      );
    }
    const id = this.nextId++;
    let outParams = params;
    if (options.onprogress) {
      const meta = (params?._meta as Record<string, unknown> | undefined) ?? {};
      outParams = { ...params, _meta: { ...meta, progressToken: id } };
    }
    const message: JSONRPCMessage =
      outParams === undefined
        ? { jsonrpc: '2.0', id, method }
        : { jsonrpc: '2.0', id, method, params: outParams };

    return new Promise<unknown>((resolve, reject) => {
      const entry: PendingRequest = {
        id,
        method,
        resolve,
        reject,
        startedAt: Date.now(),
        timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
        maxTotalTimeoutMs: options.maxTotalTimeoutMs ?? this.defaultMaxTotalTimeoutMs,
        resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? this.defaultResetOnProgress,
        onprogress: options.onprogress,
        resultSchema: options.resultSchema,
        signal,
        abortListener: undefined,
        timer: undefined,
        progressed: false,
      };
      this.pending.set(id, entry);
      // Infinity (a listen stream, say) means no timer at all: setTimeout would fire at once
      if (Number.isFinite(entry.timeoutMs))
        entry.timer = setTimeout(this.onTimeout, entry.timeoutMs, id);
      if (signal) {
        entry.abortListener = () => this.cancelPending(id, signal.reason);
        signal.addEventListener('abort', entry.abortListener, { once: true });
      }
      const sendOptions: TransportSendOptions | undefined =
        options.relatedRequestId === undefined
          ? options.transportOptions
          : { ...options.transportOptions, relatedRequestId: options.relatedRequestId };
      transport.send(message, sendOptions).then(undefined, (error: unknown) => {
        // a transport that says precisely what went wrong (SESSION_EXPIRED, UNAUTHORIZED, …)
        // keeps its code, so callers can act on it; anything else is a transport error
        const code = SdkError.is(error) ? error.code : 'TRANSPORT_ERROR';
        this.settle(
          id,
          new SdkError(
            code,
            `Could not send "${method}" over ${this.describe()}: ${messageOf(error)}`,
            {
              cause: error,
            },
          ),
        );
      });
    });
  }

  /** Sends a notification. Rejects when the transport refuses it. */
  async notify(
    method: string,
    params?: Record<string, unknown>,
    options: NotificationOptions = {},
  ): Promise<void> {
    const transport = this.transportRef;
    if (!transport || this.closed) throw this.notConnectedError(method);
    const message: JSONRPCMessage =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    await transport.send(
      message,
      options.relatedRequestId === undefined
        ? undefined
        : { relatedRequestId: options.relatedRequestId },
    );
  }

  /**
   * Like {@link notify}, but never rejects: a notification that cannot be delivered any more
   * (the peer is gone) is dropped and logged at debug level. For progress and log messages
   * raised from handlers, which must not fail the handler.
   */
  notifyQuietly(
    method: string,
    params?: Record<string, unknown>,
    options?: NotificationOptions,
  ): Promise<void> {
    if (this.closed || !this.transportRef) {
      this.logger.debug(`dropped "${method}": the connection is closed`);
      return Promise.resolve();
    }
    return this.notify(method, params, options).catch((error: unknown) => {
      this.logger.debug(`dropped "${method}": ${messageOf(error)}`);
    });
  }

  private onTimeout(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    const elapsed = Date.now() - entry.startedAt;
    this.cancelPending(id, TIMEOUT_REASON, this.timeoutError(entry, elapsed));
  }

  private timeoutError(entry: PendingRequest, elapsed: number): SdkError {
    if (entry.progressed && elapsed >= entry.maxTotalTimeoutMs) {
      return new SdkError(
        'REQUEST_TIMEOUT',
        `"${entry.method}" (id ${entry.id}) ran ${elapsed} ms, past its maximum total timeout of ${entry.maxTotalTimeoutMs} ms, despite progress; raise maxTotalTimeoutMs for longer work.`,
      );
    }
    return new SdkError(
      'REQUEST_TIMEOUT',
      `"${entry.method}" (id ${entry.id}) got no answer from ${this.describe()} in ${elapsed} ms; raise timeoutMs, or have the ${this.peerName()} report progress.`,
    );
  }

  /** Gives up on a pending request: tells the peer, and rejects the caller. */
  private cancelPending(id: number, reason: unknown, error?: Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    const reasonText = reason === TIMEOUT_REASON ? 'timeout' : messageOf(reason);
    this.settle(
      id,
      error ??
        new SdkError(
          'REQUEST_CANCELLED',
          `"${entry.method}" (id ${id}) was cancelled: ${reasonText}`,
          {
            cause: reason,
          },
        ),
    );
    void this.notifyQuietly('notifications/cancelled', { requestId: id, reason: reasonText });
  }

  /** Removes a pending request and settles its promise; every exit path goes through here. */
  private settle(id: number, error: Error | undefined, result?: unknown): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    if (entry.signal && entry.abortListener)
      entry.signal.removeEventListener('abort', entry.abortListener);
    if (error) entry.reject(error);
    else entry.resolve(result);
  }

  // ---------------------------------------------------------------------------------------------
  // Incoming

  /**
   * Dispatches one decoded message. Transports call this through `onmessage`; it never throws.
   * Dispatch reads `method`, `id`, `result` and `error` directly: no schema runs on the envelope.
   */
  receive(message: JSONRPCMessage, extra?: MessageExtra): void {
    const m = message as Record<string, unknown>;
    if (typeof m !== 'object' || m === null || m.jsonrpc !== '2.0') {
      this.reportError(
        new SdkError(
          'PROTOCOL_VIOLATION',
          `${this.peerName()} sent something that is not a JSON-RPC 2.0 message: ${preview(message)}`,
        ),
      );
      return;
    }
    if (typeof m.method === 'string') {
      if (m.id === undefined) this.receiveNotification(m.method, m.params, extra);
      else this.receiveRequest(m.id as RequestId, m.method, m.params, extra);
      return;
    }
    // JSON-RPC answers an unreadable request with `id: null`: that names no request of ours
    if (m.id !== undefined && m.id !== null && ('result' in m || 'error' in m)) {
      this.receiveResponse(m);
      return;
    }
    if ('error' in m) {
      // an error without an id answers something we sent that the peer could not read
      const error = m.error as { code?: number; message?: string; data?: unknown } | undefined;
      if (this.onuncorrelatederror) {
        this.onuncorrelatederror(
          McpError.fromWire(
            typeof error?.code === 'number' ? error.code : ErrorCode.InternalError,
            String(error?.message ?? 'error without a message'),
            error?.data,
          ),
        );
        return;
      }
      this.reportError(
        new SdkError(
          'PROTOCOL_VIOLATION',
          `${this.peerName()} reported an error about an unreadable message: ${error?.message ?? preview(m.error)} (${error?.code ?? 'no code'})`,
        ),
      );
      return;
    }
    this.reportError(
      new SdkError(
        'PROTOCOL_VIOLATION',
        `${this.peerName()} sent an unrecognised message: ${preview(message)}`,
      ),
    );
  }

  private receiveResponse(m: Record<string, unknown>): void {
    const id = m.id;
    const entry = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (!entry) {
      // A late answer to a request we cancelled or timed out is expected and dropped; an id we
      // never issued is a peer bug worth reporting.
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < this.nextId) {
        this.logger.debug(`dropped a late response to request ${id}`);
      } else {
        this.reportError(
          new SdkError(
            'PROTOCOL_VIOLATION',
            `${this.peerName()} answered a request id this ${this.name} never sent: ${preview(id)}`,
          ),
        );
      }
      return;
    }
    if ('error' in m) {
      const error = (m.error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
      const code = typeof error.code === 'number' ? error.code : ErrorCode.InternalError;
      const text = typeof error.message === 'string' ? error.message : 'error without a message';
      this.settle(entry.id, McpError.fromWire(code, text, error.data));
      return;
    }
    let result = m.result;
    if (entry.resultSchema) {
      const parsed = entry.resultSchema.safeParse(result);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        this.settle(
          entry.id,
          new SdkError(
            'INVALID_RESULT',
            `The result of "${entry.method}" (id ${entry.id}) from ${this.describe()} does not match the spec: ${issues}`,
          ),
        );
        return;
      }
      result = parsed.data;
    }
    this.settle(entry.id, undefined, result);
  }

  private receiveNotification(
    method: string,
    params: unknown,
    extra: MessageExtra | undefined,
  ): void {
    const p = (params ?? undefined) as Record<string, unknown> | undefined;
    if (method === 'notifications/cancelled') {
      const requestId = p?.requestId as RequestId | undefined;
      if (requestId !== undefined) this.cancelIncoming(requestId, p?.reason);
    } else if (method === 'notifications/progress') {
      this.receiveProgress(p);
    }
    const entry = this.handlers.getNotificationHandler(method);
    if (!entry) return;
    let value: unknown = p;
    if (entry.params) {
      const parsed = entry.params.safeParse(p ?? {});
      if (!parsed.success) {
        this.reportError(invalidParamsError(method, parsed.error.issues));
        return;
      }
      value = parsed.data;
    }
    const context: NotificationContext = {
      method,
      authInfo: extra?.authInfo,
      requestInfo: extra?.requestInfo,
      sessionId: this.transportRef?.sessionId,
      session: this,
    };
    try {
      const out = entry.handler(value, context);
      if (out && typeof (out as Promise<void>).then === 'function') {
        (out as Promise<void>).then(undefined, (error: unknown) =>
          this.reportHandlerError(method, error),
        );
      }
    } catch (error) {
      this.reportHandlerError(method, error);
    }
  }

  /**
   * Aborts a running handler and forgets it at once: its eventual answer is never sent, and a
   * handler that ignores its signal and never returns holds no entry in our maps.
   */
  private cancelIncoming(requestId: RequestId, reason: unknown): void {
    const request = this.inflight.get(requestId);
    if (!request) return;
    this.inflight.delete(requestId);
    request.cancel(reason);
    this.checkIdle();
  }

  private receiveProgress(p: Record<string, unknown> | undefined): void {
    const token = p?.progressToken as ProgressToken | undefined;
    const entry = typeof token === 'number' ? this.pending.get(token) : undefined;
    if (!entry || typeof p?.progress !== 'number') return;
    if (entry.resetTimeoutOnProgress) {
      entry.progressed = true;
      const elapsed = Date.now() - entry.startedAt;
      if (elapsed >= entry.maxTotalTimeoutMs) {
        this.cancelPending(entry.id, TIMEOUT_REASON, this.timeoutError(entry, elapsed));
        return;
      }
      if (entry.timer !== undefined) clearTimeout(entry.timer);
      const next = Math.min(entry.timeoutMs, entry.maxTotalTimeoutMs - elapsed);
      entry.timer = Number.isFinite(next) ? setTimeout(this.onTimeout, next, entry.id) : undefined;
    }
    if (entry.onprogress) {
      const update: Progress = { progress: p.progress as number };
      if (typeof p.total === 'number') update.total = p.total;
      if (typeof p.message === 'string') update.message = p.message;
      try {
        entry.onprogress(update);
      } catch (error) {
        this.reportError(
          new SdkError(
            'INVALID_STATE',
            `the onprogress callback of "${entry.method}" threw: ${messageOf(error)}`,
            { cause: error },
          ),
        );
      }
    }
  }

  private receiveRequest(
    id: RequestId,
    method: string,
    params: unknown,
    extra: MessageExtra | undefined,
  ): void {
    if (this.inflight.has(id)) {
      this.respondError(
        id,
        new McpError(
          ErrorCode.InvalidRequest,
          `Request id ${preview(id)} is already in use by a request still being handled; use a fresh id per request.`,
        ),
      );
      return;
    }
    const entry = this.handlers.getRequestHandler(method);
    if (!entry) {
      this.respondError(
        id,
        new McpError(ErrorCode.MethodNotFound, `Method not found: "${truncate(method)}"`),
      );
      return;
    }
    const request = new IncomingRequest(
      this,
      id,
      method,
      params as Record<string, unknown> | undefined,
      extra,
    );
    this.inflight.set(id, request);
    this.runHandler(request, entry.handler, entry.params).then(
      (result) => this.finish(request, undefined, result),
      (error: unknown) => this.finish(request, error, undefined),
    );
  }

  private async runHandler(
    request: IncomingRequest,
    handler: RequestHandler,
    validator: ParamsValidator | undefined,
  ): Promise<unknown> {
    this.beforeRequest?.(request.method, request.params, request);
    let params: unknown = request.params;
    if (validator) {
      const parsed = validator.safeParse(params ?? {});
      if (!parsed.success) throw invalidParamsError(request.method, parsed.error.issues);
      params = parsed.data;
    }
    return handler(params, request);
  }

  private finish(request: IncomingRequest, error: unknown, result: unknown): void {
    // a cancelled request's id may already belong to a newer request
    if (this.inflight.get(request.requestId) === request) this.inflight.delete(request.requestId);
    request.release();
    // The spec asks receivers of a cancellation not to answer; a closed session cannot.
    if (request.cancelled || this.closed) {
      this.checkIdle();
      return;
    }
    if (error !== undefined) {
      this.respondError(request.requestId, this.toWireError(request.method, error));
      return;
    }
    const message: JSONRPCMessage = {
      jsonrpc: '2.0',
      id: request.requestId,
      result: (result ?? {}) as Record<string, unknown>,
    };
    this.sendQuietly(message, request.requestId);
  }

  /** Maps a handler failure to the error the peer sees, without leaking internals. */
  private toWireError(method: string, error: unknown): McpError {
    if (McpError.is(error)) return error;
    this.logger.error(`the handler of "${method}" failed`, { error });
    this.reportError(
      new SdkError('INVALID_STATE', `the handler of "${method}" threw: ${messageOf(error)}`, {
        cause: error,
      }),
    );
    return new McpError(
      ErrorCode.InternalError,
      `Internal error while handling "${truncate(method)}"`,
    );
  }

  private respondError(id: RequestId, error: McpError): void {
    this.sendQuietly({ jsonrpc: '2.0', id, error: error.toJSON() }, id);
  }

  /** Sends a response; a peer that has gone away is not an error of ours. */
  private sendQuietly(message: JSONRPCMessage, relatedRequestId: RequestId): void {
    const transport = this.transportRef;
    if (!transport || this.closed) return;
    const sent = transport.send(message, { relatedRequestId }).then(undefined, (error: unknown) => {
      if (this.closed) {
        this.logger.debug(
          `dropped the answer to ${preview(relatedRequestId)}: the connection closed`,
        );
        return;
      }
      this.reportError(
        new SdkError(
          'TRANSPORT_ERROR',
          `Could not send the answer to request ${preview(relatedRequestId)} over ${this.describe()}: ${messageOf(error)}`,
          { cause: error },
        ),
      );
    });
    this.sending.add(sent);
    void sent.then(() => {
      this.sending.delete(sent);
      this.checkIdle();
    });
  }

  /**
   * Resolves once no incoming request is being handled and every answer has been written, or
   * after `timeoutMs`: for graceful shutdown, before `close()`.
   */
  drain(timeoutMs = 1000): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.idleWaiters.push(done);
    });
  }

  private isIdle(): boolean {
    return this.closed || (this.inflight.size === 0 && this.sending.size === 0);
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    for (const done of this.idleWaiters.splice(0)) done();
  }

  // ---------------------------------------------------------------------------------------------
  // Closing

  private handleClose(info: TransportCloseInfo | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.closeInfo = info;
    const why = info?.reason ? `: ${info.reason}` : '';
    for (const id of [...this.pending.keys()]) {
      const entry = this.pending.get(id) as PendingRequest;
      this.settle(
        id,
        new SdkError(
          'CONNECTION_CLOSED',
          `"${entry.method}" (id ${id}) got no answer: the connection to ${this.describe()} closed${why}. Reconnect and retry.`,
          { cause: info?.error },
        ),
      );
    }
    for (const request of [...this.inflight.values()]) {
      request.cancel(`the connection closed${why}`);
    }
    this.inflight.clear();
    this.checkIdle();
    this.didClose(info);
    this.onclose?.(info);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** @internal Sends for an IncomingRequest, quietly. */
  notifyRelated(
    method: string,
    params: Record<string, unknown> | undefined,
    relatedRequestId: RequestId,
  ): Promise<void> {
    return this.notifyQuietly(method, params, { relatedRequestId });
  }

  private notConnectedError(method: string): SdkError {
    if (this.closed) {
      const why = this.closeInfo?.reason ? ` (${this.closeInfo.reason})` : '';
      return new SdkError(
        'CONNECTION_CLOSED',
        `Cannot send "${method}": the connection to ${this.describe()} is closed${why}. Reconnect first.`,
      );
    }
    return new SdkError(
      'NOT_CONNECTED',
      `Cannot send "${method}": this ${this.name} is not connected; call connect(transport) first.`,
    );
  }

  private describe(): string {
    return this.transportRef?.description ?? `the ${this.peerName()}`;
  }

  private peerName(): string {
    return this.name === 'client' ? 'server' : this.name === 'server' ? 'client' : 'peer';
  }

  /** Subclasses release their own state here; runs once, before `onclose`. */
  protected didClose(_info: TransportCloseInfo | undefined): void {}

  protected reportError(error: Error): void {
    if (this.onerror) this.onerror(error);
    else this.logger.warn(error.message, { error });
  }

  private reportHandlerError(method: string, error: unknown): void {
    this.reportError(
      new SdkError(
        'INVALID_STATE',
        `the handler of notification "${method}" failed: ${messageOf(error)}`,
        { cause: error },
      ),
    );
  }
}

/**
 * One request being handled: the context its handler sees. Holds no AbortController until the
 * handler asks for `signal`; a cancellation that arrives first is remembered and turns into an
 * already-aborted signal.
 */
class IncomingRequest implements RequestContext {
  cancelled = false;
  private controller: AbortController | undefined;
  private cancelReason: unknown;

  constructor(
    readonly session: JsonRpcSession,
    readonly requestId: RequestId,
    readonly method: string,
    readonly params: Record<string, unknown> | undefined,
    private readonly extra: MessageExtra | undefined,
  ) {}

  get _meta(): Readonly<Record<string, unknown>> | undefined {
    const meta = this.params?._meta;
    return typeof meta === 'object' && meta !== null
      ? (meta as Record<string, unknown>)
      : undefined;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort(this.cancelReason);
    }
    return this.controller.signal;
  }

  get authInfo(): AuthInfo | undefined {
    return this.extra?.authInfo;
  }

  get requestInfo(): RequestInfo | undefined {
    return this.extra?.requestInfo;
  }

  get sessionId(): string | undefined {
    return this.session.transport?.sessionId;
  }

  get progressToken(): ProgressToken | undefined {
    const token = this._meta?.progressToken;
    return typeof token === 'string' || typeof token === 'number' ? token : undefined;
  }

  cancel(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.cancelReason = reason ?? 'cancelled by the peer';
    this.controller?.abort(this.cancelReason);
  }

  /** Drops references once the request is answered. */
  release(): void {
    this.controller = undefined;
  }

  sendNotification(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.session.notifyRelated(method, params, this.requestId);
  }

  sendRequest(
    method: string,
    params?: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<unknown> {
    return this.session.request(method, params, {
      ...options,
      relatedRequestId: this.requestId,
      signal: options.signal ?? this.signal,
    });
  }

  reportProgress(progress: number, total?: number, message?: string): Promise<void> {
    const progressToken = this.progressToken;
    if (progressToken === undefined) return Promise.resolve();
    const params: Record<string, unknown> = { progressToken, progress };
    if (total !== undefined) params.total = total;
    if (message !== undefined) params.message = message;
    return this.sendNotification('notifications/progress', params);
  }

  closeStream(): void {
    this.extra?.closeStream?.();
  }
}

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  return preview(value);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // circular or BigInt: String() still says something useful
    text = String(value);
  }
  return truncate(text, 120);
}
