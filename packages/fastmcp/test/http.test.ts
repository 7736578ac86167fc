import type { AuthInfo } from '@mcpkit/jsonrpc';
import type { LoggingMessageNotificationParams } from '@mcpkit/protocol';
import { SdkError } from '@mcpkit/protocol';
import express from 'express';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { FastMCP, lifecycle } from '../src/index';
import { captureLogger, deferred, ERAS } from './helpers/harness';
import {
  httpClient,
  listen,
  messagesOf,
  postHeaders,
  STATELESS_META,
  statelessHeaders,
} from './helpers/http';

function echoServer(options: ConstructorParameters<typeof FastMCP>[1] = {}) {
  const mcp = new FastMCP('echo', { logLevel: 'silent', ...options });
  mcp.tool('echo', { input: { message: z.string() } }, async ({ message }, ctx) => {
    await ctx.info(`echoing ${message}`);
    return message;
  });
  mcp.tool('ask_name', async (_args, ctx) => {
    const answer = await ctx.elicit('Your name?', { name: z.string() });
    return answer.action === 'accept' ? `hello ${answer.content.name}` : answer.action;
  });
  mcp.resource('echo://{message}', ({ message }) => `Resource echo: ${message}`);
  onTestFinished(() => mcp.close());
  return mcp;
}

function initializeBody(id = 1) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    },
  };
}

describe.each(ERAS)('Streamable HTTP in protocol %s', (era) => {
  it('serves a server mounted in Express at /echo on /echo/mcp', async () => {
    const mcp = echoServer();
    const app = express();
    app.use('/echo', mcp.streamableHttpApp());
    const base = await listen(app);
    const logs: LoggingMessageNotificationParams[] = [];
    const client = await httpClient(new URL('/echo/mcp', base), era, {
      onLoggingMessage: (m) => logs.push(m),
      elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }),
    });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['echo', 'ask_name']);
    await client.setLoggingLevel('info');
    const result = await client.callTool({ name: 'echo', arguments: { message: 'over http' } });
    expect(result.content).toEqual([{ type: 'text', text: 'over http' }]);
    expect(logs).toEqual([{ level: 'info', data: 'echoing over http' }]);
    expect((await client.callTool({ name: 'ask_name' })).content).toEqual([
      { type: 'text', text: 'hello Ada' },
    ]);
    expect((await client.readResource({ uri: 'echo://hi' })).contents).toEqual([
      { uri: 'echo://hi', mimeType: 'text/plain', text: 'Resource echo: hi' },
    ]);
  });

  it('checks bearer tokens and hands the verified caller to handlers as ctx.authInfo', async () => {
    const mcp = new FastMCP('guarded', {
      logLevel: 'silent',
      auth: {
        verifyToken: (token) =>
          token === 'good' ? { token, clientId: 'client-1', scopes: ['mcp:read'] } : undefined,
        requiredScopes: ['mcp:read'],
      },
    });
    const seen: Array<AuthInfo | undefined> = [];
    mcp.tool('whoami', (_args, ctx) => {
      seen.push(ctx.authInfo);
      return ctx.authInfo?.clientId ?? 'anonymous';
    });
    onTestFinished(() => mcp.close());
    const base = await listen(mcp.streamableHttpApp());
    const client = await httpClient(
      new URL('/mcp', base),
      era,
      {},
      { Authorization: 'Bearer good' },
    );
    expect((await client.callTool({ name: 'whoami' })).content).toEqual([
      { type: 'text', text: 'client-1' },
    ]);
    expect(seen[0]).toMatchObject({ token: 'good', clientId: 'client-1', scopes: ['mcp:read'] });
  });
});

describe('streamableHttpApp()', () => {
  it('lets other paths fall through to the Express app', async () => {
    const mcp = echoServer();
    const app = express();
    app.use('/echo', mcp.streamableHttpApp());
    app.get('/echo/health', (_req, res) => {
      res.json({ ok: true, where: 'echo health' });
    });
    app.get('/status', (_req, res) => {
      res.type('text').send('app status');
    });
    const base = await listen(app);
    const health = await fetch(new URL('/echo/health', base));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, where: 'echo health' });
    expect(await (await fetch(new URL('/status', base))).text()).toBe('app status');
    expect((await fetch(new URL('/echo/nothing', base))).status).toBe(404);
  });

  it('answers other paths with a JSON 404 when used without Express', async () => {
    const mcp = echoServer();
    const base = await listen(mcp.streamableHttpApp());
    const response = await fetch(new URL('/elsewhere', base), {
      method: 'POST',
      headers: postHeaders(),
      body: JSON.stringify(initializeBody()),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32000, message: expect.stringMatching(/\/mcp/) },
    });
  });

  it('serves the path from the streamableHttpPath setting', async () => {
    const mcp = echoServer({ streamableHttpPath: '/api/v1/mcp' });
    const base = await listen(mcp.streamableHttpApp());
    const client = await httpClient(new URL('/api/v1/mcp', base), '2026-07-28');
    expect((await client.callTool({ name: 'echo', arguments: { message: 'x' } })).content).toEqual([
      { type: 'text', text: 'x' },
    ]);
    expect((await fetch(new URL('/mcp', base), { method: 'POST' })).status).toBe(404);
  });

  it('works behind express.json(), which has already read the body', async () => {
    const mcp = echoServer();
    const app = express();
    app.use(express.json());
    app.use('/echo', mcp.streamableHttpApp());
    const base = await listen(app);
    for (const era of ERAS) {
      const client = await httpClient(new URL('/echo/mcp', base), era);
      expect(
        (await client.callTool({ name: 'echo', arguments: { message: era } })).content,
      ).toEqual([{ type: 'text', text: era }]);
    }
  });

  it('serves two servers in one app, started and closed together by lifecycle()', async () => {
    const events: string[] = [];
    const lifespanOf = (name: string) =>
      async function* () {
        events.push(`${name} up`);
        try {
          yield { name };
        } finally {
          events.push(`${name} down`);
        }
      };
    const echo = new FastMCP('echo', { logLevel: 'silent', lifespan: lifespanOf('echo') });
    echo.tool(
      'echo',
      { input: { text: z.string() } },
      ({ text }, ctx) => `${ctx.lifespan.name}: ${text}`,
    );
    const math = new FastMCP('math', { logLevel: 'silent', lifespan: lifespanOf('math') });
    math.tool('add', { input: { a: z.number(), b: z.number() } }, ({ a, b }) => a + b);
    const both = lifecycle(echo, math);
    onTestFinished(() => both.close());
    await both.start();
    expect(events.sort()).toEqual(['echo up', 'math up']);

    const app = express();
    app.use('/echo', echo.streamableHttpApp());
    app.use('/math', math.streamableHttpApp());
    const base = await listen(app);
    const echoClient = await httpClient(new URL('/echo/mcp', base), '2026-07-28');
    const mathClient = await httpClient(new URL('/math/mcp', base), '2025-11-25');
    expect(
      (await echoClient.callTool({ name: 'echo', arguments: { text: 'hi' } })).content,
    ).toEqual([{ type: 'text', text: 'echo: hi' }]);
    expect((await mathClient.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).content).toEqual(
      [{ type: 'text', text: '5' }],
    );
    await mathClient.close();
    await both.close();
    expect(events.filter((e) => e.endsWith('down')).sort()).toEqual(['echo down', 'math down']);
  });
});

describe('fetchHandler()', () => {
  it('answers web Requests: a stateful session from initialize on, and stateless requests', async () => {
    const mcp = echoServer();
    const handle = mcp.fetchHandler();
    const init = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(),
        body: JSON.stringify(initializeBody()),
      }),
    );
    expect(init.status).toBe(200);
    const sessionId = init.headers.get('mcp-session-id');
    expect(sessionId).toEqual(expect.any(String));
    const [initialized] = await messagesOf(init);
    expect(initialized).toMatchObject({
      id: 1,
      result: { protocolVersion: '2025-11-25', serverInfo: { name: 'echo' } },
    });
    const session = {
      'Mcp-Session-Id': sessionId as string,
      'MCP-Protocol-Version': '2025-11-25',
    };
    const notified = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(session),
        body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      }),
    );
    expect(notified.status).toBe(202);
    const called = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(session),
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: 'stateful' } },
        }),
      }),
    );
    expect((await messagesOf(called)).at(-1)).toMatchObject({
      id: 2,
      result: { content: [{ type: 'text', text: 'stateful' }] },
    });

    const stateless = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: statelessHeaders('tools/call', 'echo'),
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 3,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: 'stateless' }, _meta: STATELESS_META },
        }),
      }),
    );
    expect(stateless.headers.get('mcp-session-id')).toBeNull();
    expect((await messagesOf(stateless)).at(-1)).toMatchObject({
      id: 3,
      result: { resultType: 'complete', content: [{ type: 'text', text: 'stateless' }] },
    });
  });

  it('sends log messages on a stateless request only at or above the level it carries', async () => {
    const handle = echoServer().fetchHandler();
    const call = async (logLevel?: string) => {
      const meta = logLevel
        ? { ...STATELESS_META, 'io.modelcontextprotocol/logLevel': logLevel }
        : STATELESS_META;
      const response = await handle(
        new Request('http://localhost/mcp', {
          method: 'POST',
          headers: statelessHeaders('tools/call', 'echo'),
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/call',
            params: { name: 'echo', arguments: { message: 'm' }, _meta: meta },
          }),
        }),
      );
      return (await messagesOf(response)).map((m) => m.method ?? `answer ${String(m.id)}`);
    };
    expect(await call()).toEqual(['answer 1']);
    expect(await call('warning')).toEqual(['answer 1']);
    expect(await call('info')).toEqual(['notifications/message', 'answer 1']);
  });

  it('answers with JSON, never SSE, with jsonResponse: true', async () => {
    const handle = echoServer({ jsonResponse: true }).fetchHandler();
    const response = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: statelessHeaders('tools/call', 'echo'),
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: {
            name: 'echo',
            arguments: { message: 'json' },
            _meta: { ...STATELESS_META, 'io.modelcontextprotocol/logLevel': 'debug' },
          },
        }),
      }),
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      id: 1,
      result: { content: [{ type: 'text', text: 'json' }] },
    });
  });

  it('serves the stateful era without sessions with statelessHttp: true', async () => {
    const mcp = echoServer({ statelessHttp: true });
    const handle = mcp.fetchHandler();
    const init = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(),
        body: JSON.stringify(initializeBody()),
      }),
    );
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
    const called = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders({ 'MCP-Protocol-Version': '2025-11-25' }),
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: 'no session' } },
        }),
      }),
    );
    expect(called.status).toBe(200);
    expect((await messagesOf(called)).at(-1)).toMatchObject({
      id: 2,
      result: { content: [{ type: 'text', text: 'no session' }] },
    });
    // and a Client in the stateful era works against it over a real socket
    const base = await listen(mcp.streamableHttpApp());
    const client = await httpClient(new URL('/mcp', base), '2025-11-25');
    expect((await client.callTool({ name: 'echo', arguments: { message: 'x' } })).content).toEqual([
      { type: 'text', text: 'x' },
    ]);
  });
});

describe('bearer auth', () => {
  function guarded() {
    const mcp = new FastMCP('guarded', {
      logLevel: 'silent',
      auth: {
        verifyToken: (token) => {
          if (token === 'reader') return { token, clientId: 'c1', scopes: ['mcp:read'] };
          if (token === 'admin')
            return { token, clientId: 'c2', scopes: ['mcp:read', 'mcp:write'] };
          return undefined;
        },
        requiredScopes: ['mcp:read', 'mcp:write'],
        resourceMetadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource',
      },
    });
    mcp.tool('secret', () => 'the secret');
    onTestFinished(() => mcp.close());
    return mcp;
  }

  async function post(base: URL, authorization?: string) {
    const headers = postHeaders(authorization ? { Authorization: authorization } : {});
    return fetch(new URL('/mcp', base), {
      method: 'POST',
      headers,
      body: JSON.stringify(initializeBody()),
    });
  }

  it('answers 401 with a Bearer challenge without a token', async () => {
    const base = await listen(guarded().streamableHttpApp());
    const response = await post(base);
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toMatch(/error="invalid_request"/);
    expect(challenge).toMatch(
      /resource_metadata="https:\/\/mcp\.example\.com\/\.well-known\/oauth-protected-resource"/,
    );
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });

  it('answers 401 invalid_token for a token the verifier does not know', async () => {
    const base = await listen(guarded().streamableHttpApp());
    for (const authorization of ['Bearer nope', 'Basic dXNlcjpwYXNz']) {
      const response = await post(base, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_/);
    }
  });

  it('answers 403 insufficient_scope for a token without the required scopes', async () => {
    const base = await listen(guarded().streamableHttpApp());
    const response = await post(base, 'Bearer reader');
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Bearer .*error="insufficient_scope"/,
    );
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringMatching(/mcp:write/) },
    });
  });

  it('serves a token with every required scope', async () => {
    const base = await listen(guarded().streamableHttpApp());
    const response = await post(base, 'Bearer admin');
    expect(response.status).toBe(200);
    const handle = guarded().fetchHandler();
    const refused = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(),
        body: JSON.stringify(initializeBody()),
      }),
    );
    expect(refused.status).toBe(401);
  });
});

describe('a lifespan that throws', () => {
  function broken() {
    const logger = captureLogger();
    const mcp = new FastMCP('broken', {
      logger,
      lifespan: async () => {
        throw new Error('database unreachable');
      },
    });
    mcp.tool('never', () => 'never');
    onTestFinished(() => mcp.close());
    return { mcp, logger };
  }

  it('rejects start() with the error, and logs it', async () => {
    const { mcp, logger } = broken();
    await expect(mcp.start()).rejects.toThrow(/database unreachable/);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/failed to start/),
      }),
    );
  });

  it('answers HTTP requests to its mounted app with a 503 JSON-RPC error, not a hang', async () => {
    const { mcp } = broken();
    const app = express();
    app.use('/broken', mcp.streamableHttpApp());
    const base = await listen(app);
    const response = await fetch(new URL('/broken/mcp', base), {
      method: 'POST',
      headers: postHeaders(),
      body: JSON.stringify(initializeBody()),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32000, message: expect.stringMatching(/failed to start/) },
    });
  });

  it('answers fetchHandler() requests with a 503 too', async () => {
    const { mcp } = broken();
    const response = await mcp.fetchHandler()(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: statelessHeaders('tools/list'),
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/list',
          params: { _meta: STATELESS_META },
        }),
      }),
    );
    expect(response.status).toBe(503);
  });

  it('makes lifecycle().start() reject and close the servers that did start', async () => {
    const { mcp: bad } = broken();
    const events: string[] = [];
    const good = new FastMCP('good', {
      logLevel: 'silent',
      lifespan: async function* () {
        events.push('good up');
        try {
          yield {};
        } finally {
          events.push('good down');
        }
      },
    });
    const both = lifecycle(good, bad);
    await expect(both.start()).rejects.toThrow(/database unreachable/);
    expect(events).toEqual(['good up', 'good down']);
  });
});

describe('run()', () => {
  it('serves Streamable HTTP until close(), announcing the address in its log', async () => {
    const listening = deferred<URL>();
    const logger = captureLogger();
    const mcp = new FastMCP('runner', {
      logger: {
        ...logger,
        info: (message, fields) => {
          logger.info(message, fields);
          const url = /listening on (\S+)/.exec(message)?.[1];
          if (url) listening.resolve(new URL(url));
        },
      },
    });
    mcp.tool('ping_tool', () => 'pong');
    const running = mcp.run({ transport: 'streamable-http', port: 0, host: '127.0.0.1' });
    running.catch(listening.reject);
    onTestFinished(() => mcp.close());
    const url = await listening.promise;
    expect(url.pathname).toBe('/mcp');
    const client = await httpClient(url, '2026-07-28');
    expect((await client.callTool({ name: 'ping_tool' })).content).toEqual([
      { type: 'text', text: 'pong' },
    ]);
    await client.close();
    await mcp.close();
    await running;
  });

  it('refuses an unknown transport', async () => {
    const mcp = new FastMCP('runner', { logLevel: 'silent' });
    const error = await mcp.run({ transport: 'carrier-pigeon' as never }).catch((e: unknown) => e);
    expect(SdkError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/"carrier-pigeon"/);
  });
});
