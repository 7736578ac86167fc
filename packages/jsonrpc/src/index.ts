// @mcpkit/jsonrpc: the whole public surface of the package. Everything exported here is listed
// by name; nothing from src/internal is.

export type { DecodeResult } from './decode';
// Message decoding for transports
export { decodeMessage, decodeValue } from './decode';
export type {
  HandlerOptions,
  NotificationContext,
  NotificationHandler,
  ParamsValidator,
  RequestHandler,
} from './handlers';

// Handlers
export { HandlerRegistry, invalidParamsError } from './handlers';
export type { InMemoryTransportOptions } from './in-memory-transport';
export { createInMemoryTransportPair, InMemoryTransport } from './in-memory-transport';
export type { LogFields, Logger } from './logger';
// Logging
export { silentLogger } from './logger';
export type { RequestContext } from './request-context';
export type {
  NotificationOptions,
  Progress,
  RequestOptions,
  SessionOptions,
} from './session';
// The session engine
export {
  DEFAULT_MAX_TOTAL_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  JsonRpcSession,
} from './session';
// Transports
export type {
  AuthInfo,
  MessageExtra,
  RequestInfo,
  Transport,
  TransportCloseInfo,
  TransportSendOptions,
} from './transport';
