/**
 * The Context a FastMCP handler receives: logs, progress, reading this server's resources,
 * elicitation with a typed answer, sampling, and who is asking. It works the same in both
 * protocol eras: in 2026-07-28 a question to the client becomes a multi round-trip, and the
 * handler simply runs again with the answer (ask first, act after the asks).
 */
import type { AuthInfo, RequestInfo } from '@mcpkit/jsonrpc';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  Implementation,
  ListRootsResult,
  LoggingLevel,
  ReadResourceResult,
  SamplingMessage,
} from '@mcpkit/protocol';
import { ErrorCode, McpError, SdkError } from '@mcpkit/protocol';
import type { InputOptions, ServerContext, ServerSession } from '@mcpkit/server';
import {
  type CompiledSchema,
  compileJsonSchema,
  compileObjectSchema,
  type Infer,
  isSchemaShape,
  isStandardSchema,
  type JsonSchemaObject,
  type SchemaInput,
} from './schema';

/** The answer to an elicitation: accepted with typed content, declined, or cancelled. */
export type ElicitationResult<T> =
  | { action: 'accept'; content: T }
  | { action: 'decline'; content?: undefined }
  | { action: 'cancel'; content?: undefined };

/** Options of {@link Context.sample}. */
export interface SampleOptions
  extends Partial<Omit<CreateMessageRequestParams, 'messages' | 'maxTokens'>> {
  /** Most tokens the model may produce. Default 1000. */
  maxTokens?: number;
}

/** What the context needs of the FastMCP instance that built it. */
export interface ContextHost {
  readResource(uri: string, context: Context<unknown>): Promise<ReadResourceResult>;
}

/**
 * The context of one request, as FastMCP handlers see it.
 * @example
 * mcp.tool('long_task', { input: { files: z.array(z.string()) } }, async ({ files }, ctx) => {
 *   for (const [i, file] of files.entries()) {
 *     await ctx.info(`Processing ${file}`);
 *     await ctx.reportProgress(i, files.length);
 *   }
 *   return 'Processing complete';
 * });
 */
export class Context<L = unknown> {
  /** @internal */
  constructor(
    /** The low-level request context: every detail, for what this class does not cover. */
    readonly request: ServerContext<L>,
    private readonly host: ContextHost,
  ) {}

  /** The JSON-RPC id of the request. */
  get requestId() {
    return this.request.requestId;
  }
  /** Aborts when the client cancels, disconnects, or the server shuts down. */
  get signal(): AbortSignal {
    return this.request.signal;
  }
  /** The client's self-description (name, version), when it sent one. */
  get clientInfo(): Implementation | undefined {
    return this.request.clientInfo;
  }
  /** What the client declared it supports. */
  get clientCapabilities(): ClientCapabilities {
    return this.request.clientCapabilities;
  }
  /** The connection the request arrived on (server-initiated messages go through it). */
  get session(): ServerSession<L> {
    return this.request.session;
  }
  /** The transport's session id (stateful Streamable HTTP), if any. */
  get sessionId(): string | undefined {
    return this.request.sessionId;
  }
  /** The value the lifespan yielded at start-up. */
  get lifespan(): L {
    return this.request.lifespan;
  }
  /** The authenticated caller, when the server checks tokens. */
  get authInfo(): AuthInfo | undefined {
    return this.request.authInfo;
  }
  /** The HTTP request (headers, URL) when the request came over HTTP. */
  get requestInfo(): RequestInfo | undefined {
    return this.request.requestInfo;
  }
  /** The revision the request speaks, and its era. */
  get protocolVersion(): string {
    return this.request.protocolVersion;
  }
  get era(): 'stateful' | 'stateless' {
    return this.request.era;
  }

  /** Sends a log message to the client (if its level lets it through). Never rejects. */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    return this.request.log(level, data, logger);
  }
  debug(message: string, logger?: string): Promise<void> {
    return this.log('debug', message, logger);
  }
  info(message: string, logger?: string): Promise<void> {
    return this.log('info', message, logger);
  }
  notice(message: string, logger?: string): Promise<void> {
    return this.log('notice', message, logger);
  }
  warning(message: string, logger?: string): Promise<void> {
    return this.log('warning', message, logger);
  }
  error(message: string, logger?: string): Promise<void> {
    return this.log('error', message, logger);
  }

  /** Reports progress, if the client asked for it (a progress token). Never rejects. */
  reportProgress(progress: number, total?: number, message?: string): Promise<void> {
    return this.request.reportProgress(progress, total, message);
  }

  /**
   * Reads one of this server's own resources (static or from a template), as a client would.
   * @returns the resource's contents (one entry per part, usually one)
   */
  async readResource(uri: string): Promise<ReadResourceResult['contents']> {
    return (await this.host.readResource(uri, this as Context<unknown>)).contents;
  }

  /**
   * Asks the user for input through the client, with a form described by `schema`: a shape of
   * primitive fields, an object schema (zod, valibot, …), or a plain JSON Schema object (for forms
   * a schema library cannot spell, such as titled enums). The accepted content is validated, and
   * typed from the schema (a plain JSON Schema gives a record).
   * @example
   * const answer = await ctx.elicit('Book a table?', { date: z.string(), guests: z.number() });
   * if (answer.action === 'accept') book(answer.content.date, answer.content.guests);
   */
  elicit<const S extends SchemaInput>(
    message: string,
    schema: S,
    options?: InputOptions,
  ): Promise<ElicitationResult<Infer<S>>>;
  elicit(
    message: string,
    schema: JsonSchemaObject & { readonly type: 'object' },
    options?: InputOptions,
  ): Promise<ElicitationResult<Record<string, unknown>>>;
  async elicit(
    message: string,
    schema: SchemaInput | JsonSchemaObject,
    options?: InputOptions,
  ): Promise<ElicitationResult<unknown>> {
    const compiled = elicitationSchema(schema);
    const result = await this.request.elicit(
      {
        message,
        requestedSchema: compiled.jsonSchema as never,
      },
      options,
    );
    if (result.action !== 'accept') return { action: result.action };
    const parsed = await compiled.parse(result.content ?? {});
    if (!parsed.ok) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `The client's answer to "${message}" does not match the requested schema: ${parsed.message}`,
      );
    }
    return { action: 'accept', content: parsed.value };
  }

  /**
   * Asks the client's model for a completion. Pass a prompt, or the messages of a conversation.
   * @example
   * const reply = await ctx.sample('Write a haiku about MCP', { maxTokens: 100 });
   * const [first] = Array.isArray(reply.content) ? reply.content : [reply.content];
   * if (first?.type === 'text') return first.text;
   */
  sample(
    prompt: string | SamplingMessage[],
    options: SampleOptions = {},
    inputOptions?: InputOptions,
  ): Promise<CreateMessageResult> {
    const messages: SamplingMessage[] =
      typeof prompt === 'string'
        ? [{ role: 'user', content: { type: 'text', text: prompt } }]
        : prompt;
    return this.request.createMessage(
      { ...options, messages, maxTokens: options.maxTokens ?? 1000 } as CreateMessageRequestParams,
      inputOptions,
    );
  }

  /** Asks the client for its roots (the directories or URIs it lets the server see). */
  listRoots(options?: InputOptions): Promise<ListRootsResult> {
    return this.request.listRoots(options);
  }

  /**
   * Ends the SSE stream this answer travels on, so the client reconnects and gets the answer
   * from the event store (Streamable HTTP with an `eventStore`): frees a long-held connection
   * during slow work. A no-op on other transports.
   */
  closeStream(): void {
    this.request.closeStream();
  }
}

const elicitationSchemas = new WeakMap<object, CompiledSchema>();

/** Compiles (once per schema object) and checks the flat shape elicitation allows. */
function elicitationSchema(schema: SchemaInput | JsonSchemaObject): CompiledSchema {
  let compiled = elicitationSchemas.get(schema);
  if (compiled) return compiled;
  const what = 'the elicitation schema';
  compiled =
    isStandardSchema(schema) || isSchemaShape(schema) || !('type' in schema)
      ? compileObjectSchema(schema as SchemaInput, what)
      : compileJsonSchema(schema as JsonSchemaObject, what);
  const properties = (compiled.jsonSchema.properties ?? {}) as Record<string, { type?: unknown }>;
  for (const [name, property] of Object.entries(properties)) {
    const type = property.type;
    const enumLike = 'enum' in property || 'oneOf' in property || 'anyOf' in property;
    if (
      !enumLike &&
      type !== 'string' &&
      type !== 'number' &&
      type !== 'integer' &&
      type !== 'boolean' &&
      !(type === 'array' && 'items' in property)
    ) {
      throw new SdkError(
        'INVALID_ARGUMENT',
        `Elicitation forms are flat: property "${name}" must be a string, number, integer, boolean or enum (got ${JSON.stringify(type)}).`,
      );
    }
  }
  elicitationSchemas.set(schema, compiled);
  return compiled;
}
