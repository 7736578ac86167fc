/**
 * The MCP client (the counterpart of the Python SDK's ClientSession): connects in either era,
 * finding out which the server speaks, and offers a typed method for every request. In the
 * stateless era it runs the multi round-trip loop itself.
 */

import {
  JsonRpcSession,
  type Logger,
  type Progress,
  type RequestOptions,
  silentLogger,
  type Transport,
  type TransportSendOptions,
} from '@mcpkit/jsonrpc';
import {
  type CallToolRequestParams,
  type CallToolResult,
  CallToolResultSchema,
  CLIENT_REQUESTS,
  type ClientCapabilities,
  type CompleteRequestParams,
  type CompleteResult,
  CompleteResultSchema,
  type DiscoverResult,
  DiscoverResultSchema,
  eraOf,
  type GetPromptRequestParams,
  type GetPromptResult,
  GetPromptResultSchema,
  type Implementation,
  InitializeResultSchema,
  type InputRequiredResult,
  InputRequiredResultSchema,
  isSupportedProtocolVersion,
  LATEST_STATEFUL_PROTOCOL_VERSION,
  type ListPromptsResult,
  type ListResourcesResult,
  type ListResourceTemplatesResult,
  type ListToolsResult,
  type LoggingLevel,
  type LoggingMessageNotificationParams,
  McpError,
  MetaKey,
  type Prompt,
  pickCommonVersion,
  type ReadResourceRequestParams,
  type ReadResourceResult,
  ReadResourceResultSchema,
  type Resource,
  type ResourceTemplate,
  SdkError,
  type ServerCapabilities,
  SUPPORTED_PROTOCOL_VERSIONS,
  type SubscriptionFilter,
  type Tool,
  truncate,
  UnsupportedProtocolVersionError,
} from '@mcpkit/protocol';
import { z } from 'zod';
import {
  type DiscoveryCache,
  type DiscoveryVerdict,
  defaultDiscoveryCache,
  judgeProbe,
} from './discovery';
import { answerInputRequest, type InputHandlers } from './input-handlers';
import { CACHEABLE_METHODS, cacheKey, ResultCache } from './result-cache';
import { Subscription } from './subscription';
import { ToolCatalog } from './tool-catalog';

/** Options of a {@link Client}. */
export interface ClientOptions extends InputHandlers {
  /**
   * Capabilities to declare. `sampling`, `elicitation` and `roots` are added for the handlers
   * you pass; what you declare yourself is kept as is.
   */
  capabilities?: ClientCapabilities;
  /**
   * Pins a revision: no discovery. A stateless revision (2026-07-28) speaks without `initialize`;
   * an older one runs the `initialize` handshake with exactly that version.
   */
  protocolVersion?: string;
  /** Revisions this client accepts. Default: every revision mcpkit implements. */
  supportedVersions?: readonly string[];
  /**
   * How long the `server/discover` probe waits alone before `initialize` is sent beside it (the
   * first answer then decides the era). Default 3000 ms.
   */
  probeTimeoutMs?: number;
  /** Where probe verdicts are remembered per server. Default: in this process. `false`: never. */
  discoveryCache?: DiscoveryCache | false;
  /** Bound on input-required rounds of one call (stateless era). Default 10. */
  maxInputRounds?: number;
  /**
   * Receives `notifications/message` from the server. Until `setLoggingLevel()` is called, every
   * level is asked for, in both eras (2026-07-28 requests then carry log level `debug`).
   */
  onLoggingMessage?: (params: LoggingMessageNotificationParams) => void;
  /** Receives every other notification (list changes, resource updates, …). */
  onNotification?: (method: string, params: Record<string, unknown> | undefined) => void;
  /** Refuse to call methods the server did not declare. Default true. */
  enforceStrictCapabilities?: boolean;
  /** Default timeout of each request. */
  timeoutMs?: number;
  /** Receives diagnostics (tools left out, late answers). Silent by default. */
  logger?: Logger;
  /**
   * Reuse cacheable results (stateless era) for as long as their `ttlMs` allows: `true` for a
   * cache of this client's own, or a `ResultCache` shared between clients of one server.
   */
  cache?: boolean | ResultCache;
}

/** Per-call options. */
export interface CallOptions {
  /** Passed to the transport with the request (HTTP transports read `headerParams`). */
  transportOptions?: TransportSendOptions;
  signal?: AbortSignal;
  timeoutMs?: number;
  resetTimeoutOnProgress?: boolean;
  maxTotalTimeoutMs?: number;
  /** Asks the server for progress and receives it here. */
  onprogress?: (progress: Progress) => void;
}

type ListMethod = 'tools/list' | 'resources/list' | 'resources/templates/list' | 'prompts/list';

/**
 * An MCP client.
 * @example
 * const client = new Client({ name: 'my-app', version: '1.0.0' });
 * await client.connect(new StdioClientTransport({ command: 'node', args: ['server.js'] }));
 * const { tools } = await client.listTools();
 * const result = await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
 */
export class Client {
  readonly info: Implementation;
  /** Called once when the connection closes. */
  onclose?: () => void;
  /** Called for problems that do not end the connection. */
  onerror?: (error: Error) => void;

  private readonly options: ClientOptions;
  private readonly logger: Logger;
  private readonly capabilities: ClientCapabilities;
  private readonly supportedVersions: readonly string[];
  private readonly catalog: ToolCatalog;
  private session: JsonRpcSession | undefined;
  private transportRef: Transport | undefined;
  private eraValue: 'stateful' | 'stateless' | undefined;
  private version: string | undefined;
  private serverCaps: ServerCapabilities | undefined;
  private serverInfo: Implementation | undefined;
  private serverInstructions: string | undefined;
  private logLevel: LoggingLevel | undefined;
  private readonly subscriptions = new Map<number, Subscription>();
  private readonly cache: ResultCache | undefined;
  /** Resource subscriptions of the stateful session, renewed if the session is recovered. */
  private readonly resourceSubscriptions = new Set<string>();

  constructor(info: Implementation, options: ClientOptions = {}) {
    this.info = info;
    this.options = options;
    this.logger = options.logger ?? silentLogger;
    this.supportedVersions = options.supportedVersions ?? SUPPORTED_PROTOCOL_VERSIONS;
    this.catalog = new ToolCatalog(this.logger);
    this.cache = options.cache === true ? new ResultCache() : options.cache || undefined;
    const declared: ClientCapabilities = structuredClone(options.capabilities ?? {});
    if (options.sampling && !declared.sampling) declared.sampling = {};
    if (options.elicitation && !declared.elicitation) declared.elicitation = { form: {} };
    if (options.roots && !declared.roots) declared.roots = { listChanged: true };
    this.capabilities = declared;
  }

  // ---------------------------------------------------------------------------------------------
  // Connection

  /**
   * Connects and finds out which era the server speaks: `server/discover` first (unless a
   * revision is pinned or the verdict is cached), `initialize` for anything that does not answer
   * it the modern way. A stdio server that exits on the unknown method is started again.
   */
  async connect(transport: Transport, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.session && !this.session.isClosed) {
      throw new SdkError(
        'ALREADY_CONNECTED',
        'This client is already connected; close() it first or create another client.',
      );
    }
    this.transportRef = transport;
    const pinned = this.options.protocolVersion;
    if (pinned !== undefined) {
      if (!isSupportedProtocolVersion(pinned)) {
        throw new SdkError(
          'INVALID_ARGUMENT',
          `protocolVersion "${truncate(pinned)}" is not one mcpkit speaks (${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}).`,
        );
      }
      await this.open(transport);
      if (eraOf(pinned) === 'stateless') {
        const discovered = await this.discover(options.signal, pinned);
        this.useStateless(discovered.version, discovered.result);
      } else {
        await this.initialize(pinned, options.signal);
      }
      return;
    }
    const cache =
      this.options.discoveryCache === false
        ? undefined
        : (this.options.discoveryCache ?? defaultDiscoveryCache);
    const key = transport.description;
    const cached = key !== undefined ? cache?.get(key) : undefined;
    await this.open(transport);
    if (cached?.era === 'stateful') {
      await this.initialize(undefined, options.signal);
      return;
    }
    const probe = await this.probe(options.signal);
    const verdict = probe.verdict;
    if (key !== undefined) cache?.set(key, verdict);
    if (verdict.era === 'stateless') {
      this.useStateless(verdict.version, verdict.discover);
      return;
    }
    this.logger.debug(`using the stateful era: ${verdict.reason}`);
    if (this.session?.isClosed) {
      // the probe took the connection down (a stdio server that exits on unknown methods)
      await this.open(transport);
      await this.initialize(undefined, options.signal);
      return;
    }
    await this.initialize(undefined, options.signal, probe.initializing);
  }

  /** Closes the connection; pending calls reject, listen streams end. */
  async close(): Promise<void> {
    for (const subscription of [...this.subscriptions.values()]) subscription.end();
    await this.session?.close();
  }

  /** The era of the connection (after `connect`). */
  get era(): 'stateful' | 'stateless' | undefined {
    return this.eraValue;
  }
  /** The negotiated protocol revision (after `connect`). */
  get protocolVersion(): string | undefined {
    return this.version;
  }
  /** What the server declared. */
  getServerCapabilities(): ServerCapabilities | undefined {
    return this.serverCaps;
  }
  /** The server's self-description. */
  getServerVersion(): Implementation | undefined {
    return this.serverInfo;
  }
  /** The server's guidance for the model. */
  getInstructions(): string | undefined {
    return this.serverInstructions;
  }
  /** The capabilities this client declares. */
  getCapabilities(): ClientCapabilities {
    return this.capabilities;
  }

  private async open(transport: Transport): Promise<void> {
    const session = new JsonRpcSession({
      name: 'client',
      logger: this.logger,
      timeoutMs: this.options.timeoutMs,
    });
    session.onerror = (error) =>
      this.onerror ? this.onerror(error) : this.logger.warn(error.message);
    session.onclose = () => {
      if (this.session !== session) return;
      for (const subscription of [...this.subscriptions.values()]) subscription.end();
      this.onclose?.();
    };
    this.installHandlers(session);
    this.session = session;
    await session.connect(transport);
  }

  /**
   * Sends `server/discover`. If it is not answered within `probeTimeoutMs`, `initialize` is sent
   * as well and the first answer decides: a slow server that is modern still answers discover
   * first (it was asked first, and stdio is ordered), a silent legacy one answers initialize.
   * So a slow start is never mistaken for a legacy server, and a silent one costs only the wait.
   */
  private async probe(signal: AbortSignal | undefined): Promise<{
    verdict: DiscoveryVerdict;
    /** The initialize already sent when the probe went unanswered, if it was. */
    initializing?: Promise<unknown>;
  }> {
    const session = this.session as JsonRpcSession;
    // Set the moment discover's answer is read, so arrival order decides below (not how many
    // promise hops each answer takes to reach the race).
    let outcome: { result: unknown } | { error: unknown } | undefined;
    const discovered = new Promise<void>((resolve) => {
      const settle = (value: { result: unknown } | { error: unknown }) => {
        outcome ??= value;
        resolve();
      };
      // A legacy server may answer a request it cannot read with an error naming no id.
      session.onuncorrelatederror = (error) => settle({ error });
      session
        .request(
          'server/discover',
          { _meta: this.statelessMeta(latestStateless(this.supportedVersions)) },
          { signal },
        )
        .then(
          (result) => settle({ result }),
          (error: unknown) => settle({ error }),
        );
    });
    const probeMs = this.options.probeTimeoutMs ?? 3000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, probeMs);
    });
    await Promise.race([discovered, timedOut]);
    clearTimeout(timer);
    if (outcome) {
      session.onuncorrelatederror = undefined;
      const corrected = 'error' in outcome ? this.correctiveVersion(outcome.error) : undefined;
      if (corrected !== undefined) {
        // -32022 naming a version we speak is an answer from a modern server: ask once more
        const again = await this.discover(signal, corrected).then(
          ({ result }) => ({ result }),
          (error: unknown) => ({ error }),
        );
        return { verdict: judgeProbe(again, this.supportedVersions) };
      }
      return { verdict: judgeProbe(outcome, this.supportedVersions) };
    }
    const initializing = this.sendInitialize(undefined, signal);
    const initialized = initializing.then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([discovered, initialized]);
    session.onuncorrelatederror = undefined;
    if (outcome) {
      const verdict = judgeProbe(outcome, this.supportedVersions);
      return verdict.era === 'stateless' ? { verdict } : { verdict, initializing };
    }
    return {
      verdict: {
        era: 'stateful',
        reason: `server/discover got no answer in ${probeMs} ms, initialize did`,
      },
      initializing,
    };
  }

  /**
   * Calls `server/discover` at `version`. A -32022 answer naming versions we share is corrected
   * once: the request is repeated with the newest of them (the spec's way to settle a version).
   */
  private async discover(
    signal: AbortSignal | undefined,
    version: string,
  ): Promise<{ result: DiscoverResult; version: string }> {
    const session = this.session as JsonRpcSession;
    const ask = (v: string) =>
      session.request(
        'server/discover',
        { _meta: this.statelessMeta(v) },
        { signal, resultSchema: DiscoverResultSchema },
      ) as Promise<DiscoverResult>;
    try {
      return { result: await ask(version), version };
    } catch (error) {
      const corrected = this.correctiveVersion(error);
      if (corrected === undefined) throw error;
      return { result: await ask(corrected), version: corrected };
    }
  }

  /** The version to retry with after -32022, if the server named one we speak. */
  private correctiveVersion(error: unknown): string | undefined {
    if (!(error instanceof UnsupportedProtocolVersionError)) return undefined;
    return pickCommonVersion(
      error.supported,
      this.supportedVersions.filter((v) => eraOf(v) === 'stateless'),
    );
  }

  private useStateless(version: string, discover: DiscoverResult): void {
    this.eraValue = 'stateless';
    this.version = version;
    this.serverCaps = discover.capabilities;
    this.serverInstructions = discover.instructions;
    const serverInfo = discover._meta?.[MetaKey.ServerInfo];
    this.serverInfo = serverInfo as Implementation | undefined;
    this.transportRef?.setProtocolVersion?.(version);
  }

  private sendInitialize(
    pinned: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const requested = pinned ?? latestStateful(this.supportedVersions);
    return (this.session as JsonRpcSession).request(
      'initialize',
      { protocolVersion: requested, capabilities: this.capabilities, clientInfo: this.info },
      { signal, resultSchema: InitializeResultSchema },
    );
  }

  private async initialize(
    pinned: string | undefined,
    signal: AbortSignal | undefined,
    sent?: Promise<unknown>,
  ): Promise<void> {
    const session = this.session as JsonRpcSession;
    const result = InitializeResultSchema.parse(
      await (sent ?? this.sendInitialize(pinned, signal)),
    );
    const accepted = pinned
      ? [pinned]
      : this.supportedVersions.filter((v) => eraOf(v) === 'stateful');
    if (!accepted.includes(result.protocolVersion)) {
      await this.close();
      throw new SdkError(
        'PROTOCOL_VIOLATION',
        `The server answered initialize with protocol version "${truncate(result.protocolVersion)}", which this client does not speak (${accepted.join(', ')}).`,
      );
    }
    this.eraValue = 'stateful';
    this.version = result.protocolVersion;
    this.serverCaps = result.capabilities;
    this.serverInfo = result.serverInfo;
    this.serverInstructions = result.instructions;
    this.transportRef?.setProtocolVersion?.(result.protocolVersion);
    await session.notify('notifications/initialized');
  }

  private installHandlers(session: JsonRpcSession): void {
    const context = (signal: AbortSignal) => ({ era: 'stateful' as const, signal });
    session.setRequestHandler('ping', () => ({}));
    session.setRequestHandler('sampling/createMessage', (params: Record<string, unknown>, ctx) =>
      answerInputRequest(this.options, 'sampling/createMessage', params, context(ctx.signal)),
    );
    session.setRequestHandler('elicitation/create', (params: Record<string, unknown>, ctx) =>
      answerInputRequest(this.options, 'elicitation/create', params, context(ctx.signal)),
    );
    session.setRequestHandler('roots/list', (_params: unknown, ctx) =>
      answerInputRequest(this.options, 'roots/list', undefined, context(ctx.signal)),
    );
    session.setNotificationHandler(
      'notifications/message',
      (params: LoggingMessageNotificationParams) => {
        this.options.onLoggingMessage?.(params);
      },
    );
    for (const method of [
      'notifications/tools/list_changed',
      'notifications/prompts/list_changed',
      'notifications/resources/list_changed',
      'notifications/resources/updated',
      'notifications/subscriptions/acknowledged',
      'notifications/elicitation/complete',
      'notifications/cancelled',
    ]) {
      session.setNotificationHandler(method, (params: Record<string, unknown> | undefined) =>
        this.onServerNotification(method, params),
      );
    }
  }

  private onServerNotification(method: string, params: Record<string, unknown> | undefined): void {
    if (method === 'notifications/tools/list_changed') this.catalog.clear();
    this.evictFor(method, params);
    const subscriptionId = (params?._meta as Record<string, unknown> | undefined)?.[
      MetaKey.SubscriptionId
    ];
    if (typeof subscriptionId === 'number') {
      const subscription = this.subscriptions.get(subscriptionId);
      if (subscription) {
        // on stdio the server ends a listen stream by cancelling it
        if (method === 'notifications/cancelled') subscription.end();
        else subscription.deliver(method, params);
        return;
      }
    }
    if (method === 'notifications/cancelled') return;
    this.options.onNotification?.(method, params);
  }

  /** Drops cached results a change notification made stale. */
  private evictFor(method: string, params: Record<string, unknown> | undefined): void {
    const cache = this.cache;
    if (!cache) return;
    if (method === 'notifications/tools/list_changed') cache.evict('tools/list');
    else if (method === 'notifications/prompts/list_changed') cache.evict('prompts/list');
    else if (method === 'notifications/resources/list_changed') {
      cache.evict('resources/list');
      cache.evict('resources/templates/list');
    } else if (method === 'notifications/resources/updated' && typeof params?.uri === 'string') {
      cache.evict('resources/read', params.uri);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /** The `_meta` every stateless request carries. */
  private statelessMeta(version: string): Record<string, unknown> {
    const meta: Record<string, unknown> = {
      [MetaKey.ProtocolVersion]: version,
      [MetaKey.ClientCapabilities]: this.capabilities,
      [MetaKey.ClientInfo]: this.info,
    };
    // A client that listens for log messages gets them in both eras alike: the stateful default
    // (no logging/setLevel yet) is "send everything", so the stateless default is "debug".
    const level = this.logLevel ?? (this.options.onLoggingMessage ? 'debug' : undefined);
    if (level !== undefined) meta[MetaKey.LogLevel] = level;
    return meta;
  }

  private connected(method: string): JsonRpcSession {
    const session = this.session;
    if (!session || this.eraValue === undefined) {
      throw new SdkError(
        'NOT_CONNECTED',
        `Cannot call "${method}": the client is not connected; await client.connect(transport) first.`,
      );
    }
    return session;
  }

  private assertServerCapability(method: string): void {
    if (this.options.enforceStrictCapabilities === false) return;
    const caps = this.serverCaps ?? {};
    const needed: Record<string, keyof ServerCapabilities> = {
      'tools/list': 'tools',
      'tools/call': 'tools',
      'resources/list': 'resources',
      'resources/templates/list': 'resources',
      'resources/read': 'resources',
      'resources/subscribe': 'resources',
      'resources/unsubscribe': 'resources',
      'prompts/list': 'prompts',
      'prompts/get': 'prompts',
      'completion/complete': 'completions',
      'logging/setLevel': 'logging',
    };
    const capability = needed[method];
    if (capability && caps[capability] === undefined) {
      throw new SdkError(
        'CAPABILITY_NOT_SUPPORTED',
        `The server does not declare the ${capability} capability, so "${method}" is not available; check getServerCapabilities() first.`,
      );
    }
    if (
      (method === 'resources/subscribe' || method === 'resources/unsubscribe') &&
      !caps.resources?.subscribe
    ) {
      throw new SdkError(
        'CAPABILITY_NOT_SUPPORTED',
        'The server does not offer resource subscriptions (resources.subscribe).',
      );
    }
  }

  /**
   * Sends any request: in the stateless era with the per-request `_meta`. Typed methods below are
   * friendlier; this is for extensions and custom methods.
   */
  async request(
    method: string,
    params?: Record<string, unknown>,
    options: CallOptions & { resultSchema?: RequestOptions['resultSchema'] } = {},
  ): Promise<unknown> {
    const session = this.connected(method);
    this.assertServerCapability(method);
    let body = params;
    if (this.eraValue === 'stateless') {
      const meta = (params?._meta as Record<string, unknown> | undefined) ?? {};
      body = { ...params, _meta: { ...meta, ...this.statelessMeta(this.version as string) } };
      const cache = this.cache;
      if (cache && CACHEABLE_METHODS.has(method)) {
        const key = cacheKey(method, params);
        const hit = cache.get(key, this);
        if (hit !== undefined) return hit;
        const result = await session.request(method, body, options);
        cache.set(key, result, this);
        return result;
      }
    }
    try {
      return await session.request(method, body, options);
    } catch (error) {
      // The server forgot our session (it restarted, or expired it): start a new one, once, and
      // ask again, instead of failing every later request.
      if (!SdkError.is(error, 'SESSION_EXPIRED') || this.eraValue !== 'stateful') throw error;
      await this.recoverSession(options.signal);
      return session.request(method, body, options);
    }
  }

  private recovering: Promise<void> | undefined;

  /** Runs `initialize` again after the server lost the session; concurrent callers share it. */
  private recoverSession(signal: AbortSignal | undefined): Promise<void> {
    this.recovering ??= (async () => {
      this.logger.info('the server no longer knows our session; initializing a new one');
      try {
        await this.initialize(this.options.protocolVersion, signal);
        // subscriptions were per session: renew them on the new one
        for (const uri of this.resourceSubscriptions)
          await this.connected('resources/subscribe').request('resources/subscribe', { uri });
      } finally {
        this.recovering = undefined;
      }
    })();
    return this.recovering;
  }

  /**
   * Calls a method that may answer with an input request (stateless era): answers it with the
   * client's handlers and retries with the answers and the echoed state, up to `maxInputRounds`.
   */
  private async requestWithInput<R>(
    method: 'tools/call' | 'prompts/get' | 'resources/read',
    params: Record<string, unknown>,
    finalSchema: { parse(value: unknown): unknown },
    options: CallOptions,
  ): Promise<R> {
    const maxRounds = this.options.maxInputRounds ?? 10;
    let attempt: Record<string, unknown> = params;
    for (let round = 0; ; round++) {
      const result = (await this.request(method, attempt, options)) as Record<string, unknown>;
      // A result without resultType comes from an older server: it is complete.
      if (result.resultType !== 'input_required') return finalSchema.parse(result) as R;
      if (round >= maxRounds) {
        throw new SdkError(
          'PROTOCOL_VIOLATION',
          `"${method}" still asked for input after ${maxRounds} rounds; raise maxInputRounds if the server legitimately needs more.`,
        );
      }
      const interim = InputRequiredResultSchema.parse(result) as InputRequiredResult;
      const responses: Record<string, unknown> = {};
      const requests = Object.entries(interim.inputRequests ?? {});
      await Promise.all(
        requests.map(async ([key, request]) => {
          const { method: inputMethod, params: inputParams } = request as {
            method: string;
            params?: Record<string, unknown>;
          };
          responses[key] = await answerInputRequest(this.options, inputMethod, inputParams, {
            era: 'stateless',
            signal: options.signal,
          });
        }),
      );
      // Each retry is the original request plus only this round's answers and state.
      attempt = { ...params, inputResponses: responses };
      if (interim.requestState !== undefined) attempt.requestState = interim.requestState;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Typed methods

  /** Checks the server is alive (`ping`; `server/discover` in the stateless era, which has no ping). */
  async ping(options: CallOptions = {}): Promise<void> {
    if (this.eraValue === 'stateless') {
      await this.request('server/discover', {}, options);
      return;
    }
    await this.request('ping', undefined, options);
  }

  /** One page of tools. Tools with invalid definitions are left out (see the logger). */
  async listTools(
    params: { cursor?: string } = {},
    options: CallOptions = {},
  ): Promise<ListToolsResult> {
    // Tools are checked one by one, so one bad definition does not cost the others.
    const result = (await this.request('tools/list', params, {
      ...options,
      resultSchema: ToolPageSchema,
    })) as ListToolsResult;
    return { ...result, tools: this.catalog.accept(result.tools) };
  }

  /** Every tool, across pages. */
  iterateTools(options: CallOptions = {}): AsyncIterable<Tool> {
    return this.iterate(
      'tools/list',
      'tools',
      options,
      (r) => this.catalog.accept((r as ListToolsResult).tools),
      ToolPageSchema,
    );
  }

  /**
   * Calls a tool. With an output schema known from `listTools`, `structuredContent` is checked
   * against it. In the stateless era, input the server asks for is answered by this client's
   * handlers.
   */
  async callTool(
    params: CallToolRequestParams,
    options: CallOptions = {},
  ): Promise<CallToolResult> {
    const body = params as Record<string, unknown>;
    // HTTP transports mirror the arguments the tool's schema annotates into Mcp-Param headers
    const headerParams = this.catalog.headerParams(params.name);
    if (headerParams.length > 0)
      options = { ...options, transportOptions: { ...options.transportOptions, headerParams } };
    const result =
      this.eraValue === 'stateless'
        ? await this.requestWithInput<CallToolResult>(
            'tools/call',
            body,
            CallToolResultSchema,
            options,
          )
        : ((await this.request('tools/call', body, {
            ...options,
            resultSchema: CallToolResultSchema,
          })) as CallToolResult);
    this.catalog.checkResult(params.name, result);
    return result;
  }

  /** The arguments of a known tool that its schema mirrors into HTTP headers (`x-mcp-header`). */
  headerParamsOf(toolName: string) {
    return this.catalog.headerParams(toolName);
  }

  async listResources(
    params: { cursor?: string } = {},
    options: CallOptions = {},
  ): Promise<ListResourcesResult> {
    return (await this.request('resources/list', params, {
      ...options,
      resultSchema: CLIENT_REQUESTS['resources/list'].result,
    })) as ListResourcesResult;
  }

  iterateResources(options: CallOptions = {}): AsyncIterable<Resource> {
    return this.iterate(
      'resources/list',
      'resources',
      options,
      (r) => (r as ListResourcesResult).resources,
    );
  }

  async listResourceTemplates(
    params: { cursor?: string } = {},
    options: CallOptions = {},
  ): Promise<ListResourceTemplatesResult> {
    return (await this.request('resources/templates/list', params, {
      ...options,
      resultSchema: CLIENT_REQUESTS['resources/templates/list'].result,
    })) as ListResourceTemplatesResult;
  }

  iterateResourceTemplates(options: CallOptions = {}): AsyncIterable<ResourceTemplate> {
    return this.iterate(
      'resources/templates/list',
      'resourceTemplates',
      options,
      (r) => (r as ListResourceTemplatesResult).resourceTemplates,
    );
  }

  async readResource(
    params: ReadResourceRequestParams,
    options: CallOptions = {},
  ): Promise<ReadResourceResult> {
    const body = params as Record<string, unknown>;
    if (this.eraValue === 'stateless')
      return this.requestWithInput('resources/read', body, ReadResourceResultSchema, options);
    return (await this.request('resources/read', body, {
      ...options,
      resultSchema: ReadResourceResultSchema,
    })) as ReadResourceResult;
  }

  /** Subscribes to updates of one resource (stateful era; use `listen()` in the stateless era). */
  async subscribeResource(uri: string, options: CallOptions = {}): Promise<void> {
    this.requireStateful('resources/subscribe', 'listen({ resourceSubscriptions: [uri] })');
    await this.request('resources/subscribe', { uri }, options);
    this.resourceSubscriptions.add(uri);
  }

  async unsubscribeResource(uri: string, options: CallOptions = {}): Promise<void> {
    this.requireStateful('resources/unsubscribe', 'close() on the listen subscription');
    await this.request('resources/unsubscribe', { uri }, options);
    this.resourceSubscriptions.delete(uri);
  }

  async listPrompts(
    params: { cursor?: string } = {},
    options: CallOptions = {},
  ): Promise<ListPromptsResult> {
    return (await this.request('prompts/list', params, {
      ...options,
      resultSchema: CLIENT_REQUESTS['prompts/list'].result,
    })) as ListPromptsResult;
  }

  iteratePrompts(options: CallOptions = {}): AsyncIterable<Prompt> {
    return this.iterate(
      'prompts/list',
      'prompts',
      options,
      (r) => (r as ListPromptsResult).prompts,
    );
  }

  async getPrompt(
    params: GetPromptRequestParams,
    options: CallOptions = {},
  ): Promise<GetPromptResult> {
    const body = params as Record<string, unknown>;
    if (this.eraValue === 'stateless')
      return this.requestWithInput('prompts/get', body, GetPromptResultSchema, options);
    return (await this.request('prompts/get', body, {
      ...options,
      resultSchema: GetPromptResultSchema,
    })) as GetPromptResult;
  }

  async complete(
    params: CompleteRequestParams,
    options: CallOptions = {},
  ): Promise<CompleteResult> {
    return (await this.request('completion/complete', params as Record<string, unknown>, {
      ...options,
      resultSchema: CompleteResultSchema,
    })) as CompleteResult;
  }

  /**
   * Sets the level of log messages the server sends: `logging/setLevel` in the stateful era, the
   * `_meta` log level of every later request in the stateless era.
   */
  async setLoggingLevel(level: LoggingLevel, options: CallOptions = {}): Promise<void> {
    if (this.eraValue === 'stateless') {
      this.logLevel = level;
      return;
    }
    await this.request('logging/setLevel', { level }, options);
    this.logLevel = level;
  }

  /**
   * Opens a `subscriptions/listen` stream (stateless era) for list changes and resource updates.
   * Iterate the returned subscription for its notifications; `close()` ends it.
   */
  async listen(
    filter: SubscriptionFilter,
    options: { signal?: AbortSignal } = {},
  ): Promise<Subscription> {
    const session = this.connected('subscriptions/listen');
    if (this.eraValue !== 'stateless') {
      throw new SdkError(
        'INVALID_STATE',
        'subscriptions/listen exists in the stateless era only; in the stateful era use subscribeResource() and the list_changed notifications (onNotification).',
      );
    }
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), {
      once: true,
    });
    const id = session.nextRequestId;
    const subscription = new Subscription(() =>
      controller.abort('the client closed the subscription'),
    );
    this.subscriptions.set(id, subscription);
    const done = this.request(
      'subscriptions/listen',
      { notifications: filter },
      { signal: controller.signal, timeoutMs: Number.POSITIVE_INFINITY },
    );
    done.then(
      () => subscription.end(),
      (error: unknown) =>
        subscription.end(SdkError.is(error, 'REQUEST_CANCELLED') ? undefined : (error as Error)),
    );
    subscription.onEnd(() => this.subscriptions.delete(id));
    await subscription.acknowledged;
    return subscription;
  }

  /** Tells the server the client's roots changed (stateful era). */
  async sendRootsListChanged(): Promise<void> {
    if (this.eraValue !== 'stateful') return;
    await this.connected('notifications/roots/list_changed').notify(
      'notifications/roots/list_changed',
    );
  }

  private requireStateful(method: string, instead: string): void {
    if (this.eraValue === 'stateless') {
      throw new McpError(
        -32601,
        `"${method}" does not exist in the stateless era; use ${instead} instead.`,
      );
    }
  }

  private iterate<T>(
    method: ListMethod,
    key: string,
    options: CallOptions,
    pick: (result: unknown) => T[],
    resultSchema: RequestOptions['resultSchema'] = CLIENT_REQUESTS[method].result,
  ): AsyncIterable<T> {
    return {
      [Symbol.asyncIterator]: async function* (this: Client) {
        let cursor: string | undefined;
        const seen = new Set<string>();
        do {
          const result = (await this.request(method, cursor === undefined ? {} : { cursor }, {
            ...options,
            resultSchema,
          })) as { nextCursor?: string } & Record<string, unknown>;
          yield* pick(result);
          cursor = result.nextCursor;
          if (cursor !== undefined) {
            // a server that hands out the same cursor twice would loop forever
            if (seen.has(cursor))
              throw new SdkError(
                'PROTOCOL_VIOLATION',
                `"${method}" returned the cursor "${truncate(cursor)}" twice while listing ${key}.`,
              );
            seen.add(cursor);
          }
        } while (cursor !== undefined);
      }.bind(this),
    };
  }
}

/** A page of tools whose entries are checked later, one by one (see ToolCatalog). */
const ToolPageSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

function latestStateless(versions: readonly string[]): string {
  return (
    [...versions]
      .filter((v) => eraOf(v) === 'stateless')
      .sort()
      .pop() ?? '2026-07-28'
  );
}

function latestStateful(versions: readonly string[]): string {
  return (
    [...versions]
      .filter((v) => eraOf(v) === 'stateful')
      .sort()
      .pop() ?? LATEST_STATEFUL_PROTOCOL_VERSION
  );
}
