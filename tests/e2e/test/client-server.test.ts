import { Client, type ClientOptions } from '@mcpkit/client';
import { createInMemoryTransportPair } from '@mcpkit/jsonrpc';
import { SdkError } from '@mcpkit/protocol';
import { Server } from '@mcpkit/server';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fullServer } from './full-server';

const ERAS = [
  ['stateful (pinned 2025-11-25)', '2025-11-25'],
  ['stateless (pinned 2026-07-28)', '2026-07-28'],
  ['auto (discovers 2026-07-28)', undefined],
] as const;

async function connect<L>(
  server: Server<L>,
  protocolVersion: string | undefined,
  options: ClientOptions = {},
) {
  const [clientSide, serverSide] = createInMemoryTransportPair();
  await server.connect(serverSide);
  const client = new Client(
    { name: 'e2e', version: '1.0.0' },
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
  await client.connect(clientSide);
  onTestFinished(() => client.close());
  return client;
}

describe.each(ERAS)('our client against our server, %s', (_label, pinned) => {
  const expectedEra = pinned === '2025-11-25' ? 'stateful' : 'stateless';

  it('connects, learning the server info, capabilities and instructions', async () => {
    const client = await connect(fullServer(), pinned);
    expect(client.era).toBe(expectedEra);
    expect(client.protocolVersion).toBe(pinned ?? '2026-07-28');
    expect(client.getServerVersion()).toEqual({ name: 'full', version: '2.0.0' });
    expect(client.getServerCapabilities()).toMatchObject({
      tools: { listChanged: true },
      completions: {},
    });
    expect(client.getInstructions()).toBe('Everything you need.');
    await client.ping();
  });

  it('walks every page of tools', async () => {
    const client = await connect(fullServer(), pinned);
    const first = await client.listTools();
    expect(first.tools).toHaveLength(10);
    expect(first.nextCursor).toBeDefined();
    const names: string[] = [];
    for await (const tool of client.iterateTools()) names.push(tool.name);
    expect(names).toHaveLength(29);
    expect(new Set(names).size).toBe(29);
  });

  it('calls tools and checks structured content against the output schema', async () => {
    const client = await connect(fullServer(), pinned);
    await client.listTools();
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result.structuredContent).toEqual({ sum: 5 });
    const error = await client.callTool({ name: 'liar', arguments: {} }).catch((e: unknown) => e);
    expect(SdkError.is(error, 'INVALID_RESULT')).toBe(true);
    expect((error as Error).message).toMatch(
      /"liar" returned structuredContent that does not match its output schema: \/sum/,
    );
    await expect(client.callTool({ name: 'nope' })).rejects.toMatchObject({ code: -32602 });
  });

  it('answers sampling, elicitation (with schema defaults) and roots in either era', async () => {
    const client = await connect(fullServer(), pinned);
    const result = await client.callTool({ name: 'ask', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'Anonymous|sampled|file:///root' }]);
  });

  it('receives progress and log messages for a call', async () => {
    const logs: unknown[] = [];
    const client = await connect(fullServer(), pinned, {
      onLoggingMessage: (m) => logs.push(m.data),
    });
    await client.setLoggingLevel('debug');
    const updates: string[] = [];
    await client.callTool(
      { name: 'slow', arguments: {} },
      { onprogress: (p) => updates.push(p.message ?? '') },
    );
    expect(updates).toEqual(['step 1', 'step 2', 'step 3']);
    await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    await vi.waitFor(() => expect(logs).toEqual([{ sum: 2 }]));
  });

  it('serves resources, templates, prompts and completion', async () => {
    const client = await connect(fullServer(), pinned);
    expect((await client.listResources()).resources).toEqual([{ uri: 'test://a', name: 'A' }]);
    expect((await client.listResourceTemplates()).resourceTemplates[0]?.uriTemplate).toBe(
      'test://item/{id}',
    );
    const read = await client.readResource({ uri: 'test://item/7' });
    expect(read.contents).toEqual([
      { uri: 'test://item/7', mimeType: 'text/plain', text: 'content of test://item/7' },
    ]);
    const prompts = [];
    for await (const prompt of client.iteratePrompts()) prompts.push(prompt.name);
    expect(prompts).toEqual(['greet']);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Ada' } });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello, Ada' });
    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'greet' },
      argument: { name: 'who', value: 'apr' },
    });
    expect(completion.completion.values).toEqual(['apricot']);
  });

  it('refuses methods the server does not declare', async () => {
    const server = new Server(
      { name: 'tools-only', version: '1' },
      { capabilities: { tools: {} } },
    );
    server.setRequestHandler('tools/list', () => ({ tools: [] }));
    const client = await connect(server, pinned);
    await expect(client.listPrompts()).rejects.toThrow(/does not declare the prompts capability/);
  });
});

describe('notifications of changes', () => {
  it('delivers list changes and resource updates in the stateful era', async () => {
    const server = fullServer();
    const seen: string[] = [];
    const client = await connect(server, '2025-11-25', {
      onNotification: (method, params) => seen.push(`${method} ${params?.uri ?? ''}`.trim()),
    });
    await client.subscribeResource('test://a');
    server.sendToolListChanged();
    server.sendResourceUpdated('test://a');
    await vi.waitFor(() =>
      expect(seen).toEqual([
        'notifications/tools/list_changed',
        'notifications/resources/updated test://a',
      ]),
    );
  });

  it('delivers them on a listen stream in the stateless era', async () => {
    const server = fullServer();
    const client = await connect(server, '2026-07-28');
    const subscription = await client.listen({
      toolsListChanged: true,
      resourceSubscriptions: ['test://a'],
    });
    expect(await subscription.acknowledged).toEqual({
      toolsListChanged: true,
      resourceSubscriptions: ['test://a'],
    });
    server.sendPromptListChanged();
    server.sendToolListChanged();
    server.sendResourceUpdated('test://a');
    const got: string[] = [];
    for await (const notification of subscription) {
      got.push(notification.method);
      if (got.length === 2) break;
    }
    expect(got).toEqual(['notifications/tools/list_changed', 'notifications/resources/updated']);
    expect(subscription.closed).toBe(true);
  });
});

describe('cancellation and timeouts through the client', () => {
  it('cancels a call with an AbortSignal and times out a silent one', async () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    const aborted = vi.fn();
    server.setRequestHandler('tools/call', (_params, ctx) => {
      ctx.signal.addEventListener('abort', aborted);
      return new Promise(() => {});
    });
    const client = await connect(server, '2025-11-25');
    const controller = new AbortController();
    const call = client.callTool({ name: 'x' }, { signal: controller.signal });
    controller.abort('changed my mind');
    await expect(call).rejects.toThrow(/cancelled: changed my mind/);
    await vi.waitFor(() => expect(aborted).toHaveBeenCalled());
    await expect(client.callTool({ name: 'x' }, { timeoutMs: 50 })).rejects.toThrow(
      /got no answer .* in \d+ ms/,
    );
  });
});

describe('the result cache (stateless era)', () => {
  it('reuses results while their ttlMs holds, and drops them on a list change', async () => {
    let listed = 0;
    const server = new Server(
      { name: 'cached', version: '1' },
      {
        capabilities: { tools: { listChanged: true } },
        cache: { ttlMs: 60_000, cacheScope: 'private' },
      },
    );
    server.setRequestHandler('tools/list', () => {
      listed++;
      return { tools: [] };
    });
    const client = await connect(server, '2026-07-28', { cache: true });
    await client.listTools();
    await client.listTools();
    expect(listed).toBe(1);
    const subscription = await client.listen({ toolsListChanged: true });
    server.sendToolListChanged();
    for await (const _ of subscription) break;
    await client.listTools();
    expect(listed).toBe(2);
  });
});
