import { Client, type ClientOptions } from '@mcpkit/client';
import { SdkError } from '@mcpkit/protocol';
import {
  InMemoryEventStore,
  StreamableHTTPClientTransport,
} from '@mcpkit/transport-streamable-http';
import {
  createMcpHttpServer,
  type McpHttpServerOptions,
} from '@mcpkit/transport-streamable-http/node';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fullServer } from './full-server';

async function serve(options: McpHttpServerOptions = {}) {
  const server = fullServer();
  const http = createMcpHttpServer(server, options);
  const url = await http.listen(0, '127.0.0.1');
  onTestFinished(() => http.close());
  return { server, http, url };
}

async function connect(url: URL, protocolVersion: string | undefined, options: ClientOptions = {}) {
  const client = new Client(
    { name: 'e2e-http', version: '1.0.0' },
    {
      protocolVersion,
      discoveryCache: false,
      sampling: () => ({
        role: 'assistant',
        content: { type: 'text', text: 'sampled' },
        model: 'test',
      }),
      elicitation: () => ({ action: 'accept', content: {} }),
      roots: () => ({ roots: [{ uri: 'file:///root' }] }),
      ...options,
    },
  );
  await client.connect(new StreamableHTTPClientTransport(url));
  onTestFinished(() => client.close());
  return client;
}

describe.each([
  ['stateful', '2025-11-25', {}],
  ['stateful with JSON responses', '2025-11-25', { jsonResponse: true }],
  ['stateful with an event store', '2025-11-25', { eventStore: new InMemoryEventStore() }],
  ['stateless (2026-07-28)', '2026-07-28', {}],
  ['auto-discovered', undefined, {}],
] as const)(
  'our client against our server over Streamable HTTP, %s',
  (_label, version, options) => {
    it('calls tools, reads resources and gets prompts', async () => {
      const { url } = await serve(options);
      const client = await connect(url, version);
      expect(client.era).toBe(version === '2025-11-25' ? 'stateful' : 'stateless');
      const names: string[] = [];
      for await (const tool of client.iterateTools()) names.push(tool.name);
      expect(names).toHaveLength(29);
      expect(
        (await client.callTool({ name: 'add', arguments: { a: 2, b: 5 } })).structuredContent,
      ).toEqual({ sum: 7 });
      expect((await client.readResource({ uri: 'test://x' })).contents[0]).toMatchObject({
        text: 'content of test://x',
      });
      expect(
        (await client.getPrompt({ name: 'greet', arguments: { who: 'Ada' } })).messages,
      ).toHaveLength(1);
    });

    it('answers the server’s questions in the middle of a call', async () => {
      const { url } = await serve(options);
      const client = await connect(url, version);
      const result = await client.callTool({ name: 'ask', arguments: {} });
      expect(result.content).toEqual([{ type: 'text', text: 'Anonymous|sampled|file:///root' }]);
    });
  },
);

describe('Streamable HTTP recovery', () => {
  it('starts a new session once when the server forgot the old one', async () => {
    const { http, url } = await serve();
    const transport = new StreamableHTTPClientTransport(url);
    const client = new Client(
      { name: 'c', version: '1' },
      { discoveryCache: false, protocolVersion: '2025-11-25' },
    );
    await client.connect(transport);
    onTestFinished(() => client.close());
    await client.listTools();
    const old = transport.sessionId as string;
    // the server forgets the session (expiry, restart): the next call gets 404 for it
    const ended = await fetch(url, { method: 'DELETE', headers: { 'Mcp-Session-Id': old } });
    expect(ended.status).toBe(200);
    const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    expect(result.structuredContent).toEqual({ sum: 2 });
    expect(transport.sessionId).not.toBe(old);
    expect(http.handler.sessionCount).toBe(1);
  });

  it('delivers progress and logs over SSE, and list changes on a listen stream', async () => {
    const { server, url } = await serve();
    const logs: unknown[] = [];
    const client = await connect(url, '2026-07-28', { onLoggingMessage: (m) => logs.push(m.data) });
    await client.setLoggingLevel('info');
    const progress: string[] = [];
    await client.callTool(
      { name: 'slow', arguments: {} },
      { onprogress: (p) => progress.push(p.message ?? '') },
    );
    expect(progress).toEqual(['step 1', 'step 2', 'step 3']);
    await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
    await vi.waitFor(() => expect(logs).toEqual([{ sum: 3 }]));
    const subscription = await client.listen({ toolsListChanged: true });
    server.sendToolListChanged();
    for await (const notification of subscription) {
      expect(notification.method).toBe('notifications/tools/list_changed');
      break;
    }
  });

  it('reports a server that is not there with an error naming the URL', async () => {
    const client = new Client(
      { name: 'c', version: '1' },
      { discoveryCache: false, protocolVersion: '2026-07-28' },
    );
    const error = await client
      .connect(new StreamableHTTPClientTransport('http://127.0.0.1:1/mcp'))
      .catch((e: unknown) => e);
    expect(SdkError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1/);
  });
});
