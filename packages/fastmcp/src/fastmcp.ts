/**
 * FastMCP: the high-level server. Register tools, resources (static or URI templates) and prompts
 * with schemas from any Standard Schema library; arguments are typed from them, results are
 * converted to MCP content, and the same definitions serve both protocol eras over stdio,
 * Streamable HTTP, a fetch handler or an Express app.
 */
import { Client, type ClientOptions } from '@mcpkit/client';
import { type AuthInfo, createInMemoryTransportPair, type Logger } from '@mcpkit/jsonrpc';
import {
  type CallToolResult,
  type CompleteResult,
  ErrorCode,
  type GetPromptResult,
  type Icon,
  type Implementation,
  McpError,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
  SdkError,
  type Tool,
  type ToolAnnotations,
  truncate,
} from '@mcpkit/protocol';
import {
  type CacheHints,
  isInputRequired,
  type RequestStateOptions,
  Server,
  type ServerContext,
} from '@mcpkit/server';
import {
  createStreamableHTTPHandler,
  type EventStore,
  type StreamableHTTPHandler,
  type StreamableHTTPHandlerOptions,
} from '@mcpkit/transport-streamable-http';
import {
  type McpHttpServer,
  respondNotFound,
  toNodeListener,
} from '@mcpkit/transport-streamable-http/node';
import {
  Audio,
  Image,
  isCallToolResult,
  jsonReplacer,
  ToolError,
  type ToolValue,
  toBase64,
  toContentBlocks,
} from './content';
import { Context } from './context';
import { stderrLogger } from './internal/stderr-logger';
import { type PromptValue, toPromptResult } from './prompt-messages';
import {
  type CompiledSchema,
  compileJsonSchema,
  compileObjectSchema,
  compileSchema,
  type Infer,
  type JsonSchemaObject,
  type SchemaInput,
  type SchemaShape,
} from './schema';
import { type FastMCPSettings, resolveSettings } from './settings';
import { type TemplateParams, UriTemplate } from './uri-template';

type MaybePromise<T> = T | Promise<T>;

/** Checks bearer tokens on every HTTP request (the OAuth issue plugs a full server in here). */
export interface AuthSettings {
  /** Returns who the token belongs to, or nothing when it is not valid. */
  verifyToken(token: string): MaybePromise<AuthInfo | undefined>;
  /** Scopes every request needs (403 `insufficient_scope` without them). */
  requiredScopes?: readonly string[];
  /** The Protected Resource Metadata URL announced in `WWW-Authenticate` on 401. */
  resourceMetadataUrl?: string;
}

/** Options of {@link FastMCP}. Settings may also come from `FASTMCP_*` environment variables. */
export interface FastMCPOptions<L> extends Partial<FastMCPSettings> {
  /** The server's version (serverInfo). Default `0.0.0`. */
  version?: string;
  /** A human-friendly display name. */
  title?: string;
  /** What the server does, for the host's UI. */
  description?: string;
  /** Guidance for the model on how to use this server. */
  instructions?: string;
  /** Icons of the server. */
  icons?: Icon[];
  /** The server's website. */
  websiteUrl?: string;
  /** npm packages the server needs, for `mcp install` / `mcp dev` to provide. */
  dependencies?: readonly string[];
  /**
   * Typed start-up and shut-down: an async generator yielding the context every handler sees as
   * `ctx.lifespan` (clean up after the yield or in `finally`), or a function returning it.
   */
  lifespan?: (server: FastMCP<never>) => AsyncGenerator<L, void, void> | Promise<L> | L;
  /** Bearer-token checks on HTTP requests. */
  auth?: AuthSettings;
  /**
   * Hide the message of unexpected errors thrown by tools (it may hold internals); throw a
   * `ToolError` for messages the model should see. Default true.
   */
  maskErrorDetails?: boolean;
  /** Keeps SSE events for resumption after a dropped connection (stateful HTTP). */
  eventStore?: EventStore;
  /** Where the server's own diagnostics go. Default: stderr at `logLevel`. */
  logger?: Logger;
  /** Caching hints for the cacheable results of 2026-07-28. */
  cache?: CacheHints | ((method: string) => CacheHints);
  /** Sealing of multi round-trip request state (on by default with a random key). */
  requestState?: RequestStateOptions;
}

/** A registered tool, resource or prompt: turn it off and on, or remove it (clients are told). */
export interface Registration {
  readonly name: string;
  enable(): void;
  disable(): void;
  remove(): void;
}

/** Options of a tool. `input` / `output` take zod, valibot, arktype (any Standard Schema) or a shape. */
export interface ToolConfig<I, O> {
  title?: string;
  description?: string;
  /** The arguments: a schema or a shape (`{ a: z.number() }`); handlers get its output type. */
  input?: I;
  /** The arguments as plain JSON Schema, when there is no `input` (handlers get a plain record). */
  inputSchema?: JsonSchemaObject;
  /** The structured result: returned values become `structuredContent` and are checked. */
  output?: O;
  /** The structured result as plain JSON Schema, when there is no `output`. */
  outputSchema?: JsonSchemaObject;
  annotations?: ToolAnnotations;
  icons?: Icon[];
  _meta?: Record<string, unknown>;
}

/** The arguments a tool handler receives. */
export type ToolArgs<I> = [I] extends [undefined] ? Record<string, unknown> : Infer<I>;

/** What a tool handler may return: its output type with an output schema, else any value. */
export type ToolReturn<O> = [O] extends [undefined] ? ToolValue : Infer<O> | CallToolResult;

/** A tool's implementation. */
export type ToolHandler<I, O, L> = (
  args: ToolArgs<I>,
  ctx: Context<L>,
) => MaybePromise<ToolReturn<O>>;

/** Completes one argument: candidate values for what the user typed so far. */
export type Completer = (
  value: string,
  context: { arguments: Record<string, string> },
) => MaybePromise<readonly string[]>;

/** Options of a resource or resource template. */
export interface ResourceConfig<U extends string, P> {
  /** The resource's name. Default: its URI. */
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
  icons?: Icon[];
  annotations?: Resource['annotations'];
  _meta?: Record<string, unknown>;
  /** A shape that checks and converts template parameters (`{ id: z.coerce.number() }`). */
  params?: P;
  /** Completion of template parameters. */
  complete?: { [K in keyof TemplateParams<U>]?: Completer };
}

/** The parameters a resource handler receives: from the template string, or its `params` shape. */
export type ResourceParams<U extends string, P> = [P] extends [undefined]
  ? TemplateParams<U>
  : Infer<P>;

/** What a resource handler may return. */
export type ResourceValue =
  | string
  | Uint8Array
  | ArrayBuffer
  | Image
  | Audio
  | ReadResourceResult
  | { readonly [key: string]: unknown }
  | readonly unknown[];

/** A resource's implementation (static resources get empty params). */
export type ResourceHandler<U extends string, P, L> = (
  params: ResourceParams<U, P>,
  ctx: Context<L>,
) => MaybePromise<ResourceValue>;

/** Options of a prompt. */
export interface PromptConfig<A> {
  title?: string;
  description?: string;
  /** The arguments (values arrive as strings; `z.coerce` converts them). */
  args?: A;
  icons?: Icon[];
  _meta?: Record<string, unknown>;
  /** Completion of arguments. */
  complete?: { [K in keyof A]?: Completer };
}

/** A prompt's implementation. */
export type PromptHandler<A, L> = (
  args: [A] extends [undefined] ? Record<string, string> : Infer<A>,
  ctx: Context<L>,
) => MaybePromise<PromptValue>;

/** How `run()` serves the server. */
export type TransportName = 'stdio' | 'streamable-http';

/** Options of {@link FastMCP.run}. */
export interface RunOptions extends Partial<Pick<FastMCPSettings, 'host' | 'port'>> {
  transport?: TransportName;
  /** Path of the MCP endpoint (Streamable HTTP). Default: the `streamableHttpPath` setting. */
  path?: string;
}

interface ToolEntry {
  definition: Tool;
  input: CompiledSchema | undefined;
  output: CompiledSchema | undefined;
  handler: ToolHandler<unknown, unknown, unknown>;
  enabled: boolean;
}

interface StaticResourceEntry {
  definition: Resource;
  handler: ResourceHandler<string, unknown, unknown>;
  enabled: boolean;
}

interface TemplateEntry {
  definition: ResourceTemplate;
  template: UriTemplate;
  params: CompiledSchema | undefined;
  complete: Record<string, Completer | undefined>;
  handler: ResourceHandler<string, unknown, unknown>;
  enabled: boolean;
}

interface PromptEntry {
  definition: Prompt;
  args: CompiledSchema | undefined;
  complete: Record<string, Completer | undefined>;
  handler: PromptHandler<unknown, unknown>;
  enabled: boolean;
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const MAX_COMPLETIONS = 100;

/**
 * A high-level MCP server.
 * @example
 * const mcp = new FastMCP('Demo');
 * mcp.tool('add', { description: 'Add two numbers', input: { a: z.number(), b: z.number() } },
 *   ({ a, b }) => a + b);
 * mcp.resource('greeting://{name}', ({ name }) => `Hello, ${name}!`);
 * await mcp.run();
 */
export class FastMCP<L = undefined> {
  /** The low-level server underneath: for anything the high-level API does not cover. */
  readonly server: Server<L>;
  readonly name: string;
  /** Resolved settings (options, then `FASTMCP_*` variables, then defaults). */
  readonly settings: Readonly<FastMCPSettings>;
  /** npm packages the server needs (for the CLI). */
  readonly dependencies: readonly string[];
  readonly logger: Logger;

  private readonly options: FastMCPOptions<L>;
  private readonly tools = new Map<string, ToolEntry>();
  private readonly resources = new Map<string, StaticResourceEntry>();
  private readonly templates = new Map<string, TemplateEntry>();
  private readonly prompts = new Map<string, PromptEntry>();
  private toolList: Tool[] | undefined;
  private httpHandler: StreamableHTTPHandler | undefined;
  private httpServer: McpHttpServer | undefined;
  private starting: Promise<void> | undefined;
  private readonly closeCallbacks: Array<() => Promise<void> | void> = [];

  constructor(name: string, options: FastMCPOptions<L> = {}) {
    this.name = name;
    this.options = options;
    this.settings = resolveSettings(options);
    this.dependencies = options.dependencies ?? [];
    this.logger = options.logger ?? stderrLogger(name, this.settings.logLevel);
    const info: Implementation = { name, version: options.version ?? '0.0.0' };
    if (options.title !== undefined) info.title = options.title;
    if (options.description !== undefined)
      (info as Record<string, unknown>).description = options.description;
    if (options.icons !== undefined) info.icons = options.icons;
    if (options.websiteUrl !== undefined) info.websiteUrl = options.websiteUrl;
    const lifespan = options.lifespan;
    this.server = new Server<L>(info, {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: options.instructions,
      lifespan: lifespan ? () => lifespan(this as unknown as FastMCP<never>) : undefined,
      logger: this.logger,
      cache: options.cache,
      requestState: options.requestState,
    });
    this.installHandlers();
  }

  // ---------------------------------------------------------------------------------------------
  // Tools

  /**
   * Registers a tool. Its arguments are typed from `input`; with an `output` schema the returned
   * value becomes `structuredContent` (checked against the schema, at compile time too).
   * @example
   * mcp.tool('calculate_bmi', { input: { weightKg: z.number(), heightM: z.number() } },
   *   ({ weightKg, heightM }) => weightKg / heightM ** 2);
   */
  // The schema-less / JSON Schema form first, non-generic: TypeScript then settles such calls
  // without inferring anything (measured: 1.7× → 1.3× check time at 200 JSON Schema tools).
  tool(
    name: string,
    config: ToolConfig<undefined, undefined>,
    handler: ToolHandler<undefined, undefined, L>,
  ): Registration;
  tool<
    I extends SchemaInput | undefined = undefined,
    O extends SchemaInput | undefined = undefined,
  >(name: string, config: ToolConfig<I, O>, handler: ToolHandler<I, O, L>): Registration;
  tool(name: string, handler: ToolHandler<undefined, undefined, L>): Registration;
  tool(name: string, configOrHandler: object, maybeHandler?: unknown): Registration {
    const config = (typeof configOrHandler === 'function' ? {} : configOrHandler) as ToolConfig<
      SchemaInput | undefined,
      SchemaInput | undefined
    >;
    const handler = (typeof configOrHandler === 'function' ? configOrHandler : maybeHandler) as
      | ToolHandler<unknown, unknown, unknown>
      | undefined;
    if (typeof handler !== 'function')
      throw new SdkError('INVALID_ARGUMENT', `Tool "${truncate(name)}" needs a handler function.`);
    if (this.tools.has(name)) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Tool "${truncate(name)}" is already registered; remove() the old one first or pick another name.`,
      );
    }
    if (!TOOL_NAME.test(name)) {
      this.logger.warn(
        `tool name "${truncate(name)}" is outside what the spec recommends (1-128 of A-Z a-z 0-9 _ - .); some clients may refuse it`,
      );
    }
    const what = `the input of tool "${truncate(name)}"`;
    const input = config.input
      ? compileObjectSchema(config.input, what)
      : config.inputSchema
        ? compileJsonSchema(config.inputSchema, what)
        : undefined;
    const outputWhat = `the output of tool "${truncate(name)}"`;
    const output = config.output
      ? compileSchema(config.output, outputWhat)
      : config.outputSchema
        ? compileJsonSchema(config.outputSchema, outputWhat)
        : undefined;
    const definition: Tool = {
      name,
      inputSchema: (input?.jsonSchema ?? { type: 'object' }) as Tool['inputSchema'],
    };
    copyDescriptive(definition, config);
    if (output) definition.outputSchema = output.jsonSchema as Tool['outputSchema'];
    const entry: ToolEntry = { definition, input, output, handler, enabled: true };
    this.tools.set(name, entry);
    this.toolsChanged();
    return this.registration(
      name,
      entry,
      () => {
        if (this.tools.get(name) === entry) this.tools.delete(name);
        this.toolsChanged();
      },
      () => this.toolsChanged(),
    );
  }

  /** Every enabled tool's definition, as `tools/list` returns them. */
  listTools(): Tool[] {
    this.toolList ??= [...this.tools.values()].filter((t) => t.enabled).map((t) => t.definition);
    return this.toolList;
  }

  /** Calls a tool the way a client would (arguments checked, result converted). */
  private async callTool(
    name: string,
    args: Record<string, unknown> | undefined,
    request: ServerContext<L>,
  ): Promise<CallToolResult> {
    const entry = this.tools.get(name);
    if (!entry?.enabled) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool "${truncate(name)}"; call tools/list to see the tools this server offers.`,
      );
    }
    let values: unknown = args ?? {};
    if (entry.input) {
      const parsed = await entry.input.parse(values);
      // invalid arguments are a tool error, so the model can read it and correct itself
      if (!parsed.ok)
        return errorResult(`Invalid arguments for tool "${truncate(name)}": ${parsed.message}`);
      values = parsed.value;
    }
    let value: unknown;
    try {
      value = await entry.handler(values as never, new Context(request, this) as Context<unknown>);
    } catch (error) {
      return this.toolFailure(name, error);
    }
    return this.toToolResult(name, entry, value);
  }

  private toolFailure(name: string, error: unknown): CallToolResult {
    // protocol-level outcomes travel as they are: input rounds, errors with a JSON-RPC code
    if (isInputRequired(error) || McpError.is(error)) throw error;
    if (error instanceof ToolError) return errorResult(error.message);
    // the client lacks a capability the tool needs (stateful era): say which, not "internal error"
    if (SdkError.is(error, 'CAPABILITY_NOT_SUPPORTED')) return errorResult(error.message);
    this.logger.error(`tool "${truncate(name)}" failed`, { error });
    if (this.options.maskErrorDetails === false && error instanceof Error)
      return errorResult(`Error executing tool ${name}: ${error.message}`);
    return errorResult(
      `Error executing tool ${name}: an internal error occurred (details are in the server's log).`,
    );
  }

  private async toToolResult(
    name: string,
    entry: ToolEntry,
    value: unknown,
  ): Promise<CallToolResult> {
    if (isCallToolResult(value)) return value;
    if (!entry.output) return { content: toContentBlocks(value) };
    const checked = await entry.output.parse(value);
    if (!checked.ok) {
      this.logger.error(`tool "${truncate(name)}" returned a value that breaks its output schema`, {
        problem: checked.message,
      });
      return errorResult(
        `Tool "${truncate(name)}" produced a result that does not match its output schema: ${checked.message}`,
      );
    }
    const structured = (entry.output.wrapped ? { result: checked.value } : checked.value) as Record<
      string,
      unknown
    >;
    return {
      content: [{ type: 'text', text: JSON.stringify(structured, jsonReplacer) }],
      structuredContent: structured,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Resources

  /**
   * Registers a resource: a fixed URI (`config://app`), or a URI template (`users://{id}/profile`)
   * whose parameters the handler receives, typed from the template.
   * @example
   * mcp.resource('config://app', () => 'App configuration here');
   * mcp.resource('users://{userId}/profile', ({ userId }) => `Profile data for user ${userId}`);
   */
  resource<const U extends string, P extends SchemaShape | undefined = undefined>(
    uri: U,
    config: ResourceConfig<U, P>,
    handler: ResourceHandler<U, P, L>,
  ): Registration;
  resource<const U extends string>(uri: U, handler: ResourceHandler<U, undefined, L>): Registration;
  resource(
    uri: string,
    configOrHandler: ResourceConfig<string, unknown> | ResourceHandler<string, unknown, L>,
    maybeHandler?: ResourceHandler<string, unknown, L>,
  ): Registration {
    const config = (typeof configOrHandler === 'function' ? {} : configOrHandler) as ResourceConfig<
      string,
      SchemaShape | undefined
    >;
    const handler = (typeof configOrHandler === 'function' ? configOrHandler : maybeHandler) as
      | ResourceHandler<string, unknown, unknown>
      | undefined;
    if (typeof handler !== 'function')
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Resource "${truncate(uri)}" needs a handler function.`,
      );
    if (UriTemplate.isTemplate(uri)) return this.addTemplate(uri, config, handler);
    if (config.params !== undefined || config.complete !== undefined) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Resource "${truncate(uri)}" has no {parameters}, so params and complete do not apply.`,
      );
    }
    if (this.resources.has(uri)) {
      throw new SdkError('INVALID_ARGUMENT', `Resource "${truncate(uri)}" is already registered.`);
    }
    const definition: Resource = { uri, name: config.name ?? uri };
    copyDescriptive(definition, config);
    if (config.mimeType !== undefined) definition.mimeType = config.mimeType;
    if (config.size !== undefined) definition.size = config.size;
    const entry: StaticResourceEntry = { definition, handler, enabled: true };
    this.resources.set(uri, entry);
    this.server.sendResourceListChanged();
    return this.registration(
      uri,
      entry,
      () => {
        if (this.resources.get(uri) === entry) this.resources.delete(uri);
        this.server.sendResourceListChanged();
      },
      () => this.server.sendResourceListChanged(),
    );
  }

  private addTemplate(
    uri: string,
    config: ResourceConfig<string, SchemaShape | undefined>,
    handler: ResourceHandler<string, unknown, unknown>,
  ): Registration {
    if (this.templates.has(uri)) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Resource template "${truncate(uri)}" is already registered.`,
      );
    }
    let template: UriTemplate;
    try {
      template = new UriTemplate(uri);
      // fail at registration, not on the first read
      template.assertMatchable();
    } catch (error) {
      throw new SdkError('INVALID_ARGUMENT', (error as Error).message, { cause: error });
    }
    const params = config.params
      ? compileSchema(config.params, `the params of resource template "${truncate(uri)}"`)
      : undefined;
    const definition: ResourceTemplate = { uriTemplate: uri, name: config.name ?? uri };
    copyDescriptive(definition, config);
    if (config.mimeType !== undefined) definition.mimeType = config.mimeType;
    const entry: TemplateEntry = {
      definition,
      template,
      params,
      complete: (config.complete ?? {}) as Record<string, Completer | undefined>,
      handler,
      enabled: true,
    };
    this.templates.set(uri, entry);
    this.server.sendResourceListChanged();
    return this.registration(
      uri,
      entry,
      () => {
        if (this.templates.get(uri) === entry) this.templates.delete(uri);
        this.server.sendResourceListChanged();
      },
      () => this.server.sendResourceListChanged(),
    );
  }

  /** Tells subscribed clients that a resource changed (`notifications/resources/updated`). */
  notifyResourceUpdated(uri: string): void {
    this.server.sendResourceUpdated(uri);
  }

  /**
   * Reads a resource the way a client would: a static resource with that URI, else the first
   * template that matches it. Handlers reach it as `ctx.readResource(uri)`.
   */
  async readResource(uri: string, context: Context<unknown>): Promise<ReadResourceResult> {
    const exact = this.resources.get(uri);
    if (exact?.enabled) {
      const value = await exact.handler({}, context);
      return toReadResult(uri, value, exact.definition.mimeType);
    }
    for (const entry of this.templates.values()) {
      if (!entry.enabled) continue;
      const matched = entry.template.match(uri);
      if (!matched) continue;
      let params: unknown = matched;
      if (entry.params) {
        const parsed = await entry.params.parse(matched);
        if (!parsed.ok) {
          throw new McpError(
            ErrorCode.InvalidParams,
            `Invalid parameters for resource template "${truncate(entry.definition.uriTemplate)}": ${parsed.message}`,
          );
        }
        params = parsed.value;
      }
      const value = await entry.handler(params as never, context);
      return toReadResult(uri, value, entry.definition.mimeType);
    }
    throw new McpError(
      context.era === 'stateless' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound,
      `Resource not found: "${truncate(uri)}"; call resources/list and resources/templates/list to see what this server offers.`,
      { uri },
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Prompts

  /**
   * Registers a prompt. Return a string (one user message), messages built with `userMessage`
   * and `assistantMessage`, or a whole `GetPromptResult`.
   * @example
   * mcp.prompt('review_code', { args: { code: z.string() } },
   *   ({ code }) => `Please review this code:\n\n${code}`);
   */
  prompt<A extends SchemaShape | undefined = undefined>(
    name: string,
    config: PromptConfig<A>,
    handler: PromptHandler<A, L>,
  ): Registration;
  prompt(name: string, handler: PromptHandler<undefined, L>): Registration;
  prompt(
    name: string,
    configOrHandler: PromptConfig<unknown> | PromptHandler<unknown, L>,
    maybeHandler?: PromptHandler<unknown, L>,
  ): Registration {
    const config = (typeof configOrHandler === 'function' ? {} : configOrHandler) as PromptConfig<
      SchemaShape | undefined
    >;
    const handler = (typeof configOrHandler === 'function' ? configOrHandler : maybeHandler) as
      | PromptHandler<unknown, unknown>
      | undefined;
    if (typeof handler !== 'function')
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Prompt "${truncate(name)}" needs a handler function.`,
      );
    if (this.prompts.has(name))
      throw new SdkError('INVALID_ARGUMENT', `Prompt "${truncate(name)}" is already registered.`);
    const args = config.args
      ? compileSchema(config.args, `the arguments of prompt "${truncate(name)}"`)
      : undefined;
    const definition: Prompt = { name };
    copyDescriptive(definition, config);
    if (args) {
      const properties = (args.jsonSchema.properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      const required = new Set((args.jsonSchema.required ?? []) as string[]);
      definition.arguments = Object.entries(properties).map(([argName, schema]) => {
        const argument: NonNullable<Prompt['arguments']>[number] = { name: argName };
        if (schema.description !== undefined) argument.description = schema.description;
        argument.required = required.has(argName);
        return argument;
      });
    }
    const entry: PromptEntry = {
      definition,
      args,
      complete: (config.complete ?? {}) as Record<string, Completer | undefined>,
      handler,
      enabled: true,
    };
    this.prompts.set(name, entry);
    this.server.sendPromptListChanged();
    return this.registration(
      name,
      entry,
      () => {
        if (this.prompts.get(name) === entry) this.prompts.delete(name);
        this.server.sendPromptListChanged();
      },
      () => this.server.sendPromptListChanged(),
    );
  }

  private async getPrompt(
    name: string,
    args: Record<string, string> | undefined,
    context: Context<unknown>,
  ): Promise<GetPromptResult> {
    const entry = this.prompts.get(name);
    if (!entry?.enabled) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown prompt "${truncate(name)}"; call prompts/list to see the prompts this server offers.`,
      );
    }
    let values: unknown = args ?? {};
    if (entry.args) {
      const parsed = await entry.args.parse(values);
      if (!parsed.ok) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Invalid arguments for prompt "${truncate(name)}": ${parsed.message}`,
        );
      }
      values = parsed.value;
    }
    const value = await entry.handler(values as never, context);
    return toPromptResult(value, entry.definition.description);
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  /** Runs the lifespan's start-up (once); a failure rejects here, at boot, not on a request. */
  start(): Promise<void> {
    this.starting ??= this.server.start().catch((error: unknown) => {
      this.logger.error(
        `FastMCP "${this.name}" failed to start: its lifespan threw. Fix it and restart; requests are refused until then.`,
        { error },
      );
      throw error;
    });
    return this.starting;
  }

  /**
   * Serves the server until it is stopped: over stdio (the default) until stdin ends, or over
   * Streamable HTTP until SIGINT / SIGTERM or `close()`.
   * @example
   * await mcp.run();                                         // stdio
   * await mcp.run({ transport: 'streamable-http', port: 3000 });
   */
  async run(options: RunOptions | TransportName = {}): Promise<void> {
    const opts: RunOptions = typeof options === 'string' ? { transport: options } : options;
    const transport = opts.transport ?? 'stdio';
    if (transport === 'stdio') return this.runStdio();
    if (transport === 'streamable-http') return this.runHttp(opts);
    throw new SdkError(
      'INVALID_ARGUMENT',
      `Unknown transport "${String(transport)}"; use "stdio" or "streamable-http".`,
    );
  }

  private async runStdio(): Promise<void> {
    const { StdioServerTransport } = await import('@mcpkit/transport-stdio');
    await this.start();
    const session = await this.server.connect(new StdioServerTransport());
    await new Promise<void>((resolve) => {
      const previous = session.onclose;
      session.onclose = (info) => {
        previous?.(info);
        resolve();
      };
    });
    await this.close();
  }

  private async runHttp(options: RunOptions): Promise<void> {
    const { createMcpHttpServer } = await import('@mcpkit/transport-streamable-http/node');
    await this.start();
    const http = createMcpHttpServer(this.server, {
      ...this.httpOptions(),
      path: options.path ?? this.settings.streamableHttpPath,
    });
    this.httpServer = http;
    const url = await http.listen(
      options.port ?? this.settings.port,
      options.host ?? this.settings.host,
    );
    this.logger.info(`FastMCP "${this.name}" listening on ${url.href}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      const proc = (globalThis as { process?: NodeJS.Process }).process;
      proc?.once('SIGINT', stop);
      proc?.once('SIGTERM', stop);
      this.closeCallbacks.push(() => {
        proc?.off('SIGINT', stop);
        proc?.off('SIGTERM', stop);
        resolve();
      });
    });
    await this.close();
  }

  /**
   * A web-standard handler for Streamable HTTP: `(request: Request) => Promise<Response>`, for
   * Bun, Deno, edge runtimes or any framework with fetch-style routes. Starts the server.
   */
  fetchHandler(): (request: Request) => Promise<Response> {
    const handler = this.sharedHttpHandler();
    return (request) => handler.handle(request);
  }

  /**
   * An Express (or `node:http`) request handler serving Streamable HTTP at the
   * `streamableHttpPath` setting below where it is mounted; other paths fall through to `next`.
   * Starts the server: a failing lifespan is logged at once, and requests get a 503 saying so.
   * @example
   * app.use('/echo', echo.streamableHttpApp()); // serves /echo/mcp
   */
  streamableHttpApp(): (
    req: import('node:http').IncomingMessage & { path?: string; body?: unknown },
    res: import('node:http').ServerResponse,
    next?: (error?: unknown) => void,
  ) => void {
    const listener = toNodeListener(this.sharedHttpHandler());
    const path = this.settings.streamableHttpPath;
    return (req, res, next) => {
      const pathname = req.path ?? (req.url ?? '/').split('?')[0];
      if (pathname !== path && pathname !== `${path}/`) {
        if (next) next();
        else respondNotFound(res, path);
        return;
      }
      listener(req, res).catch((error: unknown) => {
        if (next) next(error);
        else this.logger.error('the HTTP adapter failed', { error });
      });
    };
  }

  private sharedHttpHandler(): StreamableHTTPHandler {
    if (!this.httpHandler) {
      // start now, so that a failing lifespan is logged at once (requests then get a 503)
      this.start().catch(() => undefined);
      this.httpHandler = createStreamableHTTPHandler(this.server, this.httpOptions());
    }
    return this.httpHandler;
  }

  private httpOptions(): StreamableHTTPHandlerOptions {
    const options: StreamableHTTPHandlerOptions = {
      stateless: this.settings.statelessHttp,
      jsonResponse: this.settings.jsonResponse,
      logger: this.logger,
    };
    if (this.options.eventStore) options.eventStore = this.options.eventStore;
    if (this.options.auth) options.authenticate = bearerAuth(this.options.auth);
    return options;
  }

  /**
   * A `Client` connected to this server in memory: for tests and in-process hosts.
   * @example
   * const client = await mcp.connectClient();
   * console.log(await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } }));
   */
  async connectClient(
    options: ClientOptions = {},
    info: Implementation = { name: 'fastmcp-in-memory-client', version: '1.0.0' },
  ): Promise<Client> {
    const [clientSide, serverSide] = createInMemoryTransportPair();
    await this.start();
    await this.server.connect(serverSide);
    const client = new Client(info, options);
    await client.connect(clientSide);
    return client;
  }

  /** Stops serving: closes HTTP, every connection, then runs the lifespan's shut-down. */
  async close(): Promise<void> {
    for (const callback of this.closeCallbacks.splice(0)) await callback();
    const http = this.httpServer;
    this.httpServer = undefined;
    if (http) await http.close();
    await this.httpHandler?.close();
    await this.server.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring

  private installHandlers(): void {
    const server = this.server;
    server.setRequestHandler('tools/list', () => ({ tools: this.listTools() }));
    server.setRequestHandler('tools/call', (params, ctx) =>
      this.callTool(params.name, params.arguments, ctx),
    );
    server.setRequestHandler('resources/list', () => ({
      resources: [...this.resources.values()].filter((r) => r.enabled).map((r) => r.definition),
    }));
    server.setRequestHandler('resources/templates/list', () => ({
      resourceTemplates: [...this.templates.values()]
        .filter((t) => t.enabled)
        .map((t) => t.definition),
    }));
    server.setRequestHandler('resources/read', (params, ctx) =>
      this.readResource(params.uri, new Context(ctx, this) as Context<unknown>),
    );
    server.setRequestHandler('prompts/list', () => ({
      prompts: [...this.prompts.values()].filter((p) => p.enabled).map((p) => p.definition),
    }));
    server.setRequestHandler('prompts/get', (params, ctx) =>
      this.getPrompt(
        params.name,
        params.arguments as Record<string, string> | undefined,
        new Context(ctx, this) as Context<unknown>,
      ),
    );
    server.setRequestHandler('completion/complete', async (params) => {
      const ref = params.ref as { type: string; name?: string; uri?: string };
      const target =
        ref.type === 'ref/prompt'
          ? this.prompts.get(ref.name ?? '')
          : this.templates.get(ref.uri ?? '');
      const completer = target?.enabled ? target.complete[params.argument.name] : undefined;
      if (!completer) return { completion: { values: [] } } satisfies CompleteResult;
      const all = await completer(params.argument.value, {
        arguments: (params.context?.arguments ?? {}) as Record<string, string>,
      });
      return {
        completion: {
          values: all.slice(0, MAX_COMPLETIONS),
          total: all.length,
          hasMore: all.length > MAX_COMPLETIONS,
        },
      } satisfies CompleteResult;
    });
  }

  private toolsChanged(): void {
    this.toolList = undefined;
    this.server.sendToolListChanged();
  }

  private registration(
    name: string,
    entry: { enabled: boolean },
    remove: () => void,
    changed: () => void,
  ): Registration {
    return {
      name,
      enable: () => {
        if (entry.enabled) return;
        entry.enabled = true;
        changed();
      },
      disable: () => {
        if (!entry.enabled) return;
        entry.enabled = false;
        changed();
      },
      remove,
    };
  }
}

/**
 * One start and one shut-down for several servers (e.g. mounted in one Express app): `start()`
 * starts them all (closing those that did start if one fails), `close()` closes them all.
 */
export function lifecycle(...servers: Lifecycle[]): Lifecycle {
  return {
    async start() {
      const results = await Promise.allSettled(servers.map((s) => s.start()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        await Promise.allSettled(servers.map((s) => s.close()));
        throw failed.reason;
      }
    },
    async close() {
      await Promise.allSettled(servers.map((s) => s.close()));
    },
  };
}

/** Something that starts and closes: a FastMCP server, or a {@link lifecycle} of several. */
export interface Lifecycle {
  start(): Promise<void>;
  close(): Promise<void>;
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

function copyDescriptive(
  target: {
    title?: string;
    description?: string;
    icons?: Icon[];
    _meta?: Record<string, unknown>;
    annotations?: unknown;
  },
  config: {
    title?: string;
    description?: string;
    icons?: Icon[];
    _meta?: Record<string, unknown>;
    annotations?: unknown;
  },
): void {
  if (config.title !== undefined) target.title = config.title;
  if (config.description !== undefined) target.description = config.description;
  if (config.icons !== undefined) target.icons = config.icons;
  if (config._meta !== undefined) target._meta = config._meta;
  if (config.annotations !== undefined) target.annotations = config.annotations;
}

/** Turns what a resource handler returned into `ReadResourceResult` contents. */
function toReadResult(
  uri: string,
  value: unknown,
  mimeType: string | undefined,
): ReadResourceResult {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { contents?: unknown }).contents)
  ) {
    return value as ReadResourceResult;
  }
  const items = Array.isArray(value) && value.every(isContentsPart) ? value : [value];
  return { contents: items.map((item) => toContents(uri, item, mimeType)) };
}

function isContentsPart(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    value instanceof Image ||
    value instanceof Audio
  );
}

function toContents(
  uri: string,
  value: unknown,
  mimeType: string | undefined,
): ReadResourceResult['contents'][number] {
  if (typeof value === 'string') return { uri, mimeType: mimeType ?? 'text/plain', text: value };
  if (value instanceof Image || value instanceof Audio)
    return { uri, mimeType: mimeType ?? value.mimeType, blob: value.data };
  if (value instanceof Uint8Array || value instanceof ArrayBuffer)
    return { uri, mimeType: mimeType ?? 'application/octet-stream', blob: toBase64(value) };
  return {
    uri,
    mimeType: mimeType ?? 'application/json',
    text: JSON.stringify(value, jsonReplacer, 2) ?? 'null',
  };
}

/** The `authenticate` hook for bearer tokens: 401 without a valid one, 403 without the scopes. */
function bearerAuth(auth: AuthSettings): NonNullable<StreamableHTTPHandlerOptions['authenticate']> {
  const challenge = (extra: string): string => {
    const params: string[] = [];
    if (auth.resourceMetadataUrl) params.push(`resource_metadata="${auth.resourceMetadataUrl}"`);
    params.push(extra);
    return `Bearer ${params.join(', ')}`;
  };
  const refuse = (status: number, code: string, description: string) =>
    new Response(
      JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: description } }),
      {
        status,
        headers: {
          'Content-Type': 'application/json',
          'WWW-Authenticate': challenge(`error="${code}", error_description="${description}"`),
        },
      },
    );
  return async (request) => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match)
      return refuse(
        401,
        'invalid_request',
        'Missing bearer token: send Authorization: Bearer <token>.',
      );
    const info = await auth.verifyToken(match[1] as string);
    if (!info) return refuse(401, 'invalid_token', 'The bearer token is invalid or expired.');
    const missing = (auth.requiredScopes ?? []).filter((s) => !info.scopes.includes(s));
    if (missing.length > 0)
      return refuse(
        403,
        'insufficient_scope',
        `The token lacks the scope(s): ${missing.join(' ')}.`,
      );
    return info;
  };
}
