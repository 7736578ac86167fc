/**
 * Which params and result belong to which method, for both directions: the typing behind
 * `setRequestHandler('tools/call', …)` and `request('tools/call', …)`, and the schemas the session
 * validates them with.
 */
import type { z } from 'zod';
import {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  CancelledNotificationParamsSchema,
  CompleteRequestParamsSchema,
  CompleteResultSchema,
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
  DiscoverResultSchema,
  ElicitationCompleteNotificationSchema,
  ElicitRequestParamsSchema,
  ElicitResultSchema,
  EmptyResultSchema,
  GetPromptRequestParamsSchema,
  GetPromptResultSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListRootsResultSchema,
  ListToolsResultSchema,
  LoggingMessageNotificationParamsSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  ProgressNotificationParamsSchema,
  ReadResourceRequestParamsSchema,
  ReadResourceResultSchema,
  RequestParamsSchema,
  ResourceRequestParamsSchema,
  ResourceUpdatedNotificationParamsSchema,
  SetLevelRequestParamsSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
} from './schemas/neutral';

/** A method's params schema and result schema. */
interface RequestSchemas<P extends z.ZodType, R extends z.ZodType> {
  readonly params: P;
  readonly result: R;
}
function req<P extends z.ZodType, R extends z.ZodType>(params: P, result: R): RequestSchemas<P, R> {
  return { params, result };
}

const ElicitationCompleteParamsSchema = ElicitationCompleteNotificationSchema.shape.params;

/** Requests a client sends and a server answers, with their schemas. */
export const CLIENT_REQUESTS = {
  initialize: req(InitializeRequestParamsSchema, InitializeResultSchema),
  ping: req(RequestParamsSchema, EmptyResultSchema),
  'server/discover': req(RequestParamsSchema, DiscoverResultSchema),
  'subscriptions/listen': req(
    SubscriptionsListenRequestParamsSchema,
    SubscriptionsListenResultSchema,
  ),
  'tools/list': req(PaginatedRequestParamsSchema, ListToolsResultSchema),
  'tools/call': req(CallToolRequestParamsSchema, CallToolResultSchema),
  'resources/list': req(PaginatedRequestParamsSchema, ListResourcesResultSchema),
  'resources/templates/list': req(PaginatedRequestParamsSchema, ListResourceTemplatesResultSchema),
  'resources/read': req(ReadResourceRequestParamsSchema, ReadResourceResultSchema),
  'resources/subscribe': req(ResourceRequestParamsSchema, EmptyResultSchema),
  'resources/unsubscribe': req(ResourceRequestParamsSchema, EmptyResultSchema),
  'prompts/list': req(PaginatedRequestParamsSchema, ListPromptsResultSchema),
  'prompts/get': req(GetPromptRequestParamsSchema, GetPromptResultSchema),
  'completion/complete': req(CompleteRequestParamsSchema, CompleteResultSchema),
  'logging/setLevel': req(SetLevelRequestParamsSchema, EmptyResultSchema),
} as const;

/** Requests a server sends and a client answers (stateful era), with their schemas. */
export const SERVER_REQUESTS = {
  ping: req(RequestParamsSchema, EmptyResultSchema),
  'sampling/createMessage': req(CreateMessageRequestParamsSchema, CreateMessageResultSchema),
  'elicitation/create': req(ElicitRequestParamsSchema, ElicitResultSchema),
  'roots/list': req(RequestParamsSchema, ListRootsResultSchema),
} as const;

/** Notifications a client sends, with their params schemas. */
export const CLIENT_NOTIFICATIONS = {
  'notifications/initialized': NotificationParamsSchema,
  'notifications/cancelled': CancelledNotificationParamsSchema,
  'notifications/progress': ProgressNotificationParamsSchema,
  'notifications/roots/list_changed': NotificationParamsSchema,
} as const;

/** Notifications a server sends, with their params schemas. */
export const SERVER_NOTIFICATIONS = {
  'notifications/cancelled': CancelledNotificationParamsSchema,
  'notifications/progress': ProgressNotificationParamsSchema,
  'notifications/message': LoggingMessageNotificationParamsSchema,
  'notifications/resources/updated': ResourceUpdatedNotificationParamsSchema,
  'notifications/resources/list_changed': NotificationParamsSchema,
  'notifications/tools/list_changed': NotificationParamsSchema,
  'notifications/prompts/list_changed': NotificationParamsSchema,
  'notifications/elicitation/complete': ElicitationCompleteParamsSchema,
  'notifications/subscriptions/acknowledged': SubscriptionsAcknowledgedNotificationParamsSchema,
} as const;

type RequestTable = Record<string, RequestSchemas<z.ZodType, z.ZodType>>;
type RequestTypes<T extends RequestTable> = {
  [M in keyof T]: { params: z.input<T[M]['params']>; result: z.output<T[M]['result']> };
};
type NotificationTypes<T extends Record<string, z.ZodType>> = { [M in keyof T]: z.input<T[M]> };

/** Client → server requests: method → `{ params, result }` types. */
export type ClientRequestMap = RequestTypes<typeof CLIENT_REQUESTS>;
/** Server → client requests: method → `{ params, result }` types. */
export type ServerRequestMap = RequestTypes<typeof SERVER_REQUESTS>;
/** Client → server notifications: method → params type. */
export type ClientNotificationMap = NotificationTypes<typeof CLIENT_NOTIFICATIONS>;
/** Server → client notifications: method → params type. */
export type ServerNotificationMap = NotificationTypes<typeof SERVER_NOTIFICATIONS>;

/** A method a client may call. */
export type ClientRequestMethod = keyof ClientRequestMap;
/** A method a server may call (stateful era). */
export type ServerRequestMethod = keyof ServerRequestMap;
