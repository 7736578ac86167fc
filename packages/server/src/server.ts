/**
 * The low-level MCP server: one definition (info, capabilities, handlers, lifespan) that serves
 * any number of connections, each request in the era it speaks: `initialize` and sessions
 * (2024-11-05 … 2025-11-25), or self-describing stateless requests (2026-07-28).
 */

import {
  HandlerRegistry,
  type JsonRpcSession,
  type Logger,
  type NotificationHandler,
  type ParamsValidator,
  type RequestContext,
  silentLogger,
  type Transport,
} from '@mcpkit/jsonrpc';
import {
  CLIENT_REQUESTS,
  type ClientCapabilities,
  type ClientRequestMap,
  type ClientRequestMethod,
  ErrorCode,
  eraOf,
  type Implementation,
  type InitializeRequestParams,
  type InitializeResult,
  isSupportedProtocolVersion,
  type LoggingLevel,
  McpError,
  MetaKey,
  negotiateStatefulVersion,
  SdkError,
  type ServerCapabilities,
  SUPPORTED_PROTOCOL_VERSIONS,
  type SubscriptionFilter,
  type Tool,
  truncate,
  UnsupportedProtocolVersionError,
} from '@mcpkit/protocol';
import { z } from 'zod';
import { assertCanHandle } from './capabilities';
import { type CallerInfo, LOG_LEVELS, ServerContext } from './context';
import { InputRound, isInputRequired, type RoundState } from './input';
import { callToolParams } from './internal/call-tool-params';
import { type Lifespan, LifespanRunner } from './lifespan';
import { digestOf, RequestStateCodec, type RequestStateOptions } from './request-state';
import { ServerSession } from './server-session';

/** What a handler of a client request may return: its result, `resultType` optional. */
export type HandlerResult<M extends ClientRequestMethod> = ClientRequestMap[M]['result'];

/** A handler for one client request method. */
export type ServerRequestHandler<M extends ClientRequestMethod, L> = (
  params: ClientRequestMap[M]['params'],
  context: ServerContext<L>,
) => HandlerResult<M> | Promise<HandlerResult<M>>;

/** A handler for a method outside the spec (an extension), with untyped params and result. */
export type CustomRequestHandler<L> = (
  params: Record<string, unknown> | undefined,
  context: ServerContext<L>,
) => unknown;

/** Caching hints for the cacheable results of the stateless era. */
export interface CacheHints {
  /** How long (ms) the client may reuse a result. Default 0: always re-fetch. */
  ttlMs?: number;
  /** Whether a shared cache may serve it to other callers. Default `private`. */
  cacheScope?: 'public' | 'private';
}

/** Options of a {@link Server}. */
export interface ServerOptions<L> {
  /** Capabilities to declare. Declared ones are never overwritten by later registrations. */
  capabilities?: ServerCapabilities;
  /** Guidance for the model, sent at `initialize` and in `server/discover`. */
  instructions?: string;
  /** Typed start-up and shut-down; its value is `ctx.lifespan` in every handler. */
  lifespan?: Lifespan<L>;
  /** Revisions to serve. Default: every revision mcpkit implements. */
  supportedVersions?: readonly string[];
  /** Sealing of `requestState` in multi round-trip requests. On by default with a random key. */
  requestState?: RequestStateOptions;
  /** Default caching hints per cacheable method (tools/list, resources/read, …, server/discover). */
  cache?: CacheHints | ((method: string) => CacheHints);
  /** Receives diagnostics. Silent by default. */
  logger?: Logger;
  /** Default timeout for requests the server sends the client. */
  requestTimeoutMs?: number;
  /** How long `close()` lets running handlers finish before closing connections. Default 1000 ms. */
  shutdownGraceMs?: number;
}

const LOG_LEVEL_NAMES = new Set<string>(LOG_LEVELS);
const EMPTY_ROUND: RoundState = { asked: [], answers: {} };

/** The methods that may answer with an input-required result (2026-07-28). */
const INPUT_METHODS = new Set(['tools/call', 'prompts/get', 'resources/read']);
/** Results that carry `ttlMs` / `cacheScope` in 2026-07-28. */
const CACHEABLE = new Set([
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'server/discover',
]);
/** Methods 2026-07-28 removed: a stateless request for one gets -32601 (HTTP 404). */
const REMOVED_IN_STATELESS = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
]);
/** Methods only the stateless era has. */
const STATELESS_ONLY = new Set(['server/discover', 'subscriptions/listen']);

interface Listener {
  filter: SubscriptionFilter;
  send(method: string, params?: Record<string, unknown>): void;
  end(): void;
}

/**
 * An MCP server. Register handlers, then `connect()` it to as many transports as you like.
 * @example
 * const server = new Server({ name: 'demo', version: '1.0.0' }, { capabilities: { tools: {} } });
 * server.setRequestHandler('tools/list', () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }));
 * server.setRequestHandler('tools/call', (params) => ({ content: [{ type: 'text', text: JSON.stringify(params.arguments) }] }));
 * await server.connect(new StdioServerTransport());
 */
export class Server<L = undefined> {
  readonly info: Implementation;
  readonly instructions: string | undefined;
  /** Every open connection. */
  readonly sessions = new Set<ServerSession<L>>();

  private readonly registry = new HandlerRegistry();
  private readonly handlers = new Map<string, CustomRequestHandler<L>>();
  private capabilities: ServerCapabilities;
  private readonly supportedVersions: readonly string[];
  private readonly codec: RequestStateCodec;
  private readonly cache: ServerOptions<L>['cache'];
  private readonly logger: Logger;
  private readonly requestTimeoutMs: number | undefined;
  private readonly shutdownGraceMs: number;
  private readonly lifespanRunner: LifespanRunner<L>;
  private readonly listeners = new Set<Listener>();
  private closing = false;
  private toolDefinitions: Promise<Tool[]> | undefined;
  /** `_meta` of every stateless result: who answered. Shared, never mutated. */
  private readonly resultMeta: Readonly<Record<string, unknown>>;

  constructor(info: Implementation, options: ServerOptions<L> = {}) {
    this.info = info;
    this.instructions = options.instructions;
    this.capabilities = structuredClone(options.capabilities ?? {});
    this.supportedVersions = options.supportedVersions ?? SUPPORTED_PROTOCOL_VERSIONS;
    this.codec = new RequestStateCodec(options.requestState);
    this.cache = options.cache;
    this.logger = options.logger ?? silentLogger;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 1000;
    this.lifespanRunner = new LifespanRunner(this, options.lifespan);
    this.resultMeta = Object.freeze({ [MetaKey.ServerInfo]: info });
    this.installBuiltins();
  }

  // ---------------------------------------------------------------------------------------------
  // Definition

  /** The capabilities this server declares now. */
  getCapabilities(): ServerCapabilities {
    return this.capabilities;
  }

  /** The protocol revisions this server serves. */
  get supportedProtocolVersions(): readonly string[] {
    return this.supportedVersions;
  }

  /**
   * Every tool this server lists (all pages of its `tools/list` handler), for transports that
   * need a tool's schema before the call runs (HTTP checks `Mcp-Param-*` headers against it).
   * Cached until the tool list changes or the handlers are replaced.
   */
  getToolDefinitions(): Promise<Tool[]> {
    this.toolDefinitions ??= this.listToolsInternally().catch((error: unknown) => {
      this.toolDefinitions = undefined;
      throw error;
    });
    return this.toolDefinitions;
  }

  private async listToolsInternally(): Promise<Tool[]> {
    const handler = this.handlers.get('tools/list');
    if (!handler) return [];
    const session = new ServerSession(this, { handlers: this.registry, logger: this.logger });
    const caller: CallerInfo = {
      era: 'stateful',
      protocolVersion: negotiateStatefulVersion('', { supported: this.supportedVersions }),
      clientCapabilities: {},
      clientInfo: undefined,
      logLevel: undefined,
    };
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const context = new ServerContext(
        this,
        session,
        internalRequest('tools/list', session),
        caller,
        undefined,
      );
      const result = (await handler(cursor === undefined ? {} : { cursor }, context)) as {
        tools?: Tool[];
        nextCursor?: string;
      };
      tools.push(...(result.tools ?? []));
      cursor = result.nextCursor;
      if (cursor === undefined) break;
    }
    return tools;
  }

  /**
   * Adds capabilities. What is already declared (by the constructor options or earlier calls)
   * stays as it is: only missing keys are added, at every depth.
   */
  registerCapabilities(capabilities: ServerCapabilities): void {
    this.capabilities = mergeMissing(this.capabilities, capabilities) as ServerCapabilities;
  }

  /**
   * Answers `method` with `handler`, in both eras. Throws when the method belongs to a capability
   * the server does not declare.
   */
  setRequestHandler<M extends ClientRequestMethod>(
    method: M,
    handler: ServerRequestHandler<M, L>,
  ): void;
  setRequestHandler(method: string, handler: CustomRequestHandler<L>): void;
  setRequestHandler(method: string, handler: CustomRequestHandler<L>): void {
    if (BUILTIN_METHODS.has(method)) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `"${method}" is answered by the server itself and cannot be replaced.`,
      );
    }
    assertCanHandle(method, this.capabilities);
    if (method === 'tools/list') this.toolDefinitions = undefined;
    const isNew = !this.handlers.has(method);
    this.handlers.set(method, handler);
    // subscribe/unsubscribe keep their built-in bookkeeping; the handler runs inside it
    if (isNew && !SUBSCRIPTION_METHODS.has(method)) {
      const params = paramsSchemaFor(method);
      this.registry.setRequestHandler(
        method,
        (p, ctx) => this.dispatch(method, p as Record<string, unknown> | undefined, ctx),
        {
          params,
        },
      );
    }
  }

  /** Stops answering `method` (it then gets -32601). */
  removeRequestHandler(method: string): void {
    if (BUILTIN_METHODS.has(method)) return;
    // the HTTP transport checks Mcp-Param-* headers against these definitions
    if (method === 'tools/list') this.toolDefinitions = undefined;
    this.handlers.delete(method);
    if (!SUBSCRIPTION_METHODS.has(method)) this.registry.removeRequestHandler(method);
  }

  /** Whether a handler answers `method`. */
  hasRequestHandler(method: string): boolean {
    return this.registry.hasRequestHandler(method);
  }

  /** Reacts to a notification from clients (e.g. `notifications/roots/list_changed`). */
  setNotificationHandler<P = unknown>(method: string, handler: NotificationHandler<P>): void {
    if (method === 'notifications/initialized') {
      throw new SdkError(
        'INVALID_ARGUMENT',
        'Use session.oninitialized to react to notifications/initialized.',
      );
    }
    this.registry.setNotificationHandler(method, handler);
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  /** The value the lifespan produced; throws before the server has started. */
  get lifespanContext(): L {
    return this.lifespanRunner.value;
  }

  /** Runs the lifespan's start-up (once). `connect()` calls it for you. */
  start(): Promise<void> {
    return this.lifespanRunner.start();
  }

  /**
   * Serves one connection. The lifespan starts first if it has not yet.
   * @returns the session, for server-initiated requests and notifications on that connection
   */
  async connect(transport: Transport): Promise<ServerSession<L>> {
    if (this.closing)
      throw new SdkError(
        'INVALID_STATE',
        'This server is closed; create a new one to serve again.',
      );
    await this.start();
    const session = this.createSession();
    await session.connect(transport);
    return session;
  }

  /**
   * A session not yet connected to a transport: for transports that manage connections
   * themselves (Streamable HTTP creates one per MCP session or per stateless request).
   */
  createSession(): ServerSession<L> {
    const session: ServerSession<L> = new ServerSession(this, {
      handlers: this.registry,
      logger: this.logger,
      timeoutMs: this.requestTimeoutMs,
      // before params are validated: a removed method is "not found", whatever its params
      beforeRequest: refuseRemovedMethods,
    });
    this.sessions.add(session);
    return session;
  }

  /**
   * Shuts down: ends listen streams gracefully, closes every connection, then runs the lifespan's
   * shut-down.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const listener of [...this.listeners]) listener.end();
    // give ended listen streams (and quick handlers) a moment to get their answers out
    await Promise.all([...this.sessions].map((s) => s.drain(this.shutdownGraceMs)));
    await Promise.allSettled([...this.sessions].map((s) => s.close()));
    await this.lifespanRunner.stop();
  }

  // ---------------------------------------------------------------------------------------------
  // Telling clients about changes

  /** Tells every client the tool list changed (stateful sessions and stateless listen streams). */
  sendToolListChanged(): void {
    this.toolDefinitions = undefined;
    this.broadcastListChanged('tools', 'notifications/tools/list_changed', 'toolsListChanged');
  }

  /** Tells every client the prompt list changed. */
  sendPromptListChanged(): void {
    this.broadcastListChanged(
      'prompts',
      'notifications/prompts/list_changed',
      'promptsListChanged',
    );
  }

  /** Tells every client the resource list changed. */
  sendResourceListChanged(): void {
    this.broadcastListChanged(
      'resources',
      'notifications/resources/list_changed',
      'resourcesListChanged',
    );
  }

  /** Tells the clients subscribed to `uri` that the resource changed. */
  sendResourceUpdated(uri: string): void {
    for (const session of this.sessions) {
      if (session.subscriptions.has(uri))
        void session.notifyQuietly('notifications/resources/updated', { uri });
    }
    for (const listener of this.listeners) {
      if (listener.filter.resourceSubscriptions?.includes(uri)) {
        listener.send('notifications/resources/updated', { uri });
      }
    }
  }

  /** Sends a log message to every stateful session (each filters by its own level). */
  sendLoggingMessage(level: LoggingLevel, data: unknown, logger?: string): void {
    for (const session of this.sessions) void session.sendLoggingMessage(level, data, logger);
  }

  private broadcastListChanged(
    capability: 'tools' | 'prompts' | 'resources',
    method: string,
    filterKey: 'toolsListChanged' | 'promptsListChanged' | 'resourcesListChanged',
  ): void {
    if (!this.capabilities[capability]?.listChanged) {
      this.logger.debug(
        `not sending ${method}: the server does not declare ${capability}.listChanged`,
      );
      return;
    }
    for (const session of this.sessions) {
      if (session.initialized) void session.notifyQuietly(method);
    }
    for (const listener of this.listeners) {
      if (listener.filter[filterKey]) listener.send(method);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dispatch

  /** Works out the era of a request and what it says about its caller. */
  private callerOf(
    method: string,
    params: Record<string, unknown> | undefined,
    request: RequestContext,
  ): CallerInfo {
    const session = request.session as ServerSession<L>;
    const meta = params?._meta as Record<string, unknown> | undefined;
    const claimsStateless =
      STATELESS_ONLY.has(method) ||
      (meta !== undefined &&
        (meta[MetaKey.ProtocolVersion] !== undefined ||
          meta[MetaKey.ClientCapabilities] !== undefined ||
          meta[MetaKey.ClientInfo] !== undefined)) ||
      (request.requestInfo !== undefined && statelessHeader(request.requestInfo.headers));
    if (!claimsStateless) {
      return {
        era: 'stateful',
        protocolVersion:
          session.protocolVersion ??
          negotiateStatefulVersion('', { supported: this.supportedVersions }),
        clientCapabilities: session.clientCapabilities ?? {},
        clientInfo: session.clientInfo,
        logLevel: session.logLevel,
      };
    }
    if (meta === undefined || typeof meta !== 'object') {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid params: a 2026-07-28 request must carry params._meta with "${MetaKey.ProtocolVersion}" and "${MetaKey.ClientCapabilities}".`,
      );
    }
    const version = meta[MetaKey.ProtocolVersion];
    if (typeof version !== 'string') {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid params: _meta["${MetaKey.ProtocolVersion}"] is missing or not a string; every 2026-07-28 request names its protocol version.`,
      );
    }
    const capabilities = meta[MetaKey.ClientCapabilities];
    if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid params: _meta["${MetaKey.ClientCapabilities}"] is missing or not an object; declare the client's capabilities (possibly {}) on every request.`,
      );
    }
    const stateless = this.supportedVersions.filter((v) => eraOf(v) === 'stateless');
    if (!stateless.includes(version)) {
      throw new UnsupportedProtocolVersionError(
        version,
        stateless.length > 0 ? stateless : [...this.supportedVersions],
      );
    }
    const level = meta[MetaKey.LogLevel];
    if (level !== undefined && !LOG_LEVEL_NAMES.has(level as string)) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid params: _meta["${MetaKey.LogLevel}"] must be one of ${LOG_LEVELS.join(', ')}.`,
      );
    }
    const clientInfo = meta[MetaKey.ClientInfo];
    return {
      era: 'stateless',
      protocolVersion: version,
      clientCapabilities: capabilities as ClientCapabilities,
      clientInfo:
        typeof clientInfo === 'object' && clientInfo !== null
          ? (clientInfo as Implementation)
          : undefined,
      logLevel: level as LoggingLevel | undefined,
    };
  }

  /** Runs a user handler for a request, in whichever era it speaks. */
  private async dispatch(
    method: string,
    params: Record<string, unknown> | undefined,
    request: RequestContext,
  ): Promise<unknown> {
    const caller = this.callerOf(method, params, request);
    if (caller.era === 'stateless' && REMOVED_IN_STATELESS.has(method)) {
      throw removedMethodError(method, caller.protocolVersion);
    }
    const handler = this.handlers.get(method);
    if (!handler)
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: "${truncate(method)}"`);
    const session = request.session as ServerSession<L>;

    if (caller.era === 'stateful' || !INPUT_METHODS.has(method)) {
      const context = new ServerContext(this, session, request, caller, undefined);
      return this.decorate(method, caller, await handler(params, context));
    }
    return this.dispatchWithInput(method, params, request, session, caller, handler);
  }

  /** Stateless tools/call, prompts/get, resources/read: may end in an input-required result. */
  private async dispatchWithInput(
    method: string,
    params: Record<string, unknown> | undefined,
    request: RequestContext,
    session: ServerSession<L>,
    caller: CallerInfo,
    handler: CustomRequestHandler<L>,
  ): Promise<unknown> {
    // The binding (caller + request digest) costs a hash: compute it only when a state is used.
    let bindingMemo: Promise<{ caller: string; method: string; digest: string }> | undefined;
    const binding = () => {
      bindingMemo ??= digestOf(requestIdentity(params)).then((digest) => ({
        caller: callerIdentity(request),
        method,
        digest,
      }));
      return bindingMemo;
    };
    let previous: RoundState = EMPTY_ROUND;
    const state = params?.requestState;
    if (typeof state === 'string') {
      const opened = await this.codec.open(state, await binding());
      if (!opened.ok) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Invalid params: requestState was refused because ${opened.reason}; start the request over without it.`,
        );
      }
      previous = opened.data as RoundState;
    }
    // Answers are matched when the handler asks for their key: unknown keys are ignored, and an
    // answer given up front (without a state) is as good as one given on a retry.
    const inputResponses = params?.inputResponses;
    const offered =
      typeof inputResponses === 'object' && inputResponses !== null
        ? (inputResponses as Record<string, unknown>)
        : undefined;
    const round = new InputRound(previous, { ...previous.answers }, offered);
    const context = new ServerContext(this, session, request, caller, round);
    let value: unknown;
    try {
      value = await handler(params, context);
    } catch (error) {
      // A real failure wins over pending asks: the handler gave up (e.g. a missing capability).
      if (round.pending.size === 0 || !isInputRequired(error)) throw error;
    }
    if (round.pending.size === 0) return this.decorate(method, caller, value);
    if (value !== undefined) {
      this.logger.warn(
        `the handler of "${method}" returned while input was pending; answering for input anyway (do not catch InputRequiredSignal)`,
      );
    }
    round.release();
    const inputRequests: Record<string, unknown> = {};
    for (const [key, { method: inputMethod, params: inputParams }] of round.pending) {
      inputRequests[key] =
        inputParams === undefined
          ? { method: inputMethod }
          : { method: inputMethod, params: inputParams };
    }
    const next: RoundState = { asked: round.asked, answers: round.knownAnswers };
    const requestState = await this.codec.seal({ ...(await binding()), data: next });
    return {
      resultType: 'input_required',
      inputRequests,
      requestState,
      _meta: { [MetaKey.ServerInfo]: this.info },
    };
  }

  /**
   * Adds what each era requires of a result. The result object is completed in place: handlers
   * build a fresh result per call, and re-adding the same fields to a reused one is harmless
   * (a frozen one is copied instead).
   */
  private decorate(method: string, caller: CallerInfo, result: unknown): unknown {
    if (caller.era === 'stateful') return result ?? {};
    const given = (result ?? {}) as Record<string, unknown>;
    const out = Object.isFrozen(given) ? { ...given } : given;
    if (out.resultType === undefined) out.resultType = 'complete';
    const meta = out._meta as Record<string, unknown> | undefined;
    if (meta === undefined) out._meta = this.resultMeta;
    else if (meta[MetaKey.ServerInfo] === undefined)
      out._meta = { ...meta, [MetaKey.ServerInfo]: this.info };
    if (CACHEABLE.has(method)) {
      const hints = typeof this.cache === 'function' ? this.cache(method) : this.cache;
      if (out.ttlMs === undefined) out.ttlMs = hints?.ttlMs ?? 0;
      if (out.cacheScope === undefined) out.cacheScope = hints?.cacheScope ?? 'private';
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Built-in methods

  private installBuiltins(): void {
    const r = this.registry;
    r.setRequestHandler(
      'initialize',
      (params: InitializeRequestParams, ctx) => this.initialize(params, ctx),
      {
        params: CLIENT_REQUESTS.initialize.params,
      },
    );
    r.setRequestHandler('ping', (params: Record<string, unknown> | undefined, ctx) => {
      if (this.callerOf('ping', params, ctx).era === 'stateless')
        this.refuseRemoved('ping', params);
      return {};
    });
    r.setRequestHandler(
      'logging/setLevel',
      (params: { level: LoggingLevel }, ctx) => {
        const caller = this.callerOf('logging/setLevel', params as Record<string, unknown>, ctx);
        if (caller.era === 'stateless')
          this.refuseRemoved('logging/setLevel', params as Record<string, unknown>);
        if (!this.capabilities.logging) {
          throw new McpError(
            ErrorCode.MethodNotFound,
            'Method not found: this server does not declare the logging capability.',
          );
        }
        (ctx.session as ServerSession<L>).logLevel = params.level;
        return {};
      },
      { params: CLIENT_REQUESTS['logging/setLevel'].params },
    );
    for (const method of ['resources/subscribe', 'resources/unsubscribe'] as const) {
      r.setRequestHandler(
        method,
        async (params: { uri: string }, ctx) => {
          const caller = this.callerOf(method, params as Record<string, unknown>, ctx);
          if (caller.era === 'stateless')
            this.refuseRemoved(method, params as Record<string, unknown>);
          if (!this.capabilities.resources?.subscribe) {
            throw new McpError(
              ErrorCode.MethodNotFound,
              `Method not found: this server does not offer resource subscriptions (${method}).`,
            );
          }
          const session = ctx.session as ServerSession<L>;
          const custom = this.handlers.get(method);
          if (custom)
            await custom(
              params as Record<string, unknown>,
              new ServerContext(this, session, ctx, caller, undefined),
            );
          if (method === 'resources/subscribe') session.subscriptions.add(params.uri);
          else session.subscriptions.delete(params.uri);
          return {};
        },
        { params: CLIENT_REQUESTS[method].params },
      );
    }
    r.setRequestHandler('server/discover', (params: Record<string, unknown> | undefined, ctx) => {
      const caller = this.callerOf('server/discover', params, ctx);
      const result: Record<string, unknown> = {
        supportedVersions: [...this.supportedVersions].filter((v) => eraOf(v) === 'stateless'),
        capabilities: this.capabilities,
      };
      if (this.instructions !== undefined) result.instructions = this.instructions;
      return this.decorate('server/discover', caller, result);
    });
    r.setRequestHandler(
      'subscriptions/listen',
      (params: Record<string, unknown>, ctx) => this.listen(params, ctx),
      {
        params: CLIENT_REQUESTS['subscriptions/listen'].params,
      },
    );
    r.setNotificationHandler('notifications/initialized', (_params, ctx) => {
      const session = ctx.session as ServerSession<L>;
      session.initialized = true;
      session.oninitialized?.();
    });
  }

  private refuseRemoved(method: string, params: Record<string, unknown> | undefined): never {
    const version = (params?._meta as Record<string, unknown> | undefined)?.[
      MetaKey.ProtocolVersion
    ];
    throw removedMethodError(method, String(version ?? '2026-07-28'));
  }

  private initialize(params: InitializeRequestParams, ctx: RequestContext): InitializeResult {
    const meta = params._meta as Record<string, unknown> | undefined;
    if (meta?.[MetaKey.ProtocolVersion] !== undefined)
      this.refuseRemoved('initialize', params as Record<string, unknown>);
    const session = ctx.session as ServerSession<L>;
    const requested = params.protocolVersion;
    const version = negotiateStatefulVersion(
      isSupportedProtocolVersion(requested) ? requested : '',
      {
        supported: this.supportedVersions,
      },
    );
    session.protocolVersion = version;
    session.clientCapabilities = params.capabilities;
    session.clientInfo = params.clientInfo;
    session.transport?.setProtocolVersion?.(version);
    const result: InitializeResult = {
      protocolVersion: version,
      capabilities: this.capabilities,
      serverInfo: this.info,
    };
    if (this.instructions !== undefined) result.instructions = this.instructions;
    return result;
  }

  /** `subscriptions/listen`: a long-lived request that carries notifications until it ends. */
  private listen(params: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
    const caller = this.callerOf('subscriptions/listen', params, ctx);
    const requested = (params.notifications ?? {}) as SubscriptionFilter;
    const caps = this.capabilities;
    // Agree only to what this server can ever send.
    const agreed: SubscriptionFilter = {};
    if (requested.toolsListChanged && caps.tools?.listChanged) agreed.toolsListChanged = true;
    if (requested.promptsListChanged && caps.prompts?.listChanged) agreed.promptsListChanged = true;
    if (requested.resourcesListChanged && caps.resources?.listChanged)
      agreed.resourcesListChanged = true;
    if (requested.resourceSubscriptions && caps.resources?.subscribe) {
      agreed.resourceSubscriptions = [...requested.resourceSubscriptions];
    }
    const subscriptionId = ctx.requestId;
    const meta = { [MetaKey.SubscriptionId]: subscriptionId };
    return new Promise((resolve) => {
      let ended = false;
      const listener: Listener = {
        filter: agreed,
        send: (method, extra) => {
          if (!ended) void ctx.sendNotification(method, { ...extra, _meta: meta });
        },
        end: () => finish(),
      };
      const finish = () => {
        if (ended) return;
        ended = true;
        this.listeners.delete(listener);
        ctx.signal.removeEventListener('abort', finish);
        resolve(this.decorate('subscriptions/listen', caller, { _meta: meta }));
      };
      // The acknowledgement must precede every other notification of this subscription.
      void ctx.sendNotification('notifications/subscriptions/acknowledged', {
        notifications: agreed,
        _meta: meta,
      });
      this.listeners.add(listener);
      ctx.signal.addEventListener('abort', finish, { once: true });
    });
  }
}

/**
 * The params schema a method is validated with. For the input methods `inputResponses` is only
 * checked to be an object here: each answer is checked against what was asked when it is used,
 * and answers to keys nobody asked for are ignored, as the spec wants.
 */
function paramsSchemaFor(method: string): ParamsValidator | undefined {
  if (method === 'tools/call') return callToolParams;
  const table = CLIENT_REQUESTS as Record<string, { params: z.ZodObject }>;
  const schema = table[method]?.params;
  if (!schema) return undefined;
  if (!INPUT_METHODS.has(method)) return schema;
  return schema.extend({ inputResponses: z.record(z.string(), z.unknown()).optional() });
}

const BUILTIN_METHODS = new Set([
  'initialize',
  'ping',
  'server/discover',
  'subscriptions/listen',
  'logging/setLevel',
]);
const SUBSCRIPTION_METHODS = new Set(['resources/subscribe', 'resources/unsubscribe']);

/**
 * A 2026-07-28 request for a method that revision removed gets -32601 (HTTP 404) before its params
 * are looked at: the method does not exist there, so its params schema does not either.
 */
function refuseRemovedMethods(method: string, params: Record<string, unknown> | undefined): void {
  if (!REMOVED_IN_STATELESS.has(method)) return;
  const meta = params?._meta as Record<string, unknown> | undefined;
  const version = meta?.[MetaKey.ProtocolVersion];
  if (typeof version === 'string' && eraOf(version) === 'stateless') {
    throw removedMethodError(method, version);
  }
}

/** -32601 for a method the caller's protocol version does not have. */
function removedMethodError(method: string, version: string): McpError {
  return new McpError(
    ErrorCode.MethodNotFound,
    `Method not found: "${method}" does not exist in protocol version ${truncate(version, 40)}.`,
  );
}

/** A request context for calls the server makes to its own handlers (no peer, never aborted). */
function internalRequest(method: string, session: JsonRpcSession): RequestContext {
  return {
    requestId: `internal:${method}`,
    method,
    _meta: undefined,
    signal: new AbortController().signal,
    authInfo: undefined,
    requestInfo: undefined,
    sessionId: undefined,
    session,
    progressToken: undefined,
    sendNotification: () => Promise.resolve(),
    sendRequest: () =>
      Promise.reject(
        new SdkError('INVALID_STATE', `the server's internal ${method} call cannot send requests`),
      ),
    reportProgress: () => Promise.resolve(),
    closeStream: () => {},
  };
}

/** Whether HTTP headers claim the stateless era (`MCP-Protocol-Version` of a stateless revision). */
function statelessHeader(headers: Record<string, string | string[] | undefined>): boolean {
  const value = headers['mcp-protocol-version'];
  const version = Array.isArray(value) ? value[0] : value;
  return typeof version === 'string' && eraOf(version.trim()) === 'stateless';
}

/** Who a request state is bound to: the authenticated client (and subject), or nobody. */
function callerIdentity(request: RequestContext): string {
  const auth = request.authInfo;
  if (!auth) return 'anonymous';
  const subject = auth.extra?.sub ?? auth.extra?.subject ?? '';
  return `client:${auth.clientId}\u0000${String(subject)}`;
}

/** The params that identify a request across its retries (everything but the round-trip fields). */
function requestIdentity(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const { _meta: _m, inputResponses: _i, requestState: _s, ...rest } = params ?? {};
  return rest;
}

/** Adds the keys of `extra` that `base` lacks, recursively; never replaces a value of `base`. */
function mergeMissing(
  base: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    if (existing === undefined) out[key] = structuredClone(value);
    else if (isPlainObject(existing) && isPlainObject(value))
      out[key] = mergeMissing(existing, value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
