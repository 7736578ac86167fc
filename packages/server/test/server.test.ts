import { ErrorCode, type McpError, SdkError } from '@mcpkit/protocol';
import { describe, expect, it, vi } from 'vitest';
import { paginate, Server } from '../src/index';
import { deferred, initialize, meta, rawPeer, V2026 } from './helpers';

function demoServer() {
  const server = new Server(
    { name: 'demo', version: '1.2.3', title: 'Demo' },
    {
      capabilities: {
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: 'Use echo to echo.',
    },
  );
  server.setRequestHandler('tools/list', () => ({
    tools: [{ name: 'echo', description: 'Echoes', inputSchema: { type: 'object' } }],
  }));
  server.setRequestHandler('tools/call', async (params, ctx) => {
    await ctx.log('info', `calling ${params.name}`);
    await ctx.reportProgress(1, 1);
    return { content: [{ type: 'text', text: String(params.arguments?.message ?? '') }] };
  });
  server.setRequestHandler('prompts/list', () => ({ prompts: [] }));
  server.setRequestHandler('resources/list', () => ({ resources: [] }));
  server.setRequestHandler('resources/read', (params) => ({
    contents: [{ uri: params.uri, text: 'x' }],
  }));
  server.setRequestHandler('completion/complete', () => ({ completion: { values: ['a'] } }));
  return server;
}

describe('the stateful era', () => {
  it('negotiates the version, and answers with capabilities, server info and instructions', async () => {
    const { peer } = await rawPeer(demoServer());
    const result = await initialize(peer, {}, '2025-03-26');
    expect(result).toEqual({
      protocolVersion: '2025-03-26',
      capabilities: expect.objectContaining({ tools: { listChanged: true }, logging: {} }),
      serverInfo: { name: 'demo', version: '1.2.3', title: 'Demo' },
      instructions: 'Use echo to echo.',
    });
  });

  it('answers an unknown version with the newest stateful one', async () => {
    const { peer } = await rawPeer(demoServer());
    expect((await initialize(peer, {}, '1999-01-01')).protocolVersion).toBe('2025-11-25');
    const again = await rawPeer(demoServer());
    // the stateless revision is never negotiated through initialize
    expect((await initialize(again.peer, {}, V2026)).protocolVersion).toBe('2025-11-25');
  });

  it('serves ping, tools and results without stateless decorations', async () => {
    const { peer } = await rawPeer(demoServer());
    await initialize(peer);
    expect(await peer.request('ping')).toEqual({});
    const result = await peer.request('tools/call', { name: 'echo', arguments: { message: 'hi' } });
    expect(result).toEqual({ content: [{ type: 'text', text: 'hi' }] });
  });

  it('filters log messages by the level the client set', async () => {
    const { peer, notifications } = await rawPeer(demoServer());
    await initialize(peer);
    await peer.request('tools/call', { name: 'echo', arguments: {} });
    expect(notifications.filter((n) => n.method === 'notifications/message')).toHaveLength(1);
    await peer.request('logging/setLevel', { level: 'error' });
    await peer.request('tools/call', { name: 'echo', arguments: {} });
    expect(notifications.filter((n) => n.method === 'notifications/message')).toHaveLength(1);
  });

  it('reports progress under the caller token', async () => {
    const { peer } = await rawPeer(demoServer());
    await initialize(peer);
    const updates: unknown[] = [];
    await peer.request(
      'tools/call',
      { name: 'echo', arguments: {} },
      { onprogress: (p) => updates.push(p) },
    );
    expect(updates).toEqual([{ progress: 1, total: 1 }]);
  });

  it('tracks resource subscriptions and notifies only subscribers', async () => {
    const server = demoServer();
    const a = await rawPeer(server);
    const b = await rawPeer(server);
    await initialize(a.peer);
    await initialize(b.peer);
    await a.peer.request('resources/subscribe', { uri: 'test://x' });
    server.sendResourceUpdated('test://x');
    await vi.waitFor(() =>
      expect(a.notifications).toContainEqual({
        method: 'notifications/resources/updated',
        params: { uri: 'test://x' },
      }),
    );
    await a.peer.request('resources/unsubscribe', { uri: 'test://x' });
    server.sendResourceUpdated('test://x');
    server.sendToolListChanged();
    await vi.waitFor(() =>
      expect(b.notifications.map((n) => n.method)).toContain('notifications/tools/list_changed'),
    );
    expect(b.notifications.map((n) => n.method)).not.toContain('notifications/resources/updated');
    expect(
      a.notifications.filter((n) => n.method === 'notifications/resources/updated'),
    ).toHaveLength(1);
  });

  it('asks the client for input with server-to-client requests', async () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    server.setRequestHandler('tools/call', async (_params, ctx) => {
      const answer = await ctx.elicit({
        message: 'Name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
      });
      const roots = await ctx.listRoots();
      return { content: [{ type: 'text', text: `${answer.content?.name} ${roots.roots.length}` }] };
    });
    const { peer } = await rawPeer(server);
    peer.setRequestHandler('elicitation/create', () => ({
      action: 'accept',
      content: { name: 'Ada' },
    }));
    peer.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///a' }] }));
    await initialize(peer, { elicitation: {}, roots: {} });
    expect(await peer.request('tools/call', { name: 't' })).toEqual({
      content: [{ type: 'text', text: 'Ada 1' }],
    });
  });

  it('refuses to ask a client that did not declare the capability', async () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    server.setRequestHandler('tools/call', async (_params, ctx) => {
      await ctx.createMessage({ messages: [], maxTokens: 10 });
      return { content: [] };
    });
    const failures: Error[] = [];
    const { peer, session } = await rawPeer(server);
    session.onerror = (e) => failures.push(e);
    await initialize(peer, {});
    const error = (await peer
      .request('tools/call', { name: 't' })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(failures[0]?.message).toMatch(/did not declare the "sampling" capability/);
  });
});

describe('the stateless era', () => {
  it('decorates every result with resultType, server info and cache hints', async () => {
    const { peer } = await rawPeer(demoServer());
    const result = await peer.request('tools/list', { _meta: meta() });
    expect(result).toEqual({
      tools: [expect.objectContaining({ name: 'echo' })],
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: {
        'io.modelcontextprotocol/serverInfo': { name: 'demo', version: '1.2.3', title: 'Demo' },
      },
    });
    const call = (await peer.request('tools/call', {
      name: 'echo',
      arguments: { message: 'x' },
      _meta: meta(),
    })) as Record<string, unknown>;
    expect(call.resultType).toBe('complete');
    expect(call.ttlMs).toBeUndefined();
  });

  it('answers server/discover with versions, capabilities and instructions', async () => {
    const { peer } = await rawPeer(demoServer());
    expect(await peer.request('server/discover', { _meta: meta() })).toMatchObject({
      supportedVersions: [V2026],
      capabilities: { tools: { listChanged: true } },
      instructions: 'Use echo to echo.',
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
    });
  });

  it.each([
    ['missing _meta', { cursor: undefined }, -32602],
    [
      '_meta without a protocol version',
      { _meta: { 'io.modelcontextprotocol/clientCapabilities': {} } },
      -32602,
    ],
    [
      '_meta without client capabilities',
      { _meta: { 'io.modelcontextprotocol/protocolVersion': V2026 } },
      -32602,
    ],
    [
      'an invalid log level',
      { _meta: meta({ 'io.modelcontextprotocol/logLevel': 'loud' }) },
      -32602,
    ],
  ])('refuses a request with %s', async (_label, params, code) => {
    const { peer } = await rawPeer(demoServer());
    const method = 'tools/list';
    const body =
      'cursor' in params
        ? { _meta: { 'io.modelcontextprotocol/clientInfo': { name: 'x', version: '1' } } }
        : params;
    const error = (await peer.request(method, body).catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/_meta/);
  });

  it('refuses an unsupported version with the supported list', async () => {
    const { peer } = await rawPeer(demoServer());
    const error = (await peer
      .request('tools/list', {
        _meta: meta({ 'io.modelcontextprotocol/protocolVersion': '2030-01-01' }),
      })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(-32022);
    expect(error.data).toEqual({ requested: '2030-01-01', supported: [V2026] });
  });

  it.each([
    'initialize',
    'ping',
    'logging/setLevel',
    'resources/subscribe',
    'resources/unsubscribe',
  ])('answers the removed method %s with -32601', async (method) => {
    const { peer } = await rawPeer(demoServer());
    const params: Record<string, unknown> = { _meta: meta(), uri: 'test://x', level: 'info' };
    if (method === 'initialize')
      Object.assign(params, {
        protocolVersion: V2026,
        capabilities: {},
        clientInfo: { name: 'c', version: '1' },
      });
    const error = (await peer.request(method, params).catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.MethodNotFound);
  });

  it('sends logs only when the request asks for a level, and at or above it', async () => {
    const { peer, notifications } = await rawPeer(demoServer());
    await peer.request('tools/call', { name: 'echo', arguments: {}, _meta: meta() });
    expect(notifications.filter((n) => n.method === 'notifications/message')).toHaveLength(0);
    await peer.request('tools/call', {
      name: 'echo',
      arguments: {},
      _meta: meta({ 'io.modelcontextprotocol/logLevel': 'warning' }),
    });
    expect(notifications.filter((n) => n.method === 'notifications/message')).toHaveLength(0);
    await peer.request('tools/call', {
      name: 'echo',
      arguments: {},
      _meta: meta({ 'io.modelcontextprotocol/logLevel': 'debug' }),
    });
    await vi.waitFor(() =>
      expect(notifications.filter((n) => n.method === 'notifications/message')).toHaveLength(1),
    );
  });

  it('serves stateful and stateless requests on one connection', async () => {
    const { peer } = await rawPeer(demoServer());
    await initialize(peer);
    expect(await peer.request('tools/list', {})).not.toHaveProperty('resultType');
    expect(await peer.request('tools/list', { _meta: meta() })).toHaveProperty(
      'resultType',
      'complete',
    );
  });
});

describe('subscriptions/listen', () => {
  it('acknowledges first, then carries only the requested notifications, tagged with the subscription', async () => {
    const server = demoServer();
    const { peer, notifications } = await rawPeer(server);
    const id = peer.nextRequestId;
    const controller = new AbortController();
    const done = peer
      .request(
        'subscriptions/listen',
        {
          _meta: meta(),
          notifications: { toolsListChanged: true, resourceSubscriptions: ['test://a'] },
        },
        { signal: controller.signal, timeoutMs: Number.POSITIVE_INFINITY },
      )
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(notifications).toHaveLength(1));
    expect(notifications[0]).toEqual({
      method: 'notifications/subscriptions/acknowledged',
      params: {
        notifications: { toolsListChanged: true, resourceSubscriptions: ['test://a'] },
        _meta: { 'io.modelcontextprotocol/subscriptionId': id },
      },
    });
    server.sendPromptListChanged();
    server.sendToolListChanged();
    server.sendResourceUpdated('test://b');
    server.sendResourceUpdated('test://a');
    await vi.waitFor(() => expect(notifications).toHaveLength(3));
    expect(notifications.slice(1)).toEqual([
      {
        method: 'notifications/tools/list_changed',
        params: { _meta: { 'io.modelcontextprotocol/subscriptionId': id } },
      },
      {
        method: 'notifications/resources/updated',
        params: { uri: 'test://a', _meta: { 'io.modelcontextprotocol/subscriptionId': id } },
      },
    ]);
    controller.abort('done');
    expect(SdkError.is(await done, 'REQUEST_CANCELLED')).toBe(true);
    await vi.waitFor(() => expect(peer.pendingRequestCount).toBe(0));
  });

  it('ends listen streams with a result when the server shuts down', async () => {
    const server = demoServer();
    const { peer, notifications } = await rawPeer(server);
    const id = peer.nextRequestId;
    const done = peer.request(
      'subscriptions/listen',
      { _meta: meta(), notifications: {} },
      { timeoutMs: Number.POSITIVE_INFINITY },
    );
    await vi.waitFor(() => expect(notifications).toHaveLength(1));
    const closing = server.close();
    expect(await done).toMatchObject({
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/subscriptionId': id },
    });
    await closing;
  });
});

describe('registration', () => {
  it('lists tool definitions for transports, and forgets them when tools/list changes hands', async () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    const tool = { name: 'a', inputSchema: { type: 'object' as const } };
    server.setRequestHandler('tools/list', () => ({ tools: [tool] }));
    expect(await server.getToolDefinitions()).toEqual([tool]);
    server.removeRequestHandler('tools/list');
    expect(await server.getToolDefinitions()).toEqual([]);
  });

  it('refuses a handler for a capability the server did not declare, saying what to declare', () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    expect(() => server.setRequestHandler('prompts/list', () => ({ prompts: [] }))).toThrow(
      /does not declare the prompts capability; pass capabilities: \{ prompts: \{\} \}/,
    );
    server.registerCapabilities({ prompts: {} });
    expect(() => server.setRequestHandler('prompts/list', () => ({ prompts: [] }))).not.toThrow();
  });

  it('never overwrites declared capabilities when more are registered', () => {
    const server = new Server(
      { name: 's', version: '1' },
      { capabilities: { tools: { listChanged: false } } },
    );
    server.registerCapabilities({ tools: { listChanged: true }, prompts: { listChanged: true } });
    expect(server.getCapabilities()).toEqual({
      tools: { listChanged: false },
      prompts: { listChanged: true },
    });
  });

  it('serves handlers added and removed after clients connected', async () => {
    const server = new Server(
      { name: 's', version: '1' },
      { capabilities: { tools: {}, prompts: {} } },
    );
    const { peer } = await rawPeer(server);
    await initialize(peer);
    await expect(peer.request('prompts/list')).rejects.toMatchObject({ code: -32601 });
    server.setRequestHandler('prompts/list', () => ({ prompts: [] }));
    expect(await peer.request('prompts/list')).toEqual({ prompts: [] });
    server.removeRequestHandler('prompts/list');
    await expect(peer.request('prompts/list')).rejects.toMatchObject({ code: -32601 });
  });

  it('validates params of spec methods before the handler runs', async () => {
    const server = demoServer();
    const { peer } = await rawPeer(server);
    const error = (await peer
      .request('tools/call', { name: 42 })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/name/);
  });
});

describe('lifespan', () => {
  it('starts once before serving, is visible to handlers, and stops on close', async () => {
    const events: string[] = [];
    const server = new Server(
      { name: 's', version: '1' },
      {
        capabilities: { tools: {} },
        lifespan: async function* () {
          events.push('start');
          try {
            yield { db: 'connected' as const };
          } finally {
            events.push('stop');
          }
        },
      },
    );
    server.setRequestHandler('tools/call', (_params, ctx) => ({
      content: [{ type: 'text', text: ctx.lifespan.db }],
    }));
    const { peer } = await rawPeer(server);
    await rawPeer(server);
    await initialize(peer);
    expect(await peer.request('tools/call', { name: 'x' })).toEqual({
      content: [{ type: 'text', text: 'connected' }],
    });
    expect(events).toEqual(['start']);
    await server.close();
    expect(events).toEqual(['start', 'stop']);
  });

  it('accepts a plain function and reports a generator that never yields', async () => {
    const plain = new Server({ name: 's', version: '1' }, { lifespan: () => 42 });
    await plain.start();
    expect(plain.lifespanContext).toBe(42);
    const broken = new Server({ name: 's', version: '1' }, { lifespan: async function* () {} });
    await expect(broken.start()).rejects.toThrow(/without yielding/);
    expect(() => new Server({ name: 's', version: '1' }).lifespanContext).toThrow(
      /has not started/,
    );
  });
});

describe('paginate', () => {
  it('walks every item exactly once and refuses foreign cursors', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = paginate(items, cursor, 3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items);
    expect(() => paginate(items, 'garbage', 3)).toThrow(/cursor was not issued/);
  });
});

describe('cancellation', () => {
  it('aborts the handler signal when the client cancels', async () => {
    const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {} } });
    const aborted = deferred<unknown>();
    const started = deferred();
    server.setRequestHandler('tools/call', (_p, ctx) => {
      ctx.signal.addEventListener('abort', () => aborted.resolve(ctx.signal.reason));
      started.resolve();
      return new Promise(() => {});
    });
    const { peer } = await rawPeer(server);
    await initialize(peer);
    const controller = new AbortController();
    const call = peer
      .request('tools/call', { name: 'x' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    await started.promise;
    controller.abort('stop');
    expect(await aborted.promise).toBe('stop');
    expect(SdkError.is(await call, 'REQUEST_CANCELLED')).toBe(true);
  });
});
