/**
 * FastMCP's default logger: one line per entry on stderr, because stdout carries the protocol
 * when the server runs over stdio.
 */
import type { LogFields, Logger } from '@mcpkit/jsonrpc';
import { LOG_LEVELS as ORDER } from '../settings';

/** A logger writing `[name] level: message {fields}` lines to stderr, from `level` up. */
export function stderrLogger(name: string, level: (typeof ORDER)[number]): Logger {
  const threshold = ORDER.indexOf(level);
  const write = (at: (typeof ORDER)[number], message: string, fields?: LogFields) => {
    if (ORDER.indexOf(at) < threshold) return;
    const stderr = (globalThis as { process?: { stderr?: { write(s: string): unknown } } }).process
      ?.stderr;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${describe(fields)}` : '';
    stderr?.write(`[${name}] ${at}: ${message}${extra}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function describe(fields: LogFields): string {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    plain[key] = value instanceof Error ? (value.stack ?? value.message) : value;
  }
  try {
    return JSON.stringify(plain);
  } catch {
    // circular fields: the keys are still worth a line
    return `{${Object.keys(plain).join(', ')}}`;
  }
}
