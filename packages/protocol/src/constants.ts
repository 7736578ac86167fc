/**
 * Spec names in one place: JSON-RPC methods, `_meta` keys and HTTP headers. Everything else in
 * mcpkit refers to these constants instead of repeating the strings.
 */

/** Request methods of every revision. Some exist only in one era: see each comment. */
export const Method = {
  /** Stateful era only. */
  Initialize: 'initialize',
  /** Stateful era only (2026-07-28 removed it). */
  Ping: 'ping',
  /** Stateless era: capabilities and versions without a session. */
  ServerDiscover: 'server/discover',
  /** Stateless era: the long-lived notification channel. */
  SubscriptionsListen: 'subscriptions/listen',
  ToolsList: 'tools/list',
  ToolsCall: 'tools/call',
  ResourcesList: 'resources/list',
  ResourcesTemplatesList: 'resources/templates/list',
  ResourcesRead: 'resources/read',
  /** Stateful era only. */
  ResourcesSubscribe: 'resources/subscribe',
  /** Stateful era only. */
  ResourcesUnsubscribe: 'resources/unsubscribe',
  PromptsList: 'prompts/list',
  PromptsGet: 'prompts/get',
  CompletionComplete: 'completion/complete',
  /** Stateful era only: the stateless era carries the level in each request's `_meta`. */
  LoggingSetLevel: 'logging/setLevel',
  /** Server → client (stateful era); an input request inside `InputRequiredResult` (stateless). */
  SamplingCreateMessage: 'sampling/createMessage',
  ElicitationCreate: 'elicitation/create',
  RootsList: 'roots/list',
  /** 2025-11-25 tasks (an extension afterwards). */
  TasksGet: 'tasks/get',
  TasksResult: 'tasks/result',
  TasksList: 'tasks/list',
  TasksCancel: 'tasks/cancel',
} as const;

/** Notification methods of every revision. */
export const NotificationMethod = {
  Initialized: 'notifications/initialized',
  Cancelled: 'notifications/cancelled',
  Progress: 'notifications/progress',
  Message: 'notifications/message',
  ResourcesUpdated: 'notifications/resources/updated',
  ResourcesListChanged: 'notifications/resources/list_changed',
  ToolsListChanged: 'notifications/tools/list_changed',
  PromptsListChanged: 'notifications/prompts/list_changed',
  RootsListChanged: 'notifications/roots/list_changed',
  ElicitationComplete: 'notifications/elicitation/complete',
  TasksStatus: 'notifications/tasks/status',
  SubscriptionsAcknowledged: 'notifications/subscriptions/acknowledged',
} as const;

/** Reserved `_meta` keys. */
export const MetaKey = {
  ProgressToken: 'progressToken',
  ProtocolVersion: 'io.modelcontextprotocol/protocolVersion',
  ClientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  ClientInfo: 'io.modelcontextprotocol/clientInfo',
  LogLevel: 'io.modelcontextprotocol/logLevel',
  ServerInfo: 'io.modelcontextprotocol/serverInfo',
  SubscriptionId: 'io.modelcontextprotocol/subscriptionId',
  RelatedTask: 'io.modelcontextprotocol/related-task',
} as const;

/** HTTP headers of the Streamable HTTP transport, in their canonical spelling. */
export const Header = {
  SessionId: 'Mcp-Session-Id',
  ProtocolVersion: 'MCP-Protocol-Version',
  Method: 'Mcp-Method',
  Name: 'Mcp-Name',
  /** Prefix of the custom headers mirrored from tool arguments annotated with `x-mcp-header`. */
  ParamPrefix: 'Mcp-Param-',
  LastEventId: 'Last-Event-ID',
} as const;

/** Values of `resultType` (2026-07-28). */
export const ResultKind = {
  Complete: 'complete',
  InputRequired: 'input_required',
} as const;

/** The JSON-RPC version string every message carries. */
export const JSONRPC_VERSION = '2.0';
