// @mcpkit/transport-stdio: the whole public surface of the package. Everything exported here is
// listed by name; nothing from src/internal is.

export type { StdioServerParameters } from './client-transport';
// Client side
export { StdioClientTransport } from './client-transport';
// Framing
export { DEFAULT_MAX_LINE_BYTES, LineDecoder } from './line-decoder';
export type { StdioServerTransportOptions } from './server-transport';
// Server side
export { StdioServerTransport } from './server-transport';
export type { ResolvedCommand } from './spawn';
export {
  DEFAULT_INHERITED_ENV_VARS,
  getDefaultEnvironment,
  quoteForCmd,
  resolveCommand,
} from './spawn';
