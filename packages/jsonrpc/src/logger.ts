/**
 * The logging hook every mcpkit package accepts. Library code never writes to the console (in a
 * stdio server stdout is the wire), so logging is silent unless the application passes a logger.
 */

/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** A minimal logger; `console`, pino and winston instances all fit. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const noop = (): void => {};

/** The default logger: discards everything. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
