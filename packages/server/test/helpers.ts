import { createInMemoryTransportPair, JsonRpcSession } from '@mcpkit/jsonrpc';
import { onTestFinished } from 'vitest';
import type { Server } from '../src/index';

export const V2026 = '2026-07-28';

/** The `_meta` of a stateless request. */
export function meta(
  extra: Record<string, unknown> = {},
  capabilities: Record<string, unknown> = {},
) {
  return {
    'io.modelcontextprotocol/protocolVersion': V2026,
    'io.modelcontextprotocol/clientCapabilities': capabilities,
    'io.modelcontextprotocol/clientInfo': { name: 'test-client', version: '1.0.0' },
    ...extra,
  };
}

/**
 * A raw JSON-RPC peer connected to `server`: tests assert exactly what goes over the wire, with
 * no client library in between.
 */
export async function rawPeer<L>(
  server: Server<L>,
  options: { extra?: Parameters<typeof createInMemoryTransportPair>[0] } = {},
) {
  const [clientSide, serverSide] = createInMemoryTransportPair(options.extra);
  const peer = new JsonRpcSession({ name: 'client' });
  const notifications: Array<{ method: string; params: Record<string, unknown> | undefined }> = [];
  for (const method of [
    'notifications/message',
    'notifications/progress',
    'notifications/tools/list_changed',
    'notifications/prompts/list_changed',
    'notifications/resources/list_changed',
    'notifications/resources/updated',
    'notifications/subscriptions/acknowledged',
  ]) {
    peer.setNotificationHandler(method, (params: Record<string, unknown> | undefined) => {
      notifications.push({ method, params });
    });
  }
  const session = await server.connect(serverSide);
  await peer.connect(clientSide);
  onTestFinished(async () => {
    await peer.close();
  });
  return { peer, session, notifications };
}

/** Runs the stateful handshake on a raw peer. */
export async function initialize(
  peer: JsonRpcSession,
  capabilities: Record<string, unknown> = {},
  protocolVersion = '2025-11-25',
) {
  const result = await peer.request('initialize', {
    protocolVersion,
    capabilities,
    clientInfo: { name: 'test-client', version: '1.0.0' },
  });
  await peer.notify('notifications/initialized');
  return result as Record<string, unknown>;
}

/** A promise resolved from outside, to await events instead of sleeping. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
