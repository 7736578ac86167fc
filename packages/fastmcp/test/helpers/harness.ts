/**
 * Shared test plumbing: connecting a real in-memory Client in a chosen protocol era, deferred
 * promises for awaiting callbacks (no sleeps), and a logger that records what the server logs.
 */
import type { Client, ClientOptions } from '@mcpkit/client';
import type { LogFields, Logger } from '@mcpkit/jsonrpc';
import type { Implementation } from '@mcpkit/protocol';
import { expect, onTestFinished } from 'vitest';
import type { FastMCP } from '../../src/index';

/** Both protocol eras: the stateful one (initialize + sessions) and the stateless one. */
export const ERAS = ['2025-11-25', '2026-07-28'] as const;
export type Era = (typeof ERAS)[number];

/**
 * Connects a Client to `mcp` in memory, in `era`: the stateful era is pinned, the stateless one is
 * what the client picks by itself when the server supports it. Both are closed after the test.
 */
export async function connect<L>(
  mcp: FastMCP<L>,
  era: Era,
  options: ClientOptions = {},
  info?: Implementation,
): Promise<Client> {
  onTestFinished(() => mcp.close());
  const client = await mcp.connectClient(
    { ...options, protocolVersion: era === '2025-11-25' ? era : undefined },
    info,
  );
  onTestFinished(() => client.close());
  expect(client.protocolVersion).toBe(era);
  return client;
}

/** A promise with its resolve function outside: resolve it in a callback, await it in the test. */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields | undefined;
}

/** A logger that keeps every entry (and keeps the test's stderr quiet). */
export function captureLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: string, fields?: LogFields): void => {
      entries.push({ level, message, fields });
    };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

/**
 * Collects client notifications: pass `collector.onNotification` in the client options, then
 * `await collector.next('notifications/tools/list_changed')` for the next one of that method
 * (each notification is handed out once, in arrival order).
 */
export function notificationCollector(): {
  onNotification: (method: string, params: Record<string, unknown> | undefined) => void;
  seen: Array<{ method: string; params: Record<string, unknown> | undefined }>;
  next(method: string): Promise<Record<string, unknown> | undefined>;
} {
  type Params = Record<string, unknown> | undefined;
  const seen: Array<{ method: string; params: Params }> = [];
  const unread = new Map<string, Params[]>();
  const waiters = new Map<string, Array<(params: Params) => void>>();
  return {
    seen,
    onNotification(method, params) {
      seen.push({ method, params });
      const waiter = waiters.get(method)?.shift();
      if (waiter) waiter(params);
      else unread.set(method, [...(unread.get(method) ?? []), params]);
    },
    next(method) {
      const queue = unread.get(method);
      if (queue && queue.length > 0) return Promise.resolve(queue.shift());
      const { promise, resolve } = deferred<Params>();
      waiters.set(method, [...(waiters.get(method) ?? []), resolve]);
      return promise;
    },
  };
}
