/**
 * The Streamable HTTP server: a web-standard `Request → Response` handler that serves one MCP
 * server definition to any number of clients, both protocol eras on one endpoint, chosen per
 * request. Stateful clients (`initialize`, 2024-11-05 … 2025-11-25) get sessions, resumable SSE
 * streams and a standalone GET stream; stateless requests (2026-07-28) are served on their own,
 * with the standard headers checked against the body.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports
 */
import {
  type AuthInfo,
  decodeMessage,
  type Logger,
  type MessageExtra,
  type RequestInfo,
  silentLogger,
  type Transport,
  type TransportCloseInfo,
  type TransportSendOptions,
} from '@mcpkit/jsonrpc';
import {
  ErrorCode,
  eraOf,
  isSupportedProtocolVersion,
  type JSONRPCMessage,
  MetaKey,
  type RequestId,
  SdkError,
  type Tool,
  truncate,
} from '@mcpkit/protocol';
import type { EventStore } from './event-store';
import {
  BodyError,
  emptyReply,
  errorReply,
  type IncomingExchange,
  type IncomingHttpRequest,
  jsonReply,
  type Reply,
  toWebResponse,
  WebExchange,
} from './internal/exchange';
import { accepts, header, mediaType } from './internal/http-util';
import { PostResponse, type ResponseMode } from './internal/post-response';
import { SessionTransport } from './internal/session-transport';
import { SSE_HEADERS, SseStream } from './internal/sse-stream';
import { decodeHeaderValue, type HeaderParamSpec, nameFieldOf } from './mcp-headers';
import {
  type CorsOptions,
  checkHostAndOrigin,
  corsHeaders,
  HostSet,
  isLoopbackAddress,
  LOOPBACK_HOSTS,
} from './security';
import { formatMessageEvent, formatPrimingEvent } from './sse';

/** What the handler needs of a server: mcpkit's `Server` fits. */
export interface McpServerLike {
  /** A new, unconnected session (one per MCP session, or per stateless request). */
  createSession(): { connect(transport: Transport): Promise<void>; close(): Promise<void> };
  /** Runs start-up (the lifespan) once before the first request is served. */
  start?(): Promise<void>;
  /** The revisions the server serves; -32022 lists the stateless ones. */
  readonly supportedProtocolVersions?: readonly string[];
  /** Tool definitions, to check `Mcp-Param-*` headers against `x-mcp-header` annotations. */
  getToolDefinitions?(): Promise<Tool[]>;
}

/** Options of the Streamable HTTP handler. */
export interface StreamableHTTPHandlerOptions {
  /**
   * Serve the stateful era without sessions: every request stands alone (no `Mcp-Session-Id`,
   * no GET stream). Stateless (2026-07-28) requests are always served this way.
   */
  stateless?: boolean;
  /** Answer with JSON only, never SSE (notifications for a request then go to the GET stream). */
  jsonResponse?: boolean;
  /** Session ids. Default: `crypto.randomUUID()` (cryptographically random). */
  sessionIdGenerator?: () => string;
  /** Keeps stateful SSE events for replay after a reconnection (`Last-Event-ID`). */
  eventStore?: EventStore;
  /** The `retry:` a resumable stream tells clients, in ms. Default 1000. */
  retryIntervalMs?: number;
  /** SSE keep-alive comments, in ms. Default 15000; 0 turns them off. */
  keepAliveIntervalMs?: number;
  /** Largest accepted body. Default 4 MiB (413 beyond). */
  maxBodyBytes?: number;
  /** A body that stalls this long is refused with 408. Default 30000 ms. */
  bodyTimeoutMs?: number;
  /** Sessions idle this long are closed. Default 30 minutes; 0 keeps them until DELETE. */
  sessionIdleTimeoutMs?: number;
  /** Most concurrent sessions; a new one beyond gets 503. Default 10000. */
  maxSessions?: number;
  /**
   * Host names accepted in `Host` (and `Origin`), against DNS rebinding. Default: the loopback
   * names when the server listens on a loopback address (adapters tell), else any. `'any'` turns
   * the check off.
   */
  allowedHosts?: readonly string[] | 'any';
  /** Exact origins accepted in `Origin` (default: any whose host is allowed). */
  allowedOrigins?: readonly string[];
  /** Answer CORS preflights and expose every MCP header to browser clients. */
  cors?: boolean | CorsOptions;
  /**
   * Runs on every request before anything else: return the caller's identity (handlers see it as
   * `ctx.authInfo`), nothing for anonymous access, or a Response (e.g. 401) to refuse.
   */
  authenticate?: (
    request: IncomingHttpRequest,
  ) => AuthInfo | Response | undefined | Promise<AuthInfo | Response | undefined>;
  /** Called when a stateful session starts and when it ends. */
  onsessioninitialized?: (sessionId: string) => void;
  onsessionclosed?: (sessionId: string) => void;
  /** Receives diagnostics. Silent by default. */
  logger?: Logger;
}

/** What an adapter knows about the connection a request came on. */
export interface HandleContext {
  /** The local address the server listens on (turns on DNS-rebinding protection for loopback). */
  localAddress?: string;
  /** Aborts when the client disconnects. */
  signal?: AbortSignal;
}

const DEFAULT_MAX_BODY = 4 * 1024 * 1024;
/** Errors of the stateless-era request ladder, by the HTTP status they travel with. */
const LADDER_STATUS: Readonly<Record<number, number>> = {
  [ErrorCode.ParseError]: 400,
  [ErrorCode.InvalidRequest]: 400,
  [ErrorCode.MethodNotFound]: 404,
  [ErrorCode.HeaderMismatch]: 400,
  [ErrorCode.MissingRequiredClientCapability]: 400,
  [ErrorCode.UnsupportedProtocolVersion]: 400,
};

interface SessionEntry {
  transport: SessionTransport;
  session: { close(): Promise<void> };
}

const LOOPBACK_HOST_SET = new HostSet(LOOPBACK_HOSTS);

/** Each tool's `x-mcp-header` arguments, by tool name (tools without any are left out). */
function indexHeaderParams(tools: readonly Tool[]): Map<string, HeaderParamSpec[]> {
  const byTool = new Map<string, HeaderParamSpec[]>();
  for (const tool of tools) {
    const properties = (
      tool.inputSchema as { properties?: Record<string, Record<string, unknown>> } | undefined
    )?.properties;
    const params: HeaderParamSpec[] = [];
    for (const [property, schema] of Object.entries(properties ?? {})) {
      const name = schema?.['x-mcp-header'];
      if (typeof name === 'string' && name !== '') params.push({ property, name });
    }
    if (params.length > 0) byTool.set(tool.name, params);
  }
  return byTool;
}

/**
 * Serves an MCP server over Streamable HTTP.
 * @example
 * const handler = createStreamableHTTPHandler(server);
 * // any runtime with fetch: Bun.serve({ fetch: (request) => handler.handle(request) })
 * // Node: http.createServer(toNodeListener(handler)).listen(3000, '127.0.0.1')
 */
export class StreamableHTTPHandler {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly options: StreamableHTTPHandlerOptions;
  private readonly logger: Logger;
  private readonly keepAliveMs: number;
  private readonly allowedHosts: HostSet | 'any' | undefined;
  private readonly cors: CorsOptions | undefined;
  private headerParamsSource: readonly Tool[] | undefined;
  private headerParamsByTool = new Map<string, HeaderParamSpec[]>();
  private started: Promise<void> | undefined;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    private readonly server: McpServerLike,
    options: StreamableHTTPHandlerOptions = {},
  ) {
    this.options = options;
    this.logger = options.logger ?? silentLogger;
    this.keepAliveMs = options.keepAliveIntervalMs ?? 15_000;
    const hosts = options.allowedHosts;
    this.allowedHosts = hosts === 'any' || hosts === undefined ? hosts : new HostSet(hosts);
    this.cors = options.cors === true ? {} : options.cors || undefined;
    const idle = options.sessionIdleTimeoutMs ?? 30 * 60_000;
    if (idle > 0 && !options.stateless) {
      this.sweeper = setInterval(() => this.expireIdleSessions(idle), Math.min(idle, 60_000));
      (this.sweeper as { unref?: () => void }).unref?.();
    }
  }

  /** Open stateful sessions. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Answers one HTTP request. Never throws: every failure is a JSON-RPC error response. */
  async handle(request: Request, context: HandleContext = {}): Promise<Response> {
    const reply = await this.serve(new WebExchange(request, context.localAddress, context.signal));
    return toWebResponse(reply);
  }

  /**
   * Answers one request given as an {@link IncomingExchange}: what runtime adapters call (the
   * Node one does, without building web Request/Response objects). Never throws.
   */
  async serve(request: IncomingExchange): Promise<Reply> {
    try {
      const cors = this.cors ? corsHeaders(request, this.cors) : undefined;
      const reply = await this.route(request, cors ?? {});
      if (cors) addHeaders(reply, cors);
      return reply;
    } catch (error) {
      this.logger.error('the Streamable HTTP handler failed', { error });
      return errorReply(
        500,
        ErrorCode.InternalError,
        'Internal error while handling the HTTP request',
      );
    }
  }

  /** Closes every session (their handlers are aborted) and stops serving. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.sessions.values()].map((entry) => entry.session.close()));
    this.sessions.clear();
  }

  private async route(request: IncomingExchange, cors: Record<string, string>): Promise<Reply> {
    if (request.method === 'OPTIONS' && this.options.cors) return emptyReply(204, cors);
    const refused = this.checkHost(request);
    if (refused) return errorReply(403, -32000, `Forbidden: ${refused}.`);
    if (this.closed)
      return errorReply(503, -32000, 'The server is shutting down; try again later.');
    let authInfo: AuthInfo | undefined;
    if (this.options.authenticate) {
      const outcome = await this.options.authenticate(request);
      if (outcome instanceof Response) return { kind: 'response', response: outcome };
      authInfo = outcome;
    }
    this.started ??= this.server.start?.() ?? Promise.resolve();
    try {
      await this.started;
    } catch (error) {
      this.logger.error('the MCP server failed to start', { error });
      return errorReply(
        503,
        -32000,
        'The MCP server failed to start (its start-up, e.g. the lifespan, threw); its operator must fix it and restart. Try again later.',
      );
    }
    switch (request.method) {
      case 'POST':
        return this.post(request, authInfo);
      case 'GET':
        return this.get(request);
      case 'DELETE':
        return this.delete(request);
      default:
        return errorReply(
          405,
          -32000,
          `Method ${request.method} is not allowed; MCP uses POST, GET and DELETE.`,
          {
            headers: { Allow: this.options.stateless ? 'POST' : 'GET, POST, DELETE' },
          },
        );
    }
  }

  private checkHost(request: IncomingExchange): string | undefined {
    const allowed = this.allowedHosts;
    if (allowed === 'any') return undefined;
    if (allowed === undefined) {
      if (!isLoopbackAddress(request.localAddress)) return undefined;
      return checkHostAndOrigin(request.headers, LOOPBACK_HOST_SET, this.options.allowedOrigins);
    }
    return checkHostAndOrigin(request.headers, allowed, this.options.allowedOrigins);
  }

  // ---------------------------------------------------------------------------------------------
  // POST

  private async post(request: IncomingExchange, authInfo: AuthInfo | undefined): Promise<Reply> {
    if (mediaType(request.headers.get('content-type')) !== 'application/json') {
      return errorReply(
        415,
        -32000,
        `Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json (got "${truncate(request.headers.get('content-type') ?? '', 60)}").`,
      );
    }
    let text: string;
    try {
      text = await request.readText(
        this.options.maxBodyBytes ?? DEFAULT_MAX_BODY,
        this.options.bodyTimeoutMs ?? 30_000,
      );
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      return errorReply(
        status,
        status === 413 ? -32000 : ErrorCode.ParseError,
        (error as Error).message,
      );
    }
    const decoded = decodeMessage(text);
    if (!decoded.ok) return jsonReply(decoded.response, 400);
    const message = decoded.message as Record<string, unknown>;
    const extra: MessageExtra = {
      authInfo,
      requestInfo: new LazyRequestInfo(request),
    };
    if (typeof message.method !== 'string')
      return this.postAnswer(request, message as JSONRPCMessage, extra);
    const era = this.classify(request, message);
    if (typeof era === 'object') return era;
    if (era === 'stateless') return this.postStateless(request, message as JSONRPCMessage, extra);
    return this.postStateful(request, message as JSONRPCMessage, extra);
  }

  /**
   * Decides the era of a request, refusing contradictory claims the way 2026-07-28 asks: the
   * `_meta` protocol-version claim and the `MCP-Protocol-Version` header must agree, and a
   * stateless header needs the per-request envelope.
   */
  private classify(
    request: IncomingExchange,
    message: Record<string, unknown>,
  ): 'stateful' | 'stateless' | Reply {
    const id = message.id as RequestId | undefined;
    const params = message.params as Record<string, unknown> | undefined;
    const meta = params?._meta;
    const claim =
      typeof meta === 'object' &&
      meta !== null &&
      !Array.isArray(meta) &&
      MetaKey.ProtocolVersion in meta;
    const headerVersion = header(request.headers, 'mcp-protocol-version');
    const headerStateless = headerVersion !== undefined && eraOf(headerVersion) === 'stateless';
    const claimedVersion = claim
      ? (meta as Record<string, unknown>)[MetaKey.ProtocolVersion]
      : undefined;
    const claimStateless =
      typeof claimedVersion === 'string' && eraOf(claimedVersion) === 'stateless';
    if (message.method === 'initialize' && !(claim && claimStateless)) {
      if (headerStateless) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `initialize belongs to the stateful era, but MCP-Protocol-Version says ${headerVersion}; drop the header or send a 2026-07-28 request with _meta instead.`,
          { id },
        );
      }
      return 'stateful';
    }
    if (claim) return 'stateless';
    if (headerStateless) {
      return errorReply(
        400,
        ErrorCode.InvalidParams,
        `Invalid params: MCP-Protocol-Version is ${headerVersion}, but the request has no _meta["${MetaKey.ProtocolVersion}"]; 2026-07-28 requests carry their protocol version and client capabilities in params._meta.`,
        {
          id,
          data: {
            envelope: { missing: meta === undefined ? ['_meta'] : [MetaKey.ProtocolVersion] },
          },
        },
      );
    }
    return 'stateful';
  }

  /** A response (or error) the client sends back to a server-to-client request. */
  private postAnswer(
    request: IncomingExchange,
    message: JSONRPCMessage,
    extra: MessageExtra,
  ): Reply {
    const entry = this.sessionOf(request);
    if (isReply(entry)) return entry;
    entry.transport.receive(message, extra);
    return emptyReply(202);
  }

  // ---------------------------------------------------------------------------------------------
  // The stateless era (2026-07-28)

  private async postStateless(
    request: IncomingExchange,
    message: JSONRPCMessage,
    extra: MessageExtra,
  ): Promise<Reply> {
    const refused = await this.checkStatelessRequest(request, message);
    if (refused) return refused;
    const isRequest = (message as { id?: unknown }).id !== undefined;
    if (!isRequest) {
      // a stateless notification (e.g. cancellation of a request on another connection) has no
      // session to reach; cancellations over HTTP happen by closing the request's stream
      return emptyReply(202);
    }
    const accept = request.headers.get('accept');
    const canStream = accepts(accept, 'text/event-stream');
    // a listen stream is a stream whatever jsonResponse says: it exists to carry notifications
    const listen = (message as { method: string }).method === 'subscriptions/listen';
    const mode: ResponseMode =
      !canStream || (this.options.jsonResponse && !listen) ? 'json' : 'auto';
    return this.serveAlone(request, message, extra, mode, statusOfStatelessAnswer);
  }

  /** The header checks of 2026-07-28: version, `Mcp-Method`, `Mcp-Name`, `Mcp-Param-*`. */
  private async checkStatelessRequest(
    request: IncomingExchange,
    message: JSONRPCMessage,
  ): Promise<Reply | undefined> {
    const m = message as { id?: RequestId; method: string; params?: Record<string, unknown> };
    const id = m.id;
    const meta = (m.params?._meta ?? {}) as Record<string, unknown>;
    const claimed = meta[MetaKey.ProtocolVersion];
    if (typeof claimed !== 'string') {
      return errorReply(
        400,
        ErrorCode.InvalidParams,
        `Invalid params: _meta["${MetaKey.ProtocolVersion}"] must be a string naming the protocol version.`,
        { id },
      );
    }
    const capabilities = meta[MetaKey.ClientCapabilities];
    if (
      m.method !== 'notifications/cancelled' &&
      (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities))
    ) {
      return errorReply(
        400,
        ErrorCode.InvalidParams,
        `Invalid params: _meta["${MetaKey.ClientCapabilities}"] is missing or not an object; declare the client's capabilities (possibly {}) on every request.`,
        { id },
      );
    }
    const headerVersion = header(request.headers, 'mcp-protocol-version');
    if (headerVersion !== undefined && headerVersion !== claimed) {
      return errorReply(
        400,
        ErrorCode.HeaderMismatch,
        `MCP-Protocol-Version (${truncate(headerVersion, 40)}) disagrees with _meta["${MetaKey.ProtocolVersion}"] (${truncate(claimed, 40)}); send the same version in both.`,
        {
          id,
          data: { mismatch: { header: headerVersion, body: claimed } },
        },
      );
    }
    const supported = this.statelessVersions();
    if (!supported.includes(claimed)) {
      return errorReply(
        400,
        ErrorCode.UnsupportedProtocolVersion,
        `Unsupported protocol version "${truncate(claimed, 40)}"; this server supports ${supported.join(', ')}. Retry with one of them.`,
        {
          id,
          data: { supported, requested: claimed },
        },
      );
    }
    if (id === undefined) return undefined;
    if (headerVersion === undefined) {
      return errorReply(
        400,
        ErrorCode.HeaderMismatch,
        'Missing MCP-Protocol-Version header: 2026-07-28 requests send it, equal to _meta["io.modelcontextprotocol/protocolVersion"].',
        { id },
      );
    }
    const methodHeader = header(request.headers, 'mcp-method');
    if (methodHeader === undefined) {
      return errorReply(
        400,
        ErrorCode.HeaderMismatch,
        `Missing Mcp-Method header: send Mcp-Method: ${m.method}.`,
        { id },
      );
    }
    if (methodHeader !== m.method) {
      return errorReply(
        400,
        ErrorCode.HeaderMismatch,
        `Mcp-Method (${truncate(methodHeader, 60)}) disagrees with the body's method (${truncate(m.method, 60)}).`,
        { id },
      );
    }
    const field = nameFieldOf(m.method);
    const bodyName = field ? m.params?.[field] : undefined;
    if (typeof bodyName === 'string') {
      const raw = header(request.headers, 'mcp-name');
      if (raw === undefined) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `Missing Mcp-Name header: ${m.method} requests send the ${field} in Mcp-Name.`,
          { id },
        );
      }
      const name = decodeHeaderValue(raw);
      if (name === undefined) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          'Mcp-Name has a =?base64?…?= value that is not valid base64 of UTF-8 text.',
          { id },
        );
      }
      if (name !== bodyName) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `Mcp-Name (${truncate(name, 60)}) disagrees with the body's ${field} (${truncate(bodyName, 60)}).`,
          { id },
        );
      }
    }
    if (
      m.method === 'tools/call' &&
      typeof bodyName === 'string' &&
      this.server.getToolDefinitions
    ) {
      return this.checkParamHeaders(
        request,
        id,
        bodyName,
        m.params?.arguments as Record<string, unknown> | undefined,
      );
    }
    return undefined;
  }

  /** `Mcp-Param-<Name>` must mirror each annotated argument the call carries. */
  private async checkParamHeaders(
    request: IncomingExchange,
    id: RequestId,
    toolName: string,
    args: Record<string, unknown> | undefined,
  ): Promise<Reply | undefined> {
    const getTools = this.server.getToolDefinitions;
    if (!getTools) return undefined;
    let tools: Tool[];
    try {
      tools = await getTools.call(this.server);
    } catch (error) {
      this.logger.warn('could not read tool definitions to check Mcp-Param headers', { error });
      return undefined;
    }
    // the server caches its definitions until the tool list changes: index them once per list
    if (tools !== this.headerParamsSource) {
      this.headerParamsSource = tools;
      this.headerParamsByTool = indexHeaderParams(tools);
    }
    const params = this.headerParamsByTool.get(toolName);
    if (!params) return undefined;
    for (const { property, name } of params) {
      const value = args?.[property];
      if (value === undefined || value === null) continue;
      const raw = header(request.headers, `mcp-param-${name}`);
      if (raw === undefined) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `Missing Mcp-Param-${name} header: the argument "${property}" is annotated with x-mcp-header and must be mirrored.`,
          { id },
        );
      }
      const decoded = decodeHeaderValue(raw);
      if (decoded === undefined) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `Mcp-Param-${name} has a =?base64?…?= value that is not valid padded base64 of UTF-8 text.`,
          { id },
        );
      }
      const matches =
        typeof value === 'number'
          ? decoded.trim() !== '' && Number(decoded) === value
          : decoded === String(value);
      if (!matches) {
        return errorReply(
          400,
          ErrorCode.HeaderMismatch,
          `Mcp-Param-${name} (${truncate(decoded, 60)}) disagrees with the argument "${property}" (${truncate(String(value), 60)}).`,
          { id },
        );
      }
    }
    return undefined;
  }

  private statelessVersions(): string[] {
    const all = this.server.supportedProtocolVersions ?? ['2026-07-28'];
    const stateless = all.filter((v) => eraOf(v) === 'stateless');
    return stateless.length > 0 ? stateless : [...all];
  }

  /**
   * Serves one request on a session of its own (stateless era, or the stateful era without
   * sessions): its answer and what it sends before are this request's response; when the
   * response ends, so does the session.
   */
  private async serveAlone(
    request: IncomingExchange,
    message: JSONRPCMessage,
    extra: MessageExtra,
    mode: ResponseMode,
    statusOf: (answer: JSONRPCMessage) => number,
  ): Promise<Reply> {
    const requestId = (message as { id: RequestId }).id;
    const post = new PostResponse({ mode, keepAliveMs: this.keepAliveMs, headers: {}, statusOf });
    const transport = new RequestTransport(requestId, post);
    const session = this.server.createSession();
    await session.connect(transport);
    const end = () => {
      void session
        .close()
        .catch((error: unknown) =>
          this.logger.debug('closing a request session failed', { error }),
        );
    };
    post.onClose(end);
    request.onAbort(() => post.end());
    transport.deliver(message, extra);
    return post.reply;
  }

  // ---------------------------------------------------------------------------------------------
  // The stateful era

  private async postStateful(
    request: IncomingExchange,
    message: JSONRPCMessage,
    extra: MessageExtra,
  ): Promise<Reply> {
    const m = message as { id?: RequestId; method: string };
    const versionHeader = header(request.headers, 'mcp-protocol-version');
    if (versionHeader !== undefined && !isSupportedProtocolVersion(versionHeader)) {
      return errorReply(
        400,
        -32000,
        `Bad Request: unsupported MCP-Protocol-Version "${truncate(versionHeader, 40)}"; this server supports ${(this.server.supportedProtocolVersions ?? []).join(', ')}.`,
        { id: m.id },
      );
    }
    const accept = request.headers.get('accept');
    const acceptsSse = accepts(accept, 'text/event-stream');
    if (m.id !== undefined && !acceptsSse && !accepts(accept, 'application/json')) {
      return errorReply(
        406,
        -32000,
        'Not Acceptable: accept application/json and text/event-stream to receive MCP answers.',
        { id: m.id },
      );
    }
    const mode: ResponseMode =
      this.options.jsonResponse || !acceptsSse ? 'json' : this.options.eventStore ? 'sse' : 'auto';
    if (this.options.stateless) {
      if (m.id === undefined) return emptyReply(202);
      return this.serveAlone(request, message, extra, mode === 'sse' ? 'auto' : mode, () => 200);
    }
    if (m.method === 'initialize') return this.initialize(message, extra, mode);
    const entry = this.sessionOf(request);
    if (isReply(entry)) return entry;
    if (m.id === undefined) {
      entry.transport.receive(message, extra);
      return emptyReply(202);
    }
    return this.serveInSession(entry, message, extra, mode);
  }

  private async initialize(
    message: JSONRPCMessage,
    extra: MessageExtra,
    mode: ResponseMode,
  ): Promise<Reply> {
    if (this.sessions.size >= (this.options.maxSessions ?? 10_000)) {
      return errorReply(503, -32000, 'Too many open sessions; try again later.', {
        id: (message as { id: RequestId }).id,
      });
    }
    const sessionId = (this.options.sessionIdGenerator ?? (() => crypto.randomUUID()))();
    const transport = new SessionTransport({
      sessionId,
      eventStore: this.options.eventStore,
      keepAliveMs: this.keepAliveMs,
      onclosed: () => {
        if (this.sessions.get(sessionId)?.transport === transport) this.sessions.delete(sessionId);
        this.options.onsessionclosed?.(sessionId);
      },
    });
    const session = this.server.createSession();
    await session.connect(transport);
    this.sessions.set(sessionId, { transport, session });
    this.options.onsessioninitialized?.(sessionId);
    return this.serveInSession({ transport, session }, message, extra, mode);
  }

  private serveInSession(
    entry: SessionEntry,
    message: JSONRPCMessage,
    extra: MessageExtra,
    mode: ResponseMode,
  ): Promise<Reply> {
    const transport = entry.transport;
    const streamId = transport.newStreamId();
    const store = this.options.eventStore;
    const post = new PostResponse({
      mode,
      keepAliveMs: this.keepAliveMs,
      headers: { 'Mcp-Session-Id': transport.sessionId },
      statusOf: () => 200,
      // resumable streams open with an event id the client can resume from
      priming:
        mode === 'sse' && store
          ? { id: `${streamId}_0`, retryMs: this.options.retryIntervalMs ?? 1000 }
          : undefined,
    });
    const requestId = (message as { id: RequestId }).id;
    const withClose: MessageExtra = store
      ? { ...extra, closeStream: () => transport.closeStreamOf(requestId) }
      : extra;
    transport.receiveRequest(message, withClose, post, streamId);
    return post.reply;
  }

  private sessionOf(request: IncomingExchange): SessionEntry | Reply {
    const sessionId = header(request.headers, 'mcp-session-id');
    if (sessionId === undefined) {
      return errorReply(
        400,
        -32000,
        'Bad Request: Mcp-Session-Id header is required; send the id the initialize response carried, or initialize first.',
      );
    }
    const entry = this.sessions.get(sessionId);
    if (!entry) {
      // 404, not 400: the id is well-formed but unknown; the spec tells clients to start a new session on 404
      return errorReply(
        404,
        -32001,
        `Session not found: "${truncate(sessionId, 60)}" is unknown or has ended; initialize a new session.`,
      );
    }
    return entry;
  }

  // ---------------------------------------------------------------------------------------------
  // GET and DELETE

  private async get(request: IncomingExchange): Promise<Reply> {
    if (this.options.stateless) {
      return errorReply(
        405,
        -32000,
        'This server is stateless: there is no GET stream; use subscriptions/listen (2026-07-28).',
        { headers: { Allow: 'POST' } },
      );
    }
    if (!accepts(request.headers.get('accept'), 'text/event-stream')) {
      return errorReply(
        406,
        -32000,
        'Not Acceptable: the GET stream is text/event-stream; send Accept: text/event-stream.',
      );
    }
    const entry = this.sessionOf(request);
    if (isReply(entry)) return entry;
    const transport = entry.transport;
    const stream = new SseStream(this.keepAliveMs);
    const lastEventId = header(request.headers, 'last-event-id');
    const store = this.options.eventStore;
    if (lastEventId !== undefined && store) {
      const streamId = await store.getStreamIdForEventId(lastEventId);
      if (streamId === undefined || !transport.owns(streamId)) {
        return errorReply(
          400,
          -32000,
          `Bad Request: Last-Event-ID "${truncate(lastEventId, 60)}" is not an event of this session.`,
        );
      }
      await store.replayEventsAfter(lastEventId, (eventId, message) => {
        stream.write(formatMessageEvent(message, eventId));
      });
      transport.attachGet(stream, streamId);
      return streamReply(stream, transport.sessionId);
    }
    if (!transport.attachGet(stream)) {
      stream.close();
      return errorReply(
        409,
        -32000,
        'Conflict: this session already has an open GET stream; only one is allowed.',
      );
    }
    if (store)
      stream.write(
        formatPrimingEvent(
          `${transport.sessionId}.standalone_0`,
          this.options.retryIntervalMs ?? 1000,
        ),
      );
    return streamReply(stream, transport.sessionId);
  }

  private async delete(request: IncomingExchange): Promise<Reply> {
    if (this.options.stateless) {
      return errorReply(405, -32000, 'This server is stateless: there are no sessions to end.', {
        headers: { Allow: 'POST' },
      });
    }
    const entry = this.sessionOf(request);
    if (isReply(entry)) return entry;
    await entry.session.close();
    this.sessions.delete(entry.transport.sessionId);
    return emptyReply(200);
  }

  private expireIdleSessions(idleMs: number): void {
    const cutoff = Date.now() - idleMs;
    for (const [id, entry] of this.sessions) {
      if (entry.transport.lastActivity < cutoff && !entry.transport.hasStandaloneStream) {
        this.logger.info(`closing idle session ${id}`);
        void entry.session.close();
        this.sessions.delete(id);
      }
    }
  }
}

/** Creates a {@link StreamableHTTPHandler} for `server`. */
export function createStreamableHTTPHandler(
  server: McpServerLike,
  options?: StreamableHTTPHandlerOptions,
): StreamableHTTPHandler {
  return new StreamableHTTPHandler(server, options);
}

/**
 * The transport of one request served on its own: the answer and everything sent for it go to
 * that request's HTTP response.
 */
class RequestTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  readonly description = 'streamable-http request';
  private closed = false;

  constructor(
    private readonly requestId: RequestId,
    private readonly post: PostResponse,
  ) {
    post.onClose(() => this.close());
  }

  async start(): Promise<void> {}

  deliver(message: JSONRPCMessage, extra: MessageExtra): void {
    this.onmessage?.(message, extra);
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    if (this.closed)
      throw new SdkError('CONNECTION_CLOSED', 'the HTTP response of this request has ended');
    const m = message as { id?: RequestId; method?: unknown };
    if (m.method === undefined && m.id === this.requestId) {
      this.post.final(message);
      return;
    }
    if (!this.post.event(message)) {
      throw new SdkError(
        'TRANSPORT_ERROR',
        'this request is answered with JSON, so nothing can be sent before its answer',
      );
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.post.end();
    this.onclose?.({ reason: 'the HTTP request ended' });
  }
}

/** 2026-07-28: errors of the dispatch ladder travel with their HTTP status; others with 200. */
function statusOfStatelessAnswer(answer: JSONRPCMessage): number {
  const error = (answer as { error?: { code?: number } }).error;
  if (!error || typeof error.code !== 'number') return 200;
  return LADDER_STATUS[error.code] ?? 200;
}

function isReply(value: SessionEntry | Reply): value is Reply {
  return 'kind' in value;
}

function streamReply(stream: SseStream, sessionId: string): Reply {
  return {
    kind: 'stream',
    status: 200,
    headers: { ...SSE_HEADERS, 'Mcp-Session-Id': sessionId },
    stream,
  };
}

/** Adds headers a reply does not already carry (CORS). */
function addHeaders(reply: Reply, headers: Record<string, string>): void {
  if (reply.kind === 'response') {
    for (const [key, value] of Object.entries(headers))
      if (!reply.response.headers.has(key)) reply.response.headers.set(key, value);
    return;
  }
  const present = new Set(Object.keys(reply.headers).map((key) => key.toLowerCase()));
  for (const [key, value] of Object.entries(headers))
    if (!present.has(key.toLowerCase())) reply.headers[key] = value;
}

/**
 * The HTTP request a message arrived on, as handlers see it (`ctx.requestInfo`). Built on first
 * use: most handlers never look, and copying headers and parsing the URL on every call is waste.
 */
class LazyRequestInfo implements RequestInfo {
  private cachedHeaders: Record<string, string | string[] | undefined> | undefined;
  private cachedUrl: URL | null | undefined;

  constructor(private readonly request: IncomingExchange) {}

  get headers(): Record<string, string | string[] | undefined> {
    this.cachedHeaders ??= this.request.headerRecord();
    return this.cachedHeaders;
  }

  get url(): URL | undefined {
    if (this.cachedUrl === undefined) {
      try {
        this.cachedUrl = new URL(this.request.url);
      } catch {
        // a relative URL from an adapter that could not build an absolute one
        this.cachedUrl = null;
      }
    }
    return this.cachedUrl ?? undefined;
  }
}
