/**
 * The client side of Streamable HTTP: every message is a POST to one URL, answered with JSON or
 * with an SSE stream that this transport resumes (GET + `Last-Event-ID`) when it breaks before the
 * answer arrived. Runtime-neutral: global fetch, Headers and web streams only.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
 */
import {
  decodeValue,
  type MessageExtra,
  type Transport,
  type TransportCloseInfo,
  type TransportSendOptions,
} from '@mcpkit/jsonrpc';
import {
  classifyMessage,
  eraOf,
  Header,
  type JSONRPCMessage,
  MetaKey,
  Method,
  NotificationMethod,
  type RequestId,
  SdkError,
  truncate,
} from '@mcpkit/protocol';
import {
  contentTypeOf,
  discardBody,
  errorMessageOf,
  isRetryableStatus,
  redactUrl,
} from './internal/client-http';
import { paramHeaders, standardHeadersFor } from './mcp-headers';
import { SseParser } from './sse';

/** The hook the OAuth client plugs into (implemented by `@mcpkit/auth-client`). */
export interface HttpAuthProvider {
  /** Headers for every request, e.g. `{ Authorization: 'Bearer …' }`. */
  headers(url: URL): Promise<Record<string, string>> | Record<string, string>;
  /**
   * Called with a 401 or 403 response; resolve `true` to retry that request once with fresh
   * `headers()` (after refreshing a token, say), `false` to fail it.
   */
  onUnauthorized?(response: Response, url: URL): Promise<boolean>;
}

/**
 * How broken SSE streams are resumed. The delay before attempt `n` (from 0) is the server's
 * `retry:` value (else `initialDelayMs`) times `growFactor ** n`, capped at `maxDelayMs`.
 */
export interface ReconnectionOptions {
  /** Delay before the first attempt when the server sent no `retry:` field. Default 1000 ms. */
  initialDelayMs?: number;
  /** The longest delay between attempts. Default 30000 ms. */
  maxDelayMs?: number;
  /** Each consecutive failed attempt multiplies the delay by this. Default 1.5. */
  growFactor?: number;
  /** Consecutive failed attempts before giving up (reported through `onerror`). Default 2. */
  maxRetries?: number;
}

/** Options of {@link StreamableHTTPClientTransport}. */
export interface StreamableHTTPClientTransportOptions {
  /** The fetch to use (a proxy agent, a test double). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers on every HTTP request; they win over the transport's own. */
  headers?: Record<string, string>;
  /** Merged into every fetch (credentials, an outer abort signal, …). */
  requestInit?: RequestInit;
  /** Supplies credentials and handles 401/403 (see `@mcpkit/auth-client`). */
  authProvider?: HttpAuthProvider;
  /** Resume an existing session: sent as `Mcp-Session-Id` from the first request on. */
  sessionId?: string;
  /** How broken SSE streams are resumed. */
  reconnection?: ReconnectionOptions;
  /**
   * Open the standalone GET stream (server-initiated messages) after the stateful handshake.
   * Default true. Servers without one answer 405, which is fine.
   */
  standaloneStream?: boolean;
}

const DEFAULT_RECONNECTION: Required<ReconnectionOptions> = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  growFactor: 1.5,
  maxRetries: 2,
};

/** Statuses that mean "this server has no standalone GET stream", not a failure. */
const NO_STANDALONE_STREAM = new Set([400, 404, 405, 409]);

/** One outgoing message and what the transport derived from it. */
interface Exchange {
  message: JSONRPCMessage;
  options: TransportSendOptions;
  /** Set when the message is a request: the id its answer carries. */
  requestId: RequestId | undefined;
  /** The `MCP-Protocol-Version` header value, if any. */
  version: string | undefined;
  /** Whether the message claims a protocol version in `_meta` (the 2026-07-28 era). */
  claimsVersion: boolean;
}

/** What one SSE stream (and its resumptions) has seen so far. */
interface StreamState {
  lastEventId?: string;
  /** The server's `retry:` value, in ms. */
  retryMs?: number;
  /** The answer to the exchange's request arrived. */
  answered: boolean;
}

/**
 * An MCP client transport over Streamable HTTP, for both protocol eras: sessions, the standalone
 * GET stream and DELETE on close in the stateful era; `Mcp-Method`, `Mcp-Name` and `Mcp-Param-*`
 * headers for messages that carry a 2026-07-28 `_meta` version claim.
 * @example
 * const transport = new StreamableHTTPClientTransport('http://127.0.0.1:3000/mcp');
 * await client.connect(transport);
 */
export class StreamableHTTPClientTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  readonly description: string;

  private readonly url: URL;
  private readonly options: StreamableHTTPClientTransportOptions;
  private readonly fetchFn: typeof fetch;
  private readonly reconnection: Required<ReconnectionOptions>;
  /** Aborted by close(): every fetch and stream of this transport listens to it. */
  private readonly lifetime = new AbortController();
  private readonly readers = new Set<ReadableStreamDefaultReader<Uint8Array>>();
  private session: string | undefined;
  private protocolVersion: string | undefined;
  private started = false;
  private closed = false;
  private closing: Promise<void> | undefined;
  private standaloneOpen = false;

  constructor(url: string | URL, options: StreamableHTTPClientTransportOptions = {}) {
    this.url = new URL(url);
    this.options = options;
    this.description = `streamable-http ${redactUrl(this.url)}`;
    const custom = options.fetch;
    // called unbound: browsers throw "Illegal invocation" when fetch runs with another `this`
    this.fetchFn = custom
      ? (input, init) => custom(input, init)
      : (input, init) => globalThis.fetch(input, init);
    const reconnection = { ...DEFAULT_RECONNECTION };
    for (const [key, value] of Object.entries(options.reconnection ?? {})) {
      if (value !== undefined) reconnection[key as keyof ReconnectionOptions] = value;
    }
    this.reconnection = reconnection;
    this.session = options.sessionId;
  }

  /** The session id the server assigned (or the one passed in `options.sessionId`). */
  get sessionId(): string | undefined {
    return this.session;
  }

  /** Does no I/O: the first `send()` makes the first request. */
  async start(): Promise<void> {
    if (this.started) {
      throw new SdkError(
        'INVALID_STATE',
        `${this.description} is already started; create a new transport to connect again.`,
      );
    }
    this.started = true;
  }

  /** Remembers the negotiated revision; later requests carry it as `MCP-Protocol-Version`. */
  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  /**
   * POSTs one message. Resolves once the server accepted it: answers arrive through `onmessage`,
   * from the JSON body or from an SSE stream read in the background.
   */
  async send(message: JSONRPCMessage, options: TransportSendOptions = {}): Promise<void> {
    if (this.closed) throw this.closedError();
    const exchange = this.exchangeFor(message, options);
    if (options.resumptionToken !== undefined) {
      // the request was POSTed earlier (maybe by another transport): only its stream is left
      this.background(
        this.follow(exchange, undefined, { lastEventId: options.resumptionToken, answered: false }),
      );
      return;
    }
    const sentSession = this.session;
    const response = await this.post(exchange);
    const stream = await this.accept(exchange, response, sentSession);
    if (stream) this.background(this.follow(exchange, stream, { answered: false }));
    if ('method' in message && message.method === NotificationMethod.Initialized) {
      this.openStandaloneStream();
    }
  }

  /**
   * Aborts every request and stream, ends the session with DELETE when there is one (failures
   * ignored: the server may not support it), then calls `onclose` once.
   */
  close(): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.closing = this.shutdown();
    }
    return this.closing;
  }

  /**
   * Ends the session explicitly with `DELETE` and forgets its id. A server that does not allow
   * clients to end sessions (405) or already forgot it (404) counts as done.
   * @throws SdkError `TRANSPORT_ERROR` for any other failure.
   */
  async terminateSession(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    // not the lifetime signal: close() sends this after aborting everything else
    const response = await this.request(
      'DELETE',
      {},
      this.protocolVersion,
      undefined,
      this.options.requestInit?.signal ?? null,
    );
    if (!response.ok && response.status !== 405 && response.status !== 404) {
      throw this.httpError(response, await this.readText(response));
    }
    discardBody(response);
    if (this.session === session) this.session = undefined;
  }

  private async shutdown(): Promise<void> {
    this.lifetime.abort();
    for (const reader of this.readers) {
      reader.cancel().catch(() => {
        // the stream already failed or ended: nothing left to cancel
      });
    }
    this.readers.clear();
    try {
      await this.terminateSession();
    } catch {
      // the session ends anyway when the server times it out; close() must not fail over it
    }
    this.onclose?.({ reason: 'the client closed the connection' });
  }

  private exchangeFor(message: JSONRPCMessage, options: TransportSendOptions): Exchange {
    const kind = classifyMessage(message);
    const requestId = kind === 'request' ? (message as { id: RequestId }).id : undefined;
    let claim: string | undefined;
    if (kind === 'request' || kind === 'notification') {
      const params = (message as { params?: { _meta?: Record<string, unknown> } }).params;
      const value = params?._meta?.[MetaKey.ProtocolVersion];
      if (typeof value === 'string') claim = value;
    }
    // header and body must agree: a 2026 server answers a mismatch with -32020
    return {
      message,
      options,
      requestId,
      version: claim ?? this.protocolVersion,
      claimsVersion: claim !== undefined,
    };
  }

  private post(exchange: Exchange): Promise<Response> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    };
    if (exchange.claimsVersion) {
      // only the 2026-07-28 era defines these; older servers may reject unknown Mcp-* headers
      const message = exchange.message as { method?: string; params?: Record<string, unknown> };
      Object.assign(headers, standardHeadersFor(message));
      const specs = exchange.options.headerParams;
      if (message.method === Method.ToolsCall && specs && specs.length > 0) {
        const args = message.params?.arguments;
        const record =
          typeof args === 'object' && args !== null && !Array.isArray(args)
            ? (args as Record<string, unknown>)
            : undefined;
        Object.assign(headers, paramHeaders(specs, record));
      }
    }
    return this.request('POST', headers, exchange.version, JSON.stringify(exchange.message));
  }

  /** GET with `Accept: text/event-stream`: a resumption (with an event id) or the standalone stream. */
  private get(lastEventId: string | undefined, version: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers[Header.LastEventId] = lastEventId;
    return this.request('GET', headers, version);
  }

  /**
   * One HTTP request with the transport's headers. A 401/403 that the auth provider resolves is
   * retried once; one it does not becomes `UNAUTHORIZED`. Network failures become
   * `TRANSPORT_ERROR` (`CONNECTION_CLOSED` once the transport is closed).
   */
  private async request(
    method: 'POST' | 'GET' | 'DELETE',
    headers: Record<string, string>,
    version: string | undefined,
    body?: string,
    signal: AbortSignal | null = this.lifetimeSignal(),
  ): Promise<Response> {
    const auth = this.options.authProvider;
    let retried = false;
    for (;;) {
      const init: RequestInit = {
        ...this.options.requestInit,
        method,
        headers: await this.headersFor(headers, version),
        signal,
      };
      if (body !== undefined) init.body = body;
      let response: Response;
      try {
        response = await this.fetchFn(this.url, init);
      } catch (error) {
        if (this.closed && method !== 'DELETE') throw this.closedError();
        throw new SdkError(
          'TRANSPORT_ERROR',
          `${method} ${redactUrl(this.url)} failed: ${errorMessageOf(error)}. Check that the server is running and the URL is right.`,
          { cause: error },
        );
      }
      if (response.status !== 401 && response.status !== 403) return response;
      if (!retried && auth?.onUnauthorized && (await auth.onUnauthorized(response, this.url))) {
        retried = true;
        discardBody(response);
        continue;
      }
      discardBody(response);
      const challenge = response.headers.get('www-authenticate');
      throw new SdkError(
        'UNAUTHORIZED',
        `${method} ${redactUrl(this.url)} was refused with HTTP ${statusLine(response)}${
          challenge ? ` (WWW-Authenticate: ${truncate(challenge, 200)})` : ''
        }; ${
          auth
            ? 'the auth provider could not supply credentials the server accepts; sign in again.'
            : 'pass an authProvider (or an Authorization header in headers) with valid credentials.'
        }`,
      );
    }
  }

  private async headersFor(
    own: Record<string, string>,
    version: string | undefined,
  ): Promise<Headers> {
    const headers = new Headers(this.options.requestInit?.headers);
    for (const [name, value] of Object.entries(own)) headers.set(name, value);
    if (this.session !== undefined) headers.set(Header.SessionId, this.session);
    if (version !== undefined) headers.set(Header.ProtocolVersion, version);
    const auth = this.options.authProvider;
    if (auth) {
      for (const [name, value] of Object.entries(await auth.headers(this.url))) {
        headers.set(name, value);
      }
    }
    for (const [name, value] of Object.entries(this.options.headers ?? {})) {
      headers.set(name, value);
    }
    return headers;
  }

  /**
   * Handles the answer to a POST: delivers JSON, returns an SSE stream for the caller to follow,
   * throws for HTTP failures (except JSON-RPC errors about this request, which are delivered).
   */
  private async accept(
    exchange: Exchange,
    response: Response,
    sentSession: string | undefined,
  ): Promise<Response | undefined> {
    if (response.ok) {
      const assigned = response.headers.get(Header.SessionId);
      if (assigned) this.session = assigned;
      if (response.status === 202 || response.status === 204) {
        discardBody(response);
        return undefined;
      }
      const type = contentTypeOf(response);
      if (type === 'text/event-stream') return response;
      const text = await this.readText(response);
      if (type === 'application/json') {
        this.deliverJson(text, exchange);
        return undefined;
      }
      if (exchange.requestId !== undefined) {
        throw new SdkError(
          'TRANSPORT_ERROR',
          `${redactUrl(this.url)} answered request ${JSON.stringify(exchange.requestId)} with HTTP ${response.status} and content type "${type}"; an MCP endpoint answers with application/json or text/event-stream. Check that the URL points at the MCP endpoint.`,
        );
      }
      return undefined;
    }
    const text = await this.readText(response);
    if (response.status === 404 && sentSession !== undefined) {
      // the spec tells clients to start a new session on 404; keep a newer id if one arrived
      if (this.session === sentSession) this.session = undefined;
      throw new SdkError(
        'SESSION_EXPIRED',
        `The server no longer knows session ${sentSession} (HTTP 404); start a new session (re-initialize).`,
      );
    }
    // 2026-07-28 servers answer protocol errors (-32020/-32021/-32022/-32601) with 4xx statuses;
    // with the request's id the caller gets the McpError, not an opaque HTTP failure
    if (exchange.requestId !== undefined && this.deliverInBand(text, exchange.requestId)) {
      return undefined;
    }
    throw this.httpError(response, text);
  }

  private async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      if (this.closed) throw this.closedError();
      throw new SdkError(
        'TRANSPORT_ERROR',
        `Reading the body of HTTP ${statusLine(response)} from ${redactUrl(this.url)} failed: ${errorMessageOf(error)}. Retry the request.`,
        { cause: error },
      );
    }
  }

  private httpError(response: Response, body: string): SdkError {
    return new SdkError(
      'TRANSPORT_ERROR',
      `HTTP ${statusLine(response)} from ${redactUrl(this.url)}: ${truncate(body.trim(), 200)}`,
    );
  }

  /** Delivers a JSON body: one message or an array of them. */
  private deliverJson(text: string, exchange: Exchange): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.report(
        new SdkError(
          'PROTOCOL_VIOLATION',
          `${redactUrl(this.url)} answered with a JSON content type but a body that is not JSON (${errorMessageOf(error)}): ${truncate(text, 120)}`,
        ),
      );
      return;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      const decoded = decodeValue(item);
      if (decoded.ok) {
        this.deliver(decoded.message);
      } else if (exchange.requestId !== undefined) {
        this.report(
          new SdkError(
            'PROTOCOL_VIOLATION',
            `${redactUrl(this.url)} answered with something that is not a JSON-RPC message (${decoded.reason}): ${truncate(JSON.stringify(item) ?? '', 120)}`,
          ),
        );
      }
      // a notification or response needs no answer; some servers still send a body (e.g.
      // `{"jsonrpc":"2.0","result":{}}` without an id), which is harmless and dropped
    }
  }

  /** Delivers a JSON-RPC error about `requestId` from an error body; false when there is none. */
  private deliverInBand(text: string, requestId: RequestId): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // not JSON (an HTML error page): the caller turns the status into an error
      return false;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (classifyMessage(item) === 'error' && (item as { id?: unknown }).id === requestId) {
        this.deliver(item as JSONRPCMessage);
        return true;
      }
    }
    return false;
  }

  /**
   * Reads an SSE answer to the end, then resumes it while the request is unanswered: GET with
   * `Last-Event-ID` when the server gave event ids, else the POST again. Gives up after
   * `maxRetries` consecutive failed attempts, through `onerror`.
   */
  private async follow(
    exchange: Exchange,
    first: Response | undefined,
    state: StreamState,
  ): Promise<void> {
    const { maxRetries } = this.reconnection;
    let response = first;
    let failures = 0;
    let problem = 'the stream ended';
    let attemptNow = first === undefined;
    for (;;) {
      if (response) {
        const outcome = await this.readStream(
          response,
          state,
          exchange.requestId,
          exchange.options.onresumptiontoken,
        );
        response = undefined;
        if (outcome.events > 0) failures = 0;
        problem = outcome.error
          ? `the stream failed (${errorMessageOf(outcome.error)})`
          : 'the stream ended';
        if (this.closed || state.answered || exchange.requestId === undefined) return;
      }
      if (!attemptNow) {
        if (failures >= maxRetries) break;
        await this.sleep(this.delayFor(failures, state.retryMs));
        if (this.closed) return;
        failures++;
      }
      attemptNow = false;
      try {
        if (state.lastEventId !== undefined) {
          const answer = await this.get(state.lastEventId, exchange.version);
          if (answer.ok && contentTypeOf(answer) === 'text/event-stream') {
            response = answer;
            continue;
          }
          discardBody(answer);
          problem = `resuming with GET was answered HTTP ${statusLine(answer)}`;
          // the server cannot resume this stream (no event store, no GET): retrying cannot help
          if (!answer.ok && !isRetryableStatus(answer.status)) break;
        } else {
          const sentSession = this.session;
          const answer = await this.post(exchange);
          response = await this.accept(exchange, answer, sentSession);
          if (!response) return;
        }
      } catch (error) {
        if (this.closed) return;
        if (SdkError.is(error, 'UNAUTHORIZED') || SdkError.is(error, 'SESSION_EXPIRED')) {
          this.report(error);
          return;
        }
        problem = errorMessageOf(error);
      }
    }
    const how = state.lastEventId !== undefined ? 'resume the stream' : 're-send the request';
    this.report(
      new SdkError(
        'TRANSPORT_ERROR',
        `The answer to request ${JSON.stringify(exchange.requestId)} from ${redactUrl(this.url)} never arrived: ${problem}, and ${failures} attempt(s) to ${how} failed. Retry the request; if this keeps happening, check that the server (and any proxy) keeps SSE streams open or supports resumption.`,
      ),
    );
  }

  /** Opens the standalone GET stream once, in the stateful era. */
  private openStandaloneStream(): void {
    if (this.options.standaloneStream === false || this.standaloneOpen || this.closed) return;
    const version = this.protocolVersion;
    const stateful =
      this.session !== undefined || (version !== undefined && eraOf(version) === 'stateful');
    if (!stateful) return;
    this.standaloneOpen = true;
    this.background(
      this.runStandaloneStream().finally(() => {
        this.standaloneOpen = false;
      }),
    );
  }

  /**
   * Keeps the standalone stream open: reconnects (with `Last-Event-ID`) when it ends, and stops
   * quietly when the server has none (405 and friends).
   */
  private async runStandaloneStream(): Promise<void> {
    const { maxRetries } = this.reconnection;
    const state: StreamState = { answered: false };
    let failures = 0;
    let problem = '';
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        if (failures > maxRetries) break;
        await this.sleep(this.delayFor(Math.max(failures - 1, 0), state.retryMs));
      }
      if (this.closed) return;
      let response: Response;
      try {
        response = await this.get(state.lastEventId, this.protocolVersion);
      } catch (error) {
        if (this.closed) return;
        if (SdkError.is(error, 'UNAUTHORIZED')) {
          this.report(error);
          return;
        }
        failures++;
        problem = errorMessageOf(error);
        continue;
      }
      if (!response.ok || contentTypeOf(response) !== 'text/event-stream') {
        discardBody(response);
        // many servers have no standalone stream: that is a capability, not an error
        if (response.ok || NO_STANDALONE_STREAM.has(response.status)) return;
        failures++;
        problem = `HTTP ${statusLine(response)}`;
        continue;
      }
      const outcome = await this.readStream(response, state, undefined);
      if (this.closed) return;
      // a stream that delivered events (a priming id counts) was healthy; polling servers end
      // every stream on purpose
      if (outcome.events > 0) {
        failures = 0;
      } else {
        failures++;
        problem = outcome.error
          ? `the stream failed (${errorMessageOf(outcome.error)})`
          : 'the stream ended without any event';
      }
    }
    this.report(
      new SdkError(
        'TRANSPORT_ERROR',
        `The standalone SSE stream from ${redactUrl(this.url)} failed ${failures} times in a row (last: ${problem}); server-initiated messages will not arrive until the client reconnects. Check the server and any proxy between.`,
      ),
    );
  }

  /**
   * Reads one SSE stream to its end, delivering every message. Returns how many events arrived
   * and the error that ended it, if one did; never throws.
   */
  private async readStream(
    response: Response,
    state: StreamState,
    requestId: RequestId | undefined,
    onResumptionToken?: (token: string) => void,
  ): Promise<{ events: number; error?: unknown }> {
    const body = response.body;
    if (!body) return { events: 0 };
    const reader = body.getReader();
    this.readers.add(reader);
    const decoder = new TextDecoder();
    let events = 0;
    const parser = new SseParser({
      onEvent: (event) => {
        events++;
        if (event.id !== undefined) {
          state.lastEventId = event.id;
          this.callHook(onResumptionToken, event.id);
        }
        // other event types belong to extensions this transport does not speak
        if (event.event !== 'message') return;
        // empty data: a priming event, which only carries an id to resume from
        if (event.data === '') return;
        const message = this.decodeEvent(event.data);
        if (!message) return;
        if (
          requestId !== undefined &&
          'id' in message &&
          message.id === requestId &&
          !('method' in message)
        ) {
          state.answered = true;
        }
        this.deliver(message);
      },
      onRetry: (ms) => {
        state.retryMs = ms;
      },
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
        if (state.answered || this.closed) {
          // the server should close the stream after the answer; stop reading either way
          await reader.cancel().catch(() => {
            // already closed by the other side
          });
          break;
        }
      }
      parser.push(decoder.decode());
      parser.end();
      return { events };
    } catch (error) {
      parser.end();
      return { events, error };
    } finally {
      this.readers.delete(reader);
    }
  }

  private decodeEvent(data: string): JSONRPCMessage | undefined {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (error) {
      this.report(
        new SdkError(
          'PROTOCOL_VIOLATION',
          `${redactUrl(this.url)} sent an SSE event whose data is not JSON (${errorMessageOf(error)}): ${truncate(data, 120)}`,
        ),
      );
      return undefined;
    }
    const decoded = decodeValue(value);
    if (decoded.ok) return decoded.message;
    this.report(
      new SdkError(
        'PROTOCOL_VIOLATION',
        `${redactUrl(this.url)} sent an SSE event that is not a JSON-RPC message (${decoded.reason}): ${truncate(data, 120)}`,
      ),
    );
    return undefined;
  }

  private callHook(hook: ((token: string) => void) | undefined, token: string): void {
    try {
      hook?.(token);
    } catch (error) {
      this.report(error);
    }
  }

  private deliver(message: JSONRPCMessage): void {
    if (this.closed) return;
    try {
      this.onmessage?.(message);
    } catch (error) {
      this.report(error);
    }
  }

  /** Reports a problem that does not close the transport; silent once it is closed. */
  private report(error: unknown): void {
    if (this.closed) return;
    this.onerror?.(error instanceof Error ? error : new Error(String(error)));
  }

  /** Runs a background task; whatever it throws goes to `onerror`, never to the event loop. */
  private background(task: Promise<void>): void {
    task.then(undefined, (error: unknown) => {
      try {
        this.report(error);
      } catch {
        // a throwing onerror has nowhere left to report to; an unhandled rejection would crash Node
      }
    });
  }

  /** Waits `ms`, or less when the transport closes meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.lifetime.signal;
      if (signal.aborted) {
        resolve();
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private delayFor(failures: number, retryMs: number | undefined): number {
    const { initialDelayMs, growFactor, maxDelayMs } = this.reconnection;
    const base = retryMs ?? initialDelayMs;
    // a server's retry above maxDelayMs is still honoured: it asked for it
    return Math.min(base * growFactor ** failures, Math.max(maxDelayMs, base));
  }

  private lifetimeSignal(): AbortSignal {
    const outer = this.options.requestInit?.signal;
    return outer ? AbortSignal.any([this.lifetime.signal, outer]) : this.lifetime.signal;
  }

  private closedError(): SdkError {
    return new SdkError(
      'CONNECTION_CLOSED',
      `${this.description} is closed; create a new transport (and connect again) to send more messages.`,
    );
  }
}

function statusLine(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : `${response.status}`;
}
