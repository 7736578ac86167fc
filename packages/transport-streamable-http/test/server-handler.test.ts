import http from 'node:http';
import { Server } from '@mcpkit/server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createStreamableHTTPHandler, SseParser } from '../src/index';
import { createMcpHttpServer, type McpHttpServerOptions } from '../src/node';

const V2026 = '2026-07-28';
const META = {
  'io.modelcontextprotocol/protocolVersion': V2026,
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** A server with a quick tool, a tool that streams progress, and one that closes its stream. */
function testServer() {
  const server = new Server(
    { name: 'http-test', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true }, logging: {} } },
  );
  server.setRequestHandler('tools/list', () => ({
    tools: [
      {
        name: 'echo',
        inputSchema: { type: 'object', properties: { message: { type: 'string' } } },
      },
      {
        name: 'tagged',
        inputSchema: {
          type: 'object',
          properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
        },
      },
    ],
  }));
  server.setRequestHandler('tools/call', async (params, ctx) => {
    if (params.name === 'slow') {
      await ctx.reportProgress(1, 2);
      await ctx.log('info', 'half way');
      return { content: [{ type: 'text', text: 'slow done' }] };
    }
    if (params.name === 'roots') {
      const { roots } = await ctx.listRoots();
      return { content: [{ type: 'text', text: roots.map((r) => r.uri).join(',') }] };
    }
    if (params.name === 'reconnect') {
      ctx.closeStream();
      // answer only after the client's stream is gone: the answer must survive in the store
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { content: [{ type: 'text', text: 'answer after the stream closed' }] };
    }
    return {
      content: [
        { type: 'text', text: String(params.arguments?.message ?? params.arguments?.region ?? '') },
      ],
    };
  });
  return server;
}

async function start(options: McpHttpServerOptions = {}) {
  const mcp = createMcpHttpServer(testServer(), options);
  const url = await mcp.listen(0, '127.0.0.1');
  onTestFinished(() => mcp.close());
  return { mcp, url };
}

const JSON_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
};

function post(url: URL, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  });
}

/** Reads an SSE response until `count` messages arrived (or the stream ends). */
async function readEvents(response: Response, count = Number.POSITIVE_INFINITY) {
  const events: Array<{ id?: string; data: unknown }> = [];
  let retry: number | undefined;
  const parser = new SseParser({
    onEvent: (e) => events.push({ id: e.id, data: e.data ? JSON.parse(e.data) : '' }),
    onRetry: (ms) => {
      retry = ms;
    },
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  while (events.filter((e) => e.data !== '').length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  await reader.cancel();
  return { events, retry };
}

async function initialize(url: URL, capabilities: Record<string, unknown> = {}) {
  const response = await post(url, {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities,
      clientInfo: { name: 't', version: '1' },
    },
  });
  const sessionId = response.headers.get('mcp-session-id') as string;
  await response.body?.cancel();
  const initialized = await post(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { 'Mcp-Session-Id': sessionId },
  );
  expect(initialized.status).toBe(202);
  return sessionId;
}

describe('the stateful era over HTTP', () => {
  it('runs a session from initialize to DELETE, then answers 404 for it', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    expect(sessionId).toMatch(/^[\x21-\x7e]{16,}$/);
    const call = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'echo', arguments: { message: 'hi' } },
      },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(call.status).toBe(200);
    expect(await call.json()).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: 'hi' }] },
    });
    const deleted = await fetch(url, {
      method: 'DELETE',
      headers: { 'Mcp-Session-Id': sessionId },
    });
    expect(deleted.status).toBe(200);
    const after = await post(
      url,
      { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({
      error: { code: -32001, message: expect.stringContaining('initialize a new session') },
    });
  });

  it('refuses a request without a session id with 400, saying what to send', async () => {
    const { url } = await start();
    const response = await post(url, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('Mcp-Session-Id header is required') },
    });
  });

  it('streams progress and logs before the answer on the request own stream', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    const response = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 5,
        method: 'tools/call',
        params: { name: 'slow', _meta: { progressToken: 'p1' } },
      },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const { events } = await readEvents(response, 3);
    expect(
      events.map(
        (e) =>
          (e.data as { method?: string; id?: number }).method ?? (e.data as { id?: number }).id,
      ),
    ).toEqual(['notifications/progress', 'notifications/message', 5]);
  });

  it('resumes a dropped stream from the event store with nothing lost', async () => {
    const { InMemoryEventStore } = await import('../src/index');
    const { url } = await start({ eventStore: new InMemoryEventStore(), retryIntervalMs: 50 });
    const sessionId = await initialize(url);
    const response = await post(
      url,
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'reconnect' } },
      { 'Mcp-Session-Id': sessionId },
    );
    const first = await readEvents(response);
    // the stream opened with a priming event and the retry delay, then ended without the answer
    expect(first.retry).toBe(50);
    expect(first.events).toEqual([{ id: expect.any(String), data: '' }]);
    const resumed = await fetch(url, {
      headers: {
        Accept: 'text/event-stream',
        'Mcp-Session-Id': sessionId,
        'Last-Event-ID': first.events[0]?.id as string,
      },
    });
    expect(resumed.status).toBe(200);
    const { events } = await readEvents(resumed, 1);
    expect(events.find((e) => e.data !== '')?.data).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: { content: [{ type: 'text', text: 'answer after the stream closed' }] },
    });
  });

  it('with JSON responses, sends a request to the client on the GET stream, even one opened later', async () => {
    const { url } = await start({ jsonResponse: true });
    const sessionId = await initialize(url, { roots: {} });
    const headers = { 'Mcp-Session-Id': sessionId };
    // the tool asks the client for its roots before any GET stream is open
    const call = post(
      url,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'roots' } },
      headers,
    );
    const get = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
    });
    expect(get.status).toBe(200);
    const { events } = await readEvents(get, 1);
    const ask = events.find((e) => e.data !== '')?.data as { id: number; method: string };
    expect(ask.method).toBe('roots/list');
    const answered = await post(
      url,
      { jsonrpc: '2.0', id: ask.id, result: { roots: [{ uri: 'file:///work' }] } },
      headers,
    );
    expect(answered.status).toBe(202);
    const response = await call;
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      id: 2,
      result: { content: [{ text: 'file:///work' }] },
    });
  });

  it('allows one standalone GET stream per session (409 for a second)', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    const first = await fetch(url, {
      headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId },
    });
    expect(first.status).toBe(200);
    const second = await fetch(url, {
      headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId },
    });
    expect(second.status).toBe(409);
    await first.body?.cancel();
  });
});

describe('the stateless era over HTTP', () => {
  const headers2026 = (method: string, name?: string) => ({
    'MCP-Protocol-Version': V2026,
    'Mcp-Method': method,
    ...(name === undefined ? {} : { 'Mcp-Name': name }),
  });

  it('serves both eras on one endpoint', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    const stateful = await post(
      url,
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(await stateful.json()).not.toHaveProperty('result.resultType');
    const stateless = await post(
      url,
      { jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: META } },
      headers2026('tools/list'),
    );
    expect(stateless.status).toBe(200);
    expect(await stateless.json()).toMatchObject({
      id: 3,
      result: { resultType: 'complete', ttlMs: 0, cacheScope: 'private' },
    });
  });

  it.each([
    [
      'a mismatched Mcp-Method',
      { method: 'tools/list', params: { _meta: META } },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'prompts/list' },
      400,
      -32020,
    ],
    [
      'a missing Mcp-Method',
      { method: 'tools/list', params: { _meta: META } },
      { 'MCP-Protocol-Version': V2026 },
      400,
      -32020,
    ],
    [
      'a missing Mcp-Name',
      { method: 'tools/call', params: { name: 'echo', _meta: META } },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'tools/call' },
      400,
      -32020,
    ],
    [
      'a header version that disagrees with _meta',
      { method: 'tools/list', params: { _meta: META } },
      { 'MCP-Protocol-Version': '2030-01-01', 'Mcp-Method': 'tools/list' },
      400,
      -32020,
    ],
    [
      'an unsupported version',
      {
        method: 'tools/list',
        params: { _meta: { ...META, 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' } },
      },
      { 'MCP-Protocol-Version': 'v999.0.0', 'Mcp-Method': 'tools/list' },
      400,
      -32022,
    ],
    [
      'a 2026 header without _meta',
      { method: 'tools/list', params: {} },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'tools/list' },
      400,
      -32602,
    ],
    [
      'a removed method',
      { method: 'ping', params: { _meta: META } },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'ping' },
      404,
      -32601,
    ],
    [
      'a missing Mcp-Param header',
      {
        method: 'tools/call',
        params: { name: 'tagged', arguments: { region: 'eu' }, _meta: META },
      },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'tools/call', 'Mcp-Name': 'tagged' },
      400,
      -32020,
    ],
  ])(
    'refuses %s with the right status and code, echoing the id',
    async (_label, body, headers, status, code) => {
      const { url } = await start();
      const response = await post(url, { jsonrpc: '2.0', id: 41, ...body }, headers);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({ id: 41, error: { code } });
    },
  );

  it('accepts header names in any case, values with whitespace, and base64-wrapped Mcp-Param values', async () => {
    const { url } = await start();
    const response = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 9,
        method: 'tools/call',
        params: { name: 'tagged', arguments: { region: ' eu ' }, _meta: META },
      },
      {
        'mcp-protocol-version': V2026,
        'MCP-METHOD': 'tools/call',
        'mcp-name': '  tagged  ',
        'Mcp-Param-Region': `=?base64?${btoa(' eu ')}?=`,
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ text: ' eu ' }] } });
  });

  it('keeps a listen stream open with the acknowledgement first, tagged with the subscription', async () => {
    const server = testServer();
    const mcp = createMcpHttpServer(server);
    const url = await mcp.listen(0, '127.0.0.1');
    onTestFinished(() => mcp.close());
    const listen = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 1700000000000,
        method: 'subscriptions/listen',
        params: { _meta: META, notifications: { toolsListChanged: true } },
      },
      headers2026('subscriptions/listen'),
    );
    expect(listen.headers.get('content-type')).toBe('text/event-stream');
    // the response started with its first message, the acknowledgement: the listener is in place
    const reading = readEvents(listen, 2);
    server.sendToolListChanged();
    const { events } = await reading;
    expect(events.map((e) => (e.data as { method: string }).method)).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/tools/list_changed',
    ]);
    for (const e of events)
      expect(e.data).toHaveProperty(
        ['params', '_meta', 'io.modelcontextprotocol/subscriptionId'],
        1700000000000,
      );
  });
});

describe('protection', () => {
  it('refuses a foreign Host or Origin on a loopback server, and accepts its own', async () => {
    const { url } = await start();
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'c', version: '1' },
      },
    };
    const evil = await rawRequest(
      url,
      { Host: 'evil.example.com', Origin: 'http://evil.example.com' },
      JSON.stringify(init),
    );
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({
      error: { message: expect.stringContaining('DNS rebinding') },
    });
    const good = await rawRequest(
      url,
      { Host: url.host, Origin: `http://${url.host}` },
      JSON.stringify(init),
    );
    expect(good.status).toBe(200);
  });

  it('refuses a declared oversize body before reading it, and an oversize streamed one', async () => {
    const { url } = await start({ maxBodyBytes: 1000 });
    const declared = await rawRequest(url, { 'Content-Length': '5000' }, '', { declareOnly: true });
    expect(declared.status).toBe(413);
    const streamed = await post(url, {
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
      params: { pad: 'x'.repeat(5000) },
    });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({
      error: { message: expect.stringContaining('1000-byte limit') },
    });
  });

  it.each([
    ['malformed JSON', '{not json', 'application/json', 400, -32700],
    ['a batch', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', 'application/json', 400, -32600],
    ['a non-object body', '"hello"', 'application/json', 400, -32600],
    ['a wrong Content-Type', '{}', 'text/plain', 415, -32000],
  ])('answers %s with a JSON-RPC error body', async (_label, body, contentType, status, code) => {
    const { url } = await start();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Accept: 'application/json' },
      body,
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code } });
  });

  it('answers other methods with 405 and oversize headers with 431, both as JSON', async () => {
    const { url } = await start();
    const put = await fetch(url, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, DELETE');
    const huge = await rawRequest(url, { 'X-Big': 'x'.repeat(40_000) }, '{}');
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({
      error: { message: expect.stringContaining('too large') },
    });
  });

  it('runs the authentication hook on every request, not only initialize', async () => {
    let calls = 0;
    const { url } = await start({
      authenticate: (request) => {
        calls++;
        if (request.headers.get('authorization') !== 'Bearer ok') {
          return new Response(JSON.stringify({ error: 'unauthorized' }), {
            status: 401,
            headers: { 'WWW-Authenticate': 'Bearer' },
          });
        }
        return { token: 'ok', clientId: 'c', scopes: [] };
      },
    });
    const refused = await post(
      url,
      { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: META } },
      { Authorization: 'Bearer no' },
    );
    expect(refused.status).toBe(401);
    const ok = await post(
      url,
      { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: META } },
      { Authorization: 'Bearer ok', 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'tools/list' },
    );
    expect(ok.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('answers CORS preflights with every MCP header allowed and exposed', async () => {
    const { url } = await start({ cors: true, allowedHosts: 'any' });
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'mcp-param-region, mcp-method',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'mcp-param-region, mcp-method',
    );
    expect(preflight.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id');
  });

  it('keeps serving other sessions when one client sends garbage', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    await fetch(url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'Mcp-Session-Id': sessionId },
      body: '{"broken',
    });
    const call = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'echo', arguments: { message: 'fine' } },
      },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(await call.json()).toMatchObject({ result: { content: [{ text: 'fine' }] } });
  });
});

describe('bodies that are too big or too slow', () => {
  /** Sends headers and `chunks` of a body it never finishes; resolves with the answer. */
  function unfinishedBody(url: URL, headers: Record<string, string>, chunks: string[]) {
    return new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: Number(url.port),
          path: url.pathname,
          method: 'POST',
          headers: { ...JSON_HEADERS, ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: text,
              connection: res.headers.connection,
            }),
          );
        },
      );
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
    });
  }

  it('refuses a chunked body once it passes the limit, with a 413 the client can read', async () => {
    const { url } = await start({ maxBodyBytes: 1000 });
    const answer = await unfinishedBody(url, { 'Transfer-Encoding': 'chunked' }, [
      `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"${'x'.repeat(700)}`,
      'y'.repeat(700),
    ]);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: -32000, message: expect.stringContaining('1000-byte limit') },
    });
  });

  it('answers a stalled body with 408 while other sessions keep being served', async () => {
    const { url } = await start({ bodyTimeoutMs: 300 });
    const sessionId = await initialize(url);
    const stalled = unfinishedBody(url, { 'Content-Length': '500' }, ['{"jsonrpc":"2.0",']);
    const call = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'echo', arguments: { message: 'unaffected' } },
      },
      { 'Mcp-Session-Id': sessionId },
    );
    expect(await call.json()).toMatchObject({ result: { content: [{ text: 'unaffected' }] } });
    const answer = await stalled;
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { message: expect.stringContaining('stalled for 300 ms') },
    });
  });
});

describe('the web-standard handler (no Node adapter)', () => {
  const handler = createStreamableHTTPHandler(testServer());

  function webPost(body: unknown, headers: Record<string, string> = {}) {
    return handler.handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { ...JSON_HEADERS, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  it('runs a stateful session and streams progress before the answer', async () => {
    const init = await webPost({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'w', version: '1' },
      },
    });
    expect(init.status).toBe(200);
    const sessionId = init.headers.get('mcp-session-id') as string;
    expect(await init.json()).toMatchObject({ result: { protocolVersion: '2025-11-25' } });
    const slow = await webPost(
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'slow', _meta: { progressToken: 'p' } },
      },
      { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': '2025-11-25' },
    );
    expect(slow.headers.get('content-type')).toBe('text/event-stream');
    const { events } = await readEvents(slow, 3);
    expect(events.map((e) => (e.data as { method?: string }).method ?? 'answer')).toEqual([
      'notifications/progress',
      'notifications/message',
      'answer',
    ]);
    const gone = await handler.handle(
      new Request('http://localhost/mcp', {
        method: 'DELETE',
        headers: { 'Mcp-Session-Id': sessionId },
      }),
    );
    expect(gone.status).toBe(200);
  });

  it('serves a 2026-07-28 request and refuses an oversize streamed body with 413', async () => {
    const answer = await webPost(
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'echo', arguments: { message: 'web' }, _meta: META },
      },
      { 'MCP-Protocol-Version': V2026, 'Mcp-Method': 'tools/call', 'Mcp-Name': 'echo' },
    );
    expect(await answer.json()).toMatchObject({
      result: { content: [{ text: 'web' }], resultType: 'complete' },
    });
    const big = new TextEncoder().encode(`{"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    const oversize = await handler.handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(big);
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    );
    expect(oversize.status).toBe(413);
    expect(await oversize.json()).toMatchObject({
      error: { message: expect.stringContaining('limit') },
    });
  });
});

/** A raw HTTP request (fetch forbids setting Host and some framing headers). */
function rawRequest(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { declareOnly?: boolean } = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (options.declareOnly) req.flushHeaders();
    else req.end(body);
  });
}
