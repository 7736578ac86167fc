/**
 * The one definition of every MCP message shape. `buildSchemas(traits)` builds the schemas of one
 * revision (or of the neutral superset); every difference between revisions is a branch on a
 * named trait from `traits.ts`. Objects stay open, as the spec leaves them: unknown fields survive
 * a parse.
 */
import { z } from 'zod';
import { MetaKey } from '../constants';
import type { RevisionTraits } from './traits';

/**
 * An open object: unknown keys survive a parse. Typed as a plain object so inferred types read
 * like the spec's interfaces (no index signature that would hide misspelled field names).
 */
function open<S extends z.core.$ZodLooseShape>(shape: S): z.ZodObject<S> {
  return z.looseObject(shape) as unknown as z.ZodObject<S>;
}

/** A field required only where `required` holds; typed as optional, the neutral superset's view. */
function requiredIf<T extends z.ZodType>(required: boolean, schema: T): z.ZodOptional<T> {
  return (required ? schema : schema.optional()) as z.ZodOptional<T>;
}

/** An open `Record<string, unknown>`: `_meta` bags, capability settings, free-form objects. */
const AnyObject = z.record(z.string(), z.unknown());

export function buildSchemas(t: RevisionTraits) {
  const strictStateless = t.strict && t.stateless;
  const strictEnvelope = t.strict && t.envelopeInTypes;

  // ---------------------------------------------------------------------------------------------
  // Primitives and JSON
  const RequestId = z.union([z.string(), z.number().int()]);
  const ProgressToken = z.union([z.string(), z.number().int()]);
  const Cursor = z.string();
  const Role = z.enum(['assistant', 'user']);
  const LoggingLevel = z.enum([
    'alert',
    'critical',
    'debug',
    'emergency',
    'error',
    'info',
    'notice',
    'warning',
  ]);
  const ResultType = z.string();

  type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
  const JSONValue: z.ZodType<JsonValue> = z.lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), JSONArray, JSONObject]),
  );
  const JSONArray: z.ZodType<JsonValue[]> = z.lazy(() => z.array(JSONValue));
  const JSONObject: z.ZodType<{ [key: string]: JsonValue }> = z.lazy(() =>
    z.record(z.string(), JSONValue),
  );

  // ---------------------------------------------------------------------------------------------
  // Metadata objects
  const MetaObject = AnyObject;
  const Icon = open({
    src: z.string(),
    mimeType: z.string().optional(),
    sizes: z.array(z.string()).optional(),
    theme: z.enum(['dark', 'light']).optional(),
  });
  const Icons = open({ icons: z.array(Icon).optional() });
  const BaseMetadata = open({ name: z.string(), title: z.string().optional() });
  const Implementation = open({
    name: z.string(),
    title: z.string().optional(),
    version: z.string(),
    description: z.string().optional(),
    icons: z.array(Icon).optional(),
    websiteUrl: z.string().optional(),
  });

  const ClientCapabilities = open({
    experimental: z.record(z.string(), AnyObject).optional(),
    extensions: z.record(z.string(), AnyObject).optional(),
    roots: open({ listChanged: z.boolean().optional() }).optional(),
    sampling: open({ context: AnyObject.optional(), tools: AnyObject.optional() }).optional(),
    elicitation: open({ form: AnyObject.optional(), url: AnyObject.optional() }).optional(),
    tasks: open({
      list: AnyObject.optional(),
      cancel: AnyObject.optional(),
      requests: open({
        sampling: open({ createMessage: AnyObject.optional() }).optional(),
        elicitation: open({ create: AnyObject.optional() }).optional(),
      }).optional(),
    }).optional(),
  });
  const ServerCapabilities = open({
    experimental: z.record(z.string(), AnyObject).optional(),
    extensions: z.record(z.string(), AnyObject).optional(),
    logging: AnyObject.optional(),
    completions: AnyObject.optional(),
    prompts: open({ listChanged: z.boolean().optional() }).optional(),
    resources: open({
      subscribe: z.boolean().optional(),
      listChanged: z.boolean().optional(),
    }).optional(),
    tools: open({ listChanged: z.boolean().optional() }).optional(),
    tasks: open({
      list: AnyObject.optional(),
      cancel: AnyObject.optional(),
      requests: open({ tools: open({ call: AnyObject.optional() }).optional() }).optional(),
    }).optional(),
  });

  /** `_meta` of a request: the progress token, and in the stateless era the request's own envelope. */
  const RequestMetaObject = z.looseObject({
    progressToken: ProgressToken.optional(),
    [MetaKey.ProtocolVersion]: requiredIf(strictStateless, z.string()),
    [MetaKey.ClientCapabilities]: requiredIf(strictStateless, ClientCapabilities),
    [MetaKey.ClientInfo]: Implementation.optional(),
    [MetaKey.LogLevel]: LoggingLevel.optional(),
  });
  const ResultMetaObject = z.looseObject({ [MetaKey.ServerInfo]: Implementation.optional() });
  const NotificationMetaObject = z.looseObject({ [MetaKey.SubscriptionId]: RequestId.optional() });
  const RelatedTaskMetadata = open({ taskId: z.string() });
  const TaskMetadata = open({ ttl: z.number().int().optional() });

  // ---------------------------------------------------------------------------------------------
  // Base request / notification / result shapes
  const RequestParams = open({ _meta: requiredIf(strictStateless, RequestMetaObject) });
  const NotificationParams = open({ _meta: NotificationMetaObject.optional() });
  const PaginatedRequestParams = RequestParams.extend({ cursor: Cursor.optional() });
  /** Params of the three methods that may answer with an input-required result (2026-07-28). */
  const InputResponseFields = {
    inputResponses: z.lazy(() => InputResponses).optional(),
    requestState: z.string().optional(),
  };
  const TaskAugmentedRequestParams = RequestParams.extend({ task: TaskMetadata.optional() });
  const taskField = { task: TaskMetadata.optional() };

  /** Params of a request or notification whose method is not known: open, with the usual `_meta`. */
  const AnyRequestParams = z.looseObject({ _meta: RequestMetaObject.optional() });
  const AnyNotificationParams = z.looseObject({ _meta: NotificationMetaObject.optional() });
  const Request = open({ method: z.string(), params: AnyRequestParams.optional() });
  const Notification = open({ method: z.string(), params: AnyNotificationParams.optional() });
  // The spec gives Result an index signature, so its type keeps one too.
  const Result = z.looseObject({
    _meta: ResultMetaObject.optional(),
    resultType: requiredIf(strictStateless, ResultType),
  });
  const resultFields = {
    _meta: ResultMetaObject.optional(),
    resultType: requiredIf(strictStateless, ResultType),
  };
  /**
   * Results the client sends (sampling, elicitation, roots). They never carry `resultType`: in
   * 2026-07-28 they travel as input responses inside the retried request.
   */
  const clientResultFields = { _meta: MetaObject.optional() };
  const cacheFields = {
    ttlMs: requiredIf(strictStateless, z.number().int().min(0)),
    cacheScope: requiredIf(strictStateless, z.enum(['private', 'public'])),
  };
  const CacheableResult = open({ ...resultFields, ...cacheFields });
  const EmptyResult = Result;
  const PaginatedResult = open({ ...resultFields, nextCursor: Cursor.optional() });

  /** Envelope fields of a request type: part of the type from 2025-11-25 on. */
  const requestEnvelope = {
    jsonrpc: requiredIf(strictEnvelope, z.literal('2.0')),
    id: requiredIf(strictEnvelope, RequestId),
  };
  const notificationEnvelope = { jsonrpc: requiredIf(strictEnvelope, z.literal('2.0')) };
  /**
   * Server-to-client request types. In 2026-07-28 they are input requests carried inside a result,
   * so they have no envelope at all.
   */
  const serverRequestEnvelope = t.stateless
    ? { jsonrpc: z.literal('2.0').optional(), id: RequestId.optional() }
    : requestEnvelope;

  /** A request type: `{method, params}` (+ envelope), params required or optional per revision. */
  function request<M extends string, P extends z.ZodType>(
    method: M,
    params: P,
    paramsRequired: boolean,
  ) {
    return open({
      ...requestEnvelope,
      method: z.literal(method),
      params: requiredIf(paramsRequired, params),
    });
  }
  function notification<M extends string, P extends z.ZodType>(
    method: M,
    params: P,
    paramsRequired: boolean,
  ) {
    return open({
      ...notificationEnvelope,
      method: z.literal(method),
      params: requiredIf(paramsRequired, params),
    });
  }

  // ---------------------------------------------------------------------------------------------
  // JSON-RPC messages
  const ErrorObject = open({
    code: z.number().int(),
    message: z.string(),
    data: z.unknown().optional(),
  });
  const JSONRPCRequest = open({
    jsonrpc: z.literal('2.0'),
    id: RequestId,
    method: z.string(),
    params: AnyRequestParams.optional(),
  });
  const JSONRPCNotification = open({
    jsonrpc: z.literal('2.0'),
    method: z.string(),
    params: AnyNotificationParams.optional(),
  });
  const JSONRPCResultResponse = open({ jsonrpc: z.literal('2.0'), id: RequestId, result: Result });
  // Up to 2025-06-18 an error response always carried an id; 2025-11-25 made it optional, for
  // errors about a request whose id could not be read.
  const JSONRPCErrorResponse = open({
    jsonrpc: z.literal('2.0'),
    id: requiredIf(t.strict && !t.envelopeInTypes, RequestId),
    error: ErrorObject,
  });
  const JSONRPCResponse = t.envelopeInTypes
    ? z.union([JSONRPCResultResponse, JSONRPCErrorResponse])
    : JSONRPCResultResponse;
  const JSONRPCBatchRequest = z.array(z.union([JSONRPCRequest, JSONRPCNotification]));
  const JSONRPCBatchResponse = z.array(z.union([JSONRPCResultResponse, JSONRPCErrorResponse]));
  const JSONRPCMessage = z.union([
    JSONRPCRequest,
    JSONRPCNotification,
    ...(t.batches ? [JSONRPCBatchRequest] : []),
    JSONRPCResultResponse,
    JSONRPCErrorResponse,
    ...(t.batches ? [JSONRPCBatchResponse] : []),
  ]);

  /** A typed error object (2026-07-28 names one per standard code). */
  function errorWithCode<C extends number>(code: C) {
    return open({ code: z.literal(code), message: z.string(), data: z.unknown().optional() });
  }
  const ParseError = errorWithCode(-32700);
  const InvalidRequestError = errorWithCode(-32600);
  const MethodNotFoundError = errorWithCode(-32601);
  const InvalidParamsError = errorWithCode(-32602);
  const InternalError = errorWithCode(-32603);
  /** An error response whose error has a fixed code and typed data. */
  function errorResponse<C extends number, D extends z.ZodType>(code: C, data: D) {
    return open({
      jsonrpc: z.literal('2.0'),
      id: RequestId.optional(),
      error: open({ code: z.literal(code), message: z.string(), data }),
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Content
  const Annotations = open({
    audience: z.array(Role).optional(),
    priority: z.number().min(0).max(1).optional(),
    lastModified: z.string().optional(),
  });
  /** 2024-11-05 name of the annotations mixin. */
  const Annotated = open({ annotations: Annotations.optional() });
  const contentBase = { annotations: Annotations.optional(), _meta: MetaObject.optional() };

  const TextContent = open({ type: z.literal('text'), text: z.string(), ...contentBase });
  const ImageContent = open({
    type: z.literal('image'),
    data: z.string(),
    mimeType: z.string(),
    ...contentBase,
  });
  const AudioContent = open({
    type: z.literal('audio'),
    data: z.string(),
    mimeType: z.string(),
    ...contentBase,
  });
  const ResourceContents = open({
    uri: z.string(),
    mimeType: z.string().optional(),
    _meta: MetaObject.optional(),
  });
  const TextResourceContents = ResourceContents.extend({ text: z.string() });
  const BlobResourceContents = ResourceContents.extend({ blob: z.string() });
  const EmbeddedResource = open({
    type: z.literal('resource'),
    resource: z.union([TextResourceContents, BlobResourceContents]),
    ...contentBase,
  });
  const resourceFields = {
    uri: z.string(),
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    mimeType: z.string().optional(),
    size: z.number().int().optional(),
    annotations: Annotations.optional(),
    icons: z.array(Icon).optional(),
    _meta: MetaObject.optional(),
  };
  const Resource = open(resourceFields);
  const ResourceLink = open({ type: z.literal('resource_link'), ...resourceFields });
  const ContentBlock = z.discriminatedUnion('type', [
    TextContent,
    ImageContent,
    ...(t.audio ? [AudioContent] : []),
    ...(t.resourceLinks ? [ResourceLink] : []),
    EmbeddedResource,
  ]);

  // ---------------------------------------------------------------------------------------------
  // Tools
  const ToolAnnotations = open({
    title: z.string().optional(),
    readOnlyHint: z.boolean().optional(),
    destructiveHint: z.boolean().optional(),
    idempotentHint: z.boolean().optional(),
    openWorldHint: z.boolean().optional(),
  });
  const ToolExecution = open({
    taskSupport: z.enum(['forbidden', 'optional', 'required']).optional(),
  });
  // Up to 2025-11-25 the spec pins `properties` to a map of object schemas; 2026-07-28 allows any
  // JSON Schema 2020-12 keyword beside `type: "object"`.
  const legacySchemaShape = {
    properties: z.record(z.string(), AnyObject).optional(),
    required: z.array(z.string()).optional(),
  };
  // Typed as the older shape in every build, so the neutral type offers `properties`/`required`.
  const schemaProperties = (t.stateless ? {} : legacySchemaShape) as typeof legacySchemaShape;
  const ToolInputSchema = open({
    $schema: z.string().optional(),
    type: z.literal('object'),
    ...schemaProperties,
  });
  const legacyOutputSchema = open({
    $schema: z.string().optional(),
    type: z.literal('object'),
    ...schemaProperties,
  });
  const ToolOutputSchema = (
    t.stateless ? open({ $schema: z.string().optional() }) : legacyOutputSchema
  ) as typeof legacyOutputSchema;
  const Tool = open({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: ToolInputSchema,
    outputSchema: ToolOutputSchema.optional(),
    annotations: ToolAnnotations.optional(),
    execution: ToolExecution.optional(),
    icons: z.array(Icon).optional(),
    _meta: MetaObject.optional(),
  });
  const ListToolsResult = open({
    ...resultFields,
    ...cacheFields,
    nextCursor: Cursor.optional(),
    tools: z.array(Tool),
  });
  const CallToolRequestParams = RequestParams.extend({
    name: z.string(),
    arguments: AnyObject.optional(),
    ...taskField,
    ...InputResponseFields,
  });
  // 2026-07-28 widened structuredContent from an object to any JSON value.
  const structuredContent = t.stateless ? z.unknown() : AnyObject;
  const CallToolResult = open({
    ...resultFields,
    content: z.array(ContentBlock),
    structuredContent: structuredContent.optional(),
    isError: z.boolean().optional(),
  });

  // ---------------------------------------------------------------------------------------------
  // Resources
  const ResourceTemplate = open({
    uriTemplate: z.string(),
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    mimeType: z.string().optional(),
    annotations: Annotations.optional(),
    icons: z.array(Icon).optional(),
    _meta: MetaObject.optional(),
  });
  const ListResourcesResult = open({
    ...resultFields,
    ...cacheFields,
    nextCursor: Cursor.optional(),
    resources: z.array(Resource),
  });
  const ListResourceTemplatesResult = open({
    ...resultFields,
    ...cacheFields,
    nextCursor: Cursor.optional(),
    resourceTemplates: z.array(ResourceTemplate),
  });
  const ResourceRequestParams = RequestParams.extend({ uri: z.string() });
  const ReadResourceRequestParams = ResourceRequestParams.extend(InputResponseFields);
  const ReadResourceResult = open({
    ...resultFields,
    ...cacheFields,
    contents: z.array(z.union([TextResourceContents, BlobResourceContents])),
  });
  const SubscribeRequestParams = ResourceRequestParams;
  const UnsubscribeRequestParams = ResourceRequestParams;
  const ResourceUpdatedNotificationParams = NotificationParams.extend({ uri: z.string() });

  // ---------------------------------------------------------------------------------------------
  // Prompts
  const PromptArgument = open({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    required: z.boolean().optional(),
  });
  const Prompt = open({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    arguments: z.array(PromptArgument).optional(),
    icons: z.array(Icon).optional(),
    _meta: MetaObject.optional(),
  });
  const PromptMessage = open({ role: Role, content: ContentBlock });
  const ListPromptsResult = open({
    ...resultFields,
    ...cacheFields,
    nextCursor: Cursor.optional(),
    prompts: z.array(Prompt),
  });
  const GetPromptRequestParams = RequestParams.extend({
    name: z.string(),
    arguments: z.record(z.string(), z.string()).optional(),
    ...InputResponseFields,
  });
  const GetPromptResult = open({
    ...resultFields,
    description: z.string().optional(),
    messages: z.array(PromptMessage),
  });

  // ---------------------------------------------------------------------------------------------
  // Completion
  const PromptReference = open({
    type: z.literal('ref/prompt'),
    name: z.string(),
    title: z.string().optional(),
  });
  const ResourceTemplateReference = open({ type: z.literal('ref/resource'), uri: z.string() });
  const CompleteRequestParams = RequestParams.extend({
    ref: z.union([PromptReference, ResourceTemplateReference]),
    argument: open({ name: z.string(), value: z.string() }),
    context: open({ arguments: z.record(z.string(), z.string()).optional() }).optional(),
  });
  const CompleteResult = open({
    ...resultFields,
    completion: open({
      values: z.array(z.string()),
      total: z.number().int().optional(),
      hasMore: z.boolean().optional(),
    }),
  });

  // ---------------------------------------------------------------------------------------------
  // Logging and progress
  const SetLevelRequestParams = RequestParams.extend({ level: LoggingLevel });
  const LoggingMessageNotificationParams = NotificationParams.extend({
    level: LoggingLevel,
    logger: z.string().optional(),
    data: z.unknown(),
  });
  const ProgressNotificationParams = NotificationParams.extend({
    progressToken: ProgressToken,
    progress: z.number(),
    total: z.number().optional(),
    message: z.string().optional(),
  });
  // 2025-11-25 made requestId optional (a task is cancelled by taskId instead).
  const CancelledNotificationParams = NotificationParams.extend({
    requestId: requiredIf(t.strict && !t.tasks, RequestId),
    reason: z.string().optional(),
  });

  // ---------------------------------------------------------------------------------------------
  // Sampling
  const ModelHint = open({ name: z.string().optional() });
  const ModelPreferences = open({
    hints: z.array(ModelHint).optional(),
    costPriority: z.number().min(0).max(1).optional(),
    speedPriority: z.number().min(0).max(1).optional(),
    intelligencePriority: z.number().min(0).max(1).optional(),
  });
  const ToolChoice = open({ mode: z.enum(['auto', 'none', 'required']).optional() });
  const ToolUseContent = open({
    type: z.literal('tool_use'),
    id: z.string(),
    name: z.string(),
    input: AnyObject,
    _meta: MetaObject.optional(),
  });
  const ToolResultContent = open({
    type: z.literal('tool_result'),
    toolUseId: z.string(),
    content: z.array(ContentBlock),
    structuredContent: structuredContent.optional(),
    isError: z.boolean().optional(),
    _meta: MetaObject.optional(),
  });
  const SamplingMessageContentBlock = z.discriminatedUnion('type', [
    TextContent,
    ImageContent,
    AudioContent,
    ToolUseContent,
    ToolResultContent,
  ]);
  const samplingContent = t.samplingTools
    ? z.union([
        TextContent,
        ImageContent,
        AudioContent,
        ToolUseContent,
        ToolResultContent,
        z.array(SamplingMessageContentBlock),
      ])
    : z.discriminatedUnion('type', [TextContent, ImageContent, ...(t.audio ? [AudioContent] : [])]);
  const SamplingMessage = open({
    role: Role,
    content: samplingContent,
    _meta: MetaObject.optional(),
  });
  // In 2026-07-28 these params travel inside an input request, which has no `_meta` of its own.
  const serverRequestParamsBase = (t.stateless ? open({}) : RequestParams) as typeof RequestParams;
  const CreateMessageRequestParams = serverRequestParamsBase.extend({
    messages: z.array(SamplingMessage),
    modelPreferences: ModelPreferences.optional(),
    systemPrompt: z.string().optional(),
    includeContext: z.enum(['allServers', 'none', 'thisServer']).optional(),
    temperature: z.number().optional(),
    maxTokens: z.number().int(),
    stopSequences: z.array(z.string()).optional(),
    metadata: AnyObject.optional(),
    tools: z.array(Tool).optional(),
    toolChoice: ToolChoice.optional(),
    ...taskField,
  });
  const CreateMessageResult = open({
    ...clientResultFields,
    role: Role,
    content: samplingContent,
    model: z.string(),
    stopReason: z.string().optional(),
  });

  // ---------------------------------------------------------------------------------------------
  // Elicitation
  const StringSchema = open({
    type: z.literal('string'),
    title: z.string().optional(),
    description: z.string().optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    format: z.enum(['date', 'date-time', 'email', 'uri']).optional(),
    default: z.string().optional(),
  });
  const NumberSchema = open({
    type: z.enum(['integer', 'number']),
    title: z.string().optional(),
    description: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    default: z.number().optional(),
  });
  const BooleanSchema = open({
    type: z.literal('boolean'),
    title: z.string().optional(),
    description: z.string().optional(),
    default: z.boolean().optional(),
  });
  const enumBase = {
    title: z.string().optional(),
    description: z.string().optional(),
  };
  const titledOption = open({ const: z.string(), title: z.string() });
  const UntitledSingleSelectEnumSchema = open({
    type: z.literal('string'),
    ...enumBase,
    enum: z.array(z.string()),
    default: z.string().optional(),
  });
  const TitledSingleSelectEnumSchema = open({
    type: z.literal('string'),
    ...enumBase,
    oneOf: z.array(titledOption),
    default: z.string().optional(),
  });
  const multiSelectBase = {
    type: z.literal('array'),
    ...enumBase,
    minItems: z.number().int().optional(),
    maxItems: z.number().int().optional(),
    default: z.array(z.string()).optional(),
  };
  const UntitledMultiSelectEnumSchema = open({
    ...multiSelectBase,
    items: open({ type: z.literal('string'), enum: z.array(z.string()) }),
  });
  const TitledMultiSelectEnumSchema = open({
    ...multiSelectBase,
    items: open({ anyOf: z.array(titledOption) }),
  });
  const LegacyTitledEnumSchema = open({
    type: z.literal('string'),
    ...enumBase,
    enum: z.array(z.string()),
    enumNames: z.array(z.string()).optional(),
    default: z.string().optional(),
  });
  const SingleSelectEnumSchema = z.union([
    UntitledSingleSelectEnumSchema,
    TitledSingleSelectEnumSchema,
  ]);
  const MultiSelectEnumSchema = z.union([
    UntitledMultiSelectEnumSchema,
    TitledMultiSelectEnumSchema,
  ]);
  // 2025-06-18 had one enum shape (enum + optional enumNames); SEP-1330 (2025-11-25) split it.
  const EnumSchema = t.elicitationV2
    ? z.union([
        UntitledSingleSelectEnumSchema,
        TitledSingleSelectEnumSchema,
        UntitledMultiSelectEnumSchema,
        TitledMultiSelectEnumSchema,
        LegacyTitledEnumSchema,
      ])
    : LegacyTitledEnumSchema;
  const PrimitiveSchemaDefinition = t.elicitationV2
    ? z.union([
        StringSchema,
        NumberSchema,
        BooleanSchema,
        UntitledSingleSelectEnumSchema,
        TitledSingleSelectEnumSchema,
        UntitledMultiSelectEnumSchema,
        TitledMultiSelectEnumSchema,
        LegacyTitledEnumSchema,
      ])
    : z.union([StringSchema, NumberSchema, BooleanSchema, LegacyTitledEnumSchema]);
  const requestedSchema = open({
    $schema: z.string().optional(),
    type: z.literal('object'),
    properties: z.record(z.string(), PrimitiveSchemaDefinition),
    required: z.array(z.string()).optional(),
  });
  const ElicitRequestFormParams = serverRequestParamsBase.extend({
    mode: z.literal('form').optional(),
    message: z.string(),
    requestedSchema,
    ...taskField,
  });
  const ElicitRequestURLParams = serverRequestParamsBase.extend({
    mode: z.literal('url'),
    message: z.string(),
    // 2026-07-28 dropped elicitationId: URL elicitations complete through the retried request.
    elicitationId: requiredIf(t.strict && !t.stateless, z.string()),
    url: z.string(),
    ...taskField,
  });
  const ElicitRequestParams = t.elicitationV2
    ? z.union([ElicitRequestFormParams, ElicitRequestURLParams])
    : ElicitRequestFormParams;
  // SEP-1330 (2025-11-25) allows string arrays as answers to multi-select fields.
  const elicitValue = t.elicitationV2
    ? z.union([z.array(z.string()), z.string(), z.number(), z.boolean()])
    : z.union([z.string(), z.number(), z.boolean()]);
  const ElicitResult = open({
    ...clientResultFields,
    action: z.enum(['accept', 'cancel', 'decline']),
    content: z.record(z.string(), elicitValue).optional(),
  });

  // ---------------------------------------------------------------------------------------------
  // Roots
  const Root = open({ uri: z.string(), name: z.string().optional(), _meta: MetaObject.optional() });
  const ListRootsResult = open({ ...clientResultFields, roots: z.array(Root) });
  const listRootsParams = (
    t.stateless ? open({ _meta: MetaObject.optional() }) : RequestParams
  ) as typeof RequestParams;

  // ---------------------------------------------------------------------------------------------
  // Lifecycle (stateful era) and discovery (stateless era)
  const InitializeRequestParams = RequestParams.extend({
    protocolVersion: z.string(),
    capabilities: ClientCapabilities,
    clientInfo: Implementation,
  });
  const InitializeResult = open({
    ...resultFields,
    protocolVersion: z.string(),
    capabilities: ServerCapabilities,
    serverInfo: Implementation,
    instructions: z.string().optional(),
  });
  const DiscoverResult = open({
    ...resultFields,
    ...cacheFields,
    supportedVersions: z.array(z.string()),
    capabilities: ServerCapabilities,
    instructions: z.string().optional(),
  });

  // ---------------------------------------------------------------------------------------------
  // Subscriptions (stateless era)
  const SubscriptionFilter = open({
    toolsListChanged: z.boolean().optional(),
    promptsListChanged: z.boolean().optional(),
    resourcesListChanged: z.boolean().optional(),
    resourceSubscriptions: z.array(z.string()).optional(),
  });
  const SubscriptionsListenRequestParams = RequestParams.extend({
    notifications: SubscriptionFilter,
  });
  const SubscriptionsAcknowledgedNotificationParams = NotificationParams.extend({
    notifications: SubscriptionFilter,
  });
  const SubscriptionsListenResultMetaObject = ResultMetaObject.extend({
    [MetaKey.SubscriptionId]: RequestId,
  });
  const SubscriptionsListenResult = open({
    _meta: requiredIf(t.strict, SubscriptionsListenResultMetaObject),
    resultType: requiredIf(strictStateless, ResultType),
  });

  // ---------------------------------------------------------------------------------------------
  // Tasks (2025-11-25)
  const TaskStatus = z.enum(['cancelled', 'completed', 'failed', 'input_required', 'working']);
  const Task = open({
    taskId: z.string(),
    status: TaskStatus,
    statusMessage: z.string().optional(),
    createdAt: z.string(),
    lastUpdatedAt: z.string(),
    ttl: z.number().int().nullable(),
    pollInterval: z.number().int().optional(),
  });
  const taskIdParams = open({ taskId: z.string() });
  const CreateTaskResult = open({ ...resultFields, task: Task });
  const GetTaskResult = Result.extend(Task.shape);
  const CancelTaskResult = GetTaskResult;
  const GetTaskPayloadResult = Result;
  const ListTasksResult = open({
    ...resultFields,
    nextCursor: Cursor.optional(),
    tasks: z.array(Task),
  });
  const TaskStatusNotificationParams = NotificationParams.extend(Task.shape);

  // ---------------------------------------------------------------------------------------------
  // Request and notification types
  const InitializeRequest = request('initialize', InitializeRequestParams, true);
  const PingRequest = request('ping', RequestParams, false);
  const DiscoverRequest = request('server/discover', RequestParams, true);
  const SubscriptionsListenRequest = request(
    'subscriptions/listen',
    SubscriptionsListenRequestParams,
    true,
  );
  // List requests: params optional until 2026-07-28 made `_meta` (and so params) mandatory.
  const ListToolsRequest = request('tools/list', PaginatedRequestParams, strictStateless);
  const CallToolRequest = request('tools/call', CallToolRequestParams, true);
  const ListResourcesRequest = request('resources/list', PaginatedRequestParams, strictStateless);
  const ListResourceTemplatesRequest = request(
    'resources/templates/list',
    PaginatedRequestParams,
    strictStateless,
  );
  const ReadResourceRequest = request('resources/read', ReadResourceRequestParams, true);
  const SubscribeRequest = request('resources/subscribe', SubscribeRequestParams, true);
  const UnsubscribeRequest = request('resources/unsubscribe', UnsubscribeRequestParams, true);
  const ListPromptsRequest = request('prompts/list', PaginatedRequestParams, strictStateless);
  const GetPromptRequest = request('prompts/get', GetPromptRequestParams, true);
  const CompleteRequest = request('completion/complete', CompleteRequestParams, true);
  const SetLevelRequest = request('logging/setLevel', SetLevelRequestParams, true);
  const PaginatedRequest = open({
    ...requestEnvelope,
    method: z.string(),
    params: requiredIf(strictStateless, PaginatedRequestParams),
  });
  const GetTaskRequest = request('tasks/get', taskIdParams, true);
  const GetTaskPayloadRequest = request('tasks/result', taskIdParams, true);
  const CancelTaskRequest = request('tasks/cancel', taskIdParams, true);
  const ListTasksRequest = request('tasks/list', PaginatedRequestParams, false);

  const CreateMessageRequest = open({
    ...serverRequestEnvelope,
    method: z.literal('sampling/createMessage'),
    params: CreateMessageRequestParams,
  });
  const ElicitRequest = open({
    ...serverRequestEnvelope,
    method: z.literal('elicitation/create'),
    params: ElicitRequestParams,
  });
  const ListRootsRequest = open({
    ...serverRequestEnvelope,
    method: z.literal('roots/list'),
    params: listRootsParams.optional(),
  });

  const CancelledNotification = notification(
    'notifications/cancelled',
    CancelledNotificationParams,
    true,
  );
  const InitializedNotification = notification(
    'notifications/initialized',
    NotificationParams,
    false,
  );
  const ProgressNotification = notification(
    'notifications/progress',
    ProgressNotificationParams,
    true,
  );
  const LoggingMessageNotification = notification(
    'notifications/message',
    LoggingMessageNotificationParams,
    true,
  );
  const ResourceUpdatedNotification = notification(
    'notifications/resources/updated',
    ResourceUpdatedNotificationParams,
    true,
  );
  const ResourceListChangedNotification = notification(
    'notifications/resources/list_changed',
    NotificationParams,
    false,
  );
  const ToolListChangedNotification = notification(
    'notifications/tools/list_changed',
    NotificationParams,
    false,
  );
  const PromptListChangedNotification = notification(
    'notifications/prompts/list_changed',
    NotificationParams,
    false,
  );
  const RootsListChangedNotification = notification(
    'notifications/roots/list_changed',
    NotificationParams,
    false,
  );
  const ElicitationCompleteNotification = notification(
    'notifications/elicitation/complete',
    open({ elicitationId: z.string() }),
    true,
  );
  const TaskStatusNotification = notification(
    'notifications/tasks/status',
    TaskStatusNotificationParams,
    true,
  );
  const SubscriptionsAcknowledgedNotification = notification(
    'notifications/subscriptions/acknowledged',
    SubscriptionsAcknowledgedNotificationParams,
    true,
  );

  // ---------------------------------------------------------------------------------------------
  // Multi round-trip requests (2026-07-28)
  const InputRequest = z.union([CreateMessageRequest, ListRootsRequest, ElicitRequest]);
  const InputRequests = z.record(z.string(), InputRequest);
  const InputResponse = z.union([CreateMessageResult, ListRootsResult, ElicitResult]);
  const InputResponses = z.record(z.string(), InputResponse);
  const InputRequiredResult = open({
    ...resultFields,
    inputRequests: InputRequests.optional(),
    requestState: z.string().optional(),
  });
  const InputResponseRequestParams = RequestParams.extend(InputResponseFields);

  /** A result response with a typed result (2026-07-28 names one per method). */
  function resultResponse<R extends z.ZodType>(result: R) {
    return open({ jsonrpc: z.literal('2.0'), id: RequestId, result });
  }

  // ---------------------------------------------------------------------------------------------
  // Unions of what each side sends
  const ClientRequest = z.union(
    t.stateless
      ? [
          DiscoverRequest,
          ListResourcesRequest,
          ListResourceTemplatesRequest,
          ReadResourceRequest,
          SubscriptionsListenRequest,
          ListPromptsRequest,
          GetPromptRequest,
          ListToolsRequest,
          CallToolRequest,
          CompleteRequest,
        ]
      : [
          InitializeRequest,
          PingRequest,
          ListResourcesRequest,
          ListResourceTemplatesRequest,
          ReadResourceRequest,
          SubscribeRequest,
          UnsubscribeRequest,
          ListPromptsRequest,
          GetPromptRequest,
          ListToolsRequest,
          CallToolRequest,
          ...(t.tasks
            ? [GetTaskRequest, GetTaskPayloadRequest, CancelTaskRequest, ListTasksRequest]
            : []),
          SetLevelRequest,
          CompleteRequest,
        ],
  );
  const ClientNotification = t.stateless
    ? CancelledNotification
    : z.union([
        CancelledNotification,
        InitializedNotification,
        ProgressNotification,
        ...(t.tasks ? [TaskStatusNotification] : []),
        RootsListChangedNotification,
      ]);
  const ClientResult = t.stateless
    ? Result
    : z.union([
        Result,
        ...(t.tasks
          ? [GetTaskResult, GetTaskPayloadResult, CancelTaskResult, ListTasksResult]
          : []),
        CreateMessageResult,
        ListRootsResult,
        ...(t.elicitation ? [ElicitResult] : []),
      ]);
  const ServerRequest = z.union([
    PingRequest,
    ...(t.tasks
      ? [GetTaskRequest, GetTaskPayloadRequest, CancelTaskRequest, ListTasksRequest]
      : []),
    CreateMessageRequest,
    ListRootsRequest,
    ...(t.elicitation ? [ElicitRequest] : []),
  ]);
  const ServerNotification = z.union([
    CancelledNotification,
    ProgressNotification,
    ResourceListChangedNotification,
    ...(t.stateless ? [SubscriptionsAcknowledgedNotification] : []),
    ResourceUpdatedNotification,
    PromptListChangedNotification,
    ToolListChangedNotification,
    ...(t.tasks ? [TaskStatusNotification] : []),
    LoggingMessageNotification,
    ...(t.tasks ? [ElicitationCompleteNotification] : []),
  ]);
  const ServerResult = z.union(
    t.stateless
      ? [
          Result,
          InputRequiredResult,
          DiscoverResult,
          ListResourcesResult,
          ListResourceTemplatesResult,
          ReadResourceResult,
          SubscriptionsListenResult,
          ListPromptsResult,
          GetPromptResult,
          ListToolsResult,
          CallToolResult,
          CompleteResult,
        ]
      : [
          Result,
          InitializeResult,
          ListResourcesResult,
          ListResourceTemplatesResult,
          ReadResourceResult,
          ListPromptsResult,
          GetPromptResult,
          ListToolsResult,
          CallToolResult,
          ...(t.tasks
            ? [GetTaskResult, GetTaskPayloadResult, CancelTaskResult, ListTasksResult]
            : []),
          CompleteResult,
        ],
  );

  return {
    // primitives and JSON
    RequestId,
    ProgressToken,
    Cursor,
    Role,
    LoggingLevel,
    ResultType,
    JSONValue,
    JSONArray,
    JSONObject,
    // metadata
    MetaObject,
    RequestMetaObject,
    ResultMetaObject,
    NotificationMetaObject,
    Icon,
    Icons,
    BaseMetadata,
    Implementation,
    ClientCapabilities,
    ServerCapabilities,
    // base shapes
    Request,
    Notification,
    Result,
    EmptyResult,
    PaginatedResult,
    CacheableResult,
    RequestParams,
    NotificationParams,
    PaginatedRequestParams,
    PaginatedRequest,
    // JSON-RPC
    JSONRPCRequest,
    JSONRPCNotification,
    JSONRPCResultResponse,
    JSONRPCErrorResponse,
    /** ≤ 2025-06-18 name of the error response. */
    JSONRPCError: JSONRPCErrorResponse,
    JSONRPCResponse,
    JSONRPCMessage,
    JSONRPCBatchRequest,
    JSONRPCBatchResponse,
    Error: ErrorObject,
    ParseError,
    InvalidRequestError,
    MethodNotFoundError,
    InvalidParamsError,
    InternalError,
    HeaderMismatchError: errorResponse(-32020, z.unknown().optional()),
    MissingRequiredClientCapabilityError: errorResponse(
      -32021,
      open({ requiredCapabilities: ClientCapabilities }),
    ),
    UnsupportedProtocolVersionError: errorResponse(
      -32022,
      open({ requested: z.string(), supported: z.array(z.string()) }),
    ),
    URLElicitationRequiredError: errorResponse(
      -32042,
      z.looseObject({ elicitations: z.array(ElicitRequestURLParams) }),
    ),
    // content
    Annotations,
    Annotated,
    TextContent,
    ImageContent,
    AudioContent,
    ResourceContents,
    TextResourceContents,
    BlobResourceContents,
    EmbeddedResource,
    ResourceLink,
    ContentBlock,
    // tools
    ToolAnnotations,
    ToolExecution,
    Tool,
    ListToolsRequest,
    ListToolsResult,
    CallToolRequestParams,
    CallToolRequest,
    CallToolResult,
    ToolListChangedNotification,
    // resources
    Resource,
    ResourceTemplate,
    ListResourcesRequest,
    ListResourcesResult,
    ListResourceTemplatesRequest,
    ListResourceTemplatesResult,
    ResourceRequestParams,
    ReadResourceRequestParams,
    ReadResourceRequest,
    ReadResourceResult,
    SubscribeRequestParams,
    SubscribeRequest,
    UnsubscribeRequestParams,
    UnsubscribeRequest,
    ResourceUpdatedNotificationParams,
    ResourceUpdatedNotification,
    ResourceListChangedNotification,
    // prompts
    PromptArgument,
    Prompt,
    PromptMessage,
    ListPromptsRequest,
    ListPromptsResult,
    GetPromptRequestParams,
    GetPromptRequest,
    GetPromptResult,
    PromptListChangedNotification,
    // completion
    PromptReference,
    ResourceTemplateReference,
    /** ≤ 2025-03-26 name of `ResourceTemplateReference`. */
    ResourceReference: ResourceTemplateReference,
    CompleteRequestParams,
    CompleteRequest,
    CompleteResult,
    // logging, progress, cancellation
    SetLevelRequestParams,
    SetLevelRequest,
    LoggingMessageNotificationParams,
    LoggingMessageNotification,
    ProgressNotificationParams,
    ProgressNotification,
    CancelledNotificationParams,
    CancelledNotification,
    // sampling
    ModelHint,
    ModelPreferences,
    ToolChoice,
    ToolUseContent,
    ToolResultContent,
    SamplingMessageContentBlock,
    SamplingMessage,
    CreateMessageRequestParams,
    CreateMessageRequest,
    CreateMessageResult,
    // elicitation
    StringSchema,
    NumberSchema,
    BooleanSchema,
    UntitledSingleSelectEnumSchema,
    TitledSingleSelectEnumSchema,
    UntitledMultiSelectEnumSchema,
    TitledMultiSelectEnumSchema,
    LegacyTitledEnumSchema,
    SingleSelectEnumSchema,
    MultiSelectEnumSchema,
    EnumSchema,
    PrimitiveSchemaDefinition,
    ElicitRequestFormParams,
    ElicitRequestURLParams,
    ElicitRequestParams,
    ElicitRequest,
    ElicitResult,
    ElicitationCompleteNotification,
    // roots
    Root,
    ListRootsRequest,
    ListRootsResult,
    RootsListChangedNotification,
    // lifecycle and discovery
    InitializeRequestParams,
    InitializeRequest,
    InitializeResult,
    InitializedNotification,
    PingRequest,
    DiscoverRequest,
    DiscoverResult,
    // subscriptions
    SubscriptionFilter,
    SubscriptionsListenRequestParams,
    SubscriptionsListenRequest,
    SubscriptionsListenResultMetaObject,
    SubscriptionsListenResult,
    SubscriptionsAcknowledgedNotificationParams,
    SubscriptionsAcknowledgedNotification,
    // multi round-trip requests
    InputRequest,
    InputRequests,
    InputResponse,
    InputResponses,
    InputRequiredResult,
    InputResponseRequestParams,
    // tasks (2025-11-25)
    TaskStatus,
    TaskMetadata,
    RelatedTaskMetadata,
    Task,
    TaskAugmentedRequestParams,
    CreateTaskResult,
    GetTaskRequest,
    GetTaskResult,
    GetTaskPayloadRequest,
    GetTaskPayloadResult,
    CancelTaskRequest,
    CancelTaskResult,
    ListTasksRequest,
    ListTasksResult,
    TaskStatusNotificationParams,
    TaskStatusNotification,
    // unions
    ClientRequest,
    ClientNotification,
    ClientResult,
    ServerRequest,
    ServerNotification,
    ServerResult,
    // typed responses (2026-07-28)
    CallToolResultResponse: resultResponse(z.union([InputRequiredResult, CallToolResult])),
    CompleteResultResponse: resultResponse(CompleteResult),
    DiscoverResultResponse: resultResponse(DiscoverResult),
    GetPromptResultResponse: resultResponse(z.union([InputRequiredResult, GetPromptResult])),
    ListPromptsResultResponse: resultResponse(ListPromptsResult),
    ListResourceTemplatesResultResponse: resultResponse(ListResourceTemplatesResult),
    ListResourcesResultResponse: resultResponse(ListResourcesResult),
    ListToolsResultResponse: resultResponse(ListToolsResult),
    ReadResourceResultResponse: resultResponse(z.union([InputRequiredResult, ReadResourceResult])),
    SubscriptionsListenResultResponse: resultResponse(SubscriptionsListenResult),
  };
}

/** Every schema of one revision (or of the neutral superset), by spec type name. */
export type SchemaSet = ReturnType<typeof buildSchemas>;
/** A spec type name mcpkit has a schema for. */
export type SpecTypeName = keyof SchemaSet;
