// @mcpkit/server: the whole public surface of the package. Everything exported here is listed
// by name; nothing from src/internal is.

// Capabilities
export { clientSupports, serverCapabilityFor } from './capabilities';
export type { CallerInfo } from './context';
// Handler context
export { LOG_LEVELS, logLevelPasses, ServerContext } from './context';
export type { InputOptions } from './input';
// Input from the client (both eras)
export { InputRequiredSignal, isInputRequired } from './input';
// Lifespan, pagination, request state
export type { Lifespan } from './lifespan';
export type { Page } from './pagination';
export { paginate } from './pagination';
export type { RequestStateOptions, RequestStateSecret } from './request-state';
export { RequestStateCodec } from './request-state';
export type {
  CacheHints,
  CustomRequestHandler,
  HandlerResult,
  ServerOptions,
  ServerRequestHandler,
} from './server';
// The server and its connections
export { Server } from './server';
export { ServerSession } from './server-session';
