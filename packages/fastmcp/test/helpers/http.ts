/**
 * Real sockets for HTTP tests: a node:http server on 127.0.0.1, port 0, closed after the test,
 * and a Client over Streamable HTTP in a chosen era.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, type ClientOptions } from '@mcpkit/client';
import { StreamableHTTPClientTransport } from '@mcpkit/transport-streamable-http';
import { expect, onTestFinished } from 'vitest';
import type { Era } from './harness';

/** Serves `listener` on 127.0.0.1 at a free port; returns the base URL. */
export async function listen(listener: http.RequestListener): Promise<URL> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return new URL(`http://127.0.0.1:${port}/`);
}

/** A Client connected to `url` over Streamable HTTP in `era`, closed after the test. */
export async function httpClient(
  url: URL,
  era: Era,
  options: ClientOptions = {},
  headers?: Record<string, string>,
): Promise<Client> {
  const client = new Client(
    { name: 'http-test-client', version: '1.0.0' },
    { discoveryCache: false, ...options, protocolVersion: era === '2025-11-25' ? era : undefined },
  );
  await client.connect(new StreamableHTTPClientTransport(url, headers ? { headers } : {}));
  onTestFinished(() => client.close());
  expect(client.protocolVersion).toBe(era);
  return client;
}

export const STATELESS_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
} as const;

/** Headers of a JSON-RPC POST, plus whatever else the test needs. */
export function postHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...extra,
  };
}

/** Headers of a stateless (2026-07-28) POST for `method` (and `name`, for tools/call). */
export function statelessHeaders(method: string, name?: string): Record<string, string> {
  const headers = postHeaders({ 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': method });
  if (name !== undefined) headers['Mcp-Name'] = name;
  return headers;
}

/** The JSON-RPC messages of a response: its JSON body, or the data of each SSE event. */
export async function messagesOf(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').startsWith('application/json'))
    return [JSON.parse(text) as Record<string, unknown>];
  return text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice('data:'.length).trim())
    .filter((data) => data !== '')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}
