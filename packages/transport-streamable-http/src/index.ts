// @mcpkit/transport-streamable-http: the whole public surface of the root entry, which runs on
// any runtime with fetch and web streams. Node adapters live at /node and /express.

export type {
  HttpAuthProvider,
  ReconnectionOptions,
  StreamableHTTPClientTransportOptions,
} from './client-transport';
// Client side: the fetch-based transport
export { StreamableHTTPClientTransport } from './client-transport';
export type { EventStore, InMemoryEventStoreOptions } from './event-store';
export { InMemoryEventStore } from './event-store';
export type { HeaderParamSpec } from './mcp-headers';
export {
  decodeHeaderValue,
  encodeHeaderValue,
  isSafeHeaderText,
  nameFieldOf,
  paramHeaders,
  standardHeadersFor,
} from './mcp-headers';
export type { CorsOptions } from './security';
export {
  checkHostAndOrigin,
  corsHeaders,
  HostSet,
  isLoopbackAddress,
  LOOPBACK_HOSTS,
} from './security';
export type { HandleContext, McpServerLike, StreamableHTTPHandlerOptions } from './server-handler';
// Server side: the web-standard handler (node:http and Express adapters at /node and /express)
export { createStreamableHTTPHandler, StreamableHTTPHandler } from './server-handler';
export type { SseEvent, SseParserCallbacks } from './sse';
// SSE framing and the MCP HTTP headers (shared by both sides)
export { formatPrimingEvent, formatSseEvent, SSE_KEEP_ALIVE, SseParser } from './sse';
