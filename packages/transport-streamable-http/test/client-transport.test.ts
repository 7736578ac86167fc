import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { JSONRPCMessage } from '@mcpkit/protocol';
import { SdkError } from '@mcpkit/protocol';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  StreamableHTTPClientTransport,
  type StreamableHTTPClientTransportOptions,
} from '../src/client-transport';

/** One request the mock server received. */
interface Recorded {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request's body was complete. */
  at: number;
  req: IncomingMessage;
}

type Handler = (request: Recorded, res: ServerResponse) => void;

/** A node:http server on 127.0.0.1, port 0, closed (connections included) after the test. */
async function startServer(handler: Handler) {
  const requests: Recorded[] = [];
  const arrivals: Array<(request: Recorded) => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
        req,
      };
      requests.push(recorded);
      handler(recorded, res);
      for (const arrival of arrivals.splice(0)) arrival(recorded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    /** Resolves with the first recorded request (past or future) that matches. */
    request(match: (request: Recorded) => boolean): Promise<Recorded> {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const check = (request: Recorded) => {
          if (match(request)) resolve(request);
          else arrivals.push(check);
        };
        arrivals.push(check);
      });
    },
  };
}

/** A transport whose messages and errors are recorded, closed after the test. */
function connect(url: string | URL, options: StreamableHTTPClientTransportOptions = {}) {
  const transport = new StreamableHTTPClientTransport(url, options);
  const messages: JSONRPCMessage[] = [];
  const errors: Error[] = [];
  const closes: unknown[] = [];
  const messageWaiters: Array<() => void> = [];
  const errorWaiters: Array<() => void> = [];
  transport.onmessage = (message) => {
    messages.push(message);
    for (const wake of messageWaiters.splice(0)) wake();
  };
  transport.onerror = (error) => {
    errors.push(error);
    for (const wake of errorWaiters.splice(0)) wake();
  };
  transport.onclose = (info) => closes.push(info);
  onTestFinished(() => transport.close());
  const waitFor = <T>(
    list: T[],
    waiters: Array<() => void>,
    match: (item: T) => boolean,
  ): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const found = list.find(match);
        if (found !== undefined) resolve(found);
        else waiters.push(check);
      };
      check();
    });
  return {
    transport,
    messages,
    errors,
    closes,
    message: (match: (message: JSONRPCMessage) => boolean = () => true) =>
      waitFor(messages, messageWaiters, match),
    error: () => waitFor(errors, errorWaiters, () => true),
  };
}

const hasId = (id: number | string) => (message: JSONRPCMessage) =>
  'id' in message && message.id === id && !('method' in message);

function json(
  res: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sseHead(res: ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.flushHeaders();
}

function sseEvent(res: ServerResponse, message: unknown, id?: string) {
  res.write(
    `event: message\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(message)}\n\n`,
  );
}

function result(id: number | string, value: unknown = {}) {
  return { jsonrpc: '2.0' as const, id, result: value };
}

/** A message's method, or the id of a response: enough to check order. */
const labelOf = (message: JSONRPCMessage) =>
  'method' in message ? message.method : 'id' in message ? message.id : undefined;

const ping = (id: number | string) => ({ jsonrpc: '2.0' as const, id, method: 'ping' });

const initialized = { jsonrpc: '2.0' as const, method: 'notifications/initialized' };

describe('StreamableHTTPClientTransport basics', () => {
  it('describes itself by its URL and refuses to start twice', async () => {
    const transport = new StreamableHTTPClientTransport('http://127.0.0.1:1/mcp');
    expect(transport.description).toBe('streamable-http http://127.0.0.1:1/mcp');
    await transport.start();
    await expect(transport.start()).rejects.toSatisfy((e) => SdkError.is(e, 'INVALID_STATE'));
  });

  it('POSTs JSON with both Accept types and delivers a JSON answer', async () => {
    const server = startServer((request, res) =>
      json(res, result(JSON.parse(request.body).id, { ok: 1 })),
    );
    const { url } = await server;
    const client = connect(url);
    await client.transport.start();
    await client.transport.send(ping(1));
    expect(await client.message(hasId(1))).toEqual(result(1, { ok: 1 }));
    const [post] = (await server).requests;
    expect(post?.method).toBe('POST');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers.accept).toBe('application/json, text/event-stream');
    expect(JSON.parse(post?.body ?? '')).toEqual(ping(1));
    expect(post?.headers['mcp-protocol-version']).toBeUndefined();
  });

  it('delivers every message of a JSON array body, in order', async () => {
    const { url } = await startServer((_request, res) =>
      json(res, [{ jsonrpc: '2.0', method: 'notifications/message', params: {} }, result(2)]),
    );
    const client = connect(url);
    await client.transport.send(ping(2));
    await client.message(hasId(2));
    expect(client.messages.map(labelOf)).toEqual(['notifications/message', 2]);
  });

  it('reports a JSON answer that is not a JSON-RPC message through onerror instead of throwing', async () => {
    const { url } = await startServer((_request, res) => json(res, { hello: 'world' }));
    const client = connect(url);
    await client.transport.send(ping(3));
    const error = await client.error();
    expect(SdkError.is(error, 'PROTOCOL_VIOLATION')).toBe(true);
    expect(client.messages).toEqual([]);
  });

  it('resolves a notification answered with 202 and sends the negotiated version header', async () => {
    const server = await startServer((_request, res) => {
      res.writeHead(202);
      res.end();
    });
    const client = connect(server.url, { standaloneStream: false });
    client.transport.setProtocolVersion('2025-06-18');
    await client.transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1 },
    });
    expect(server.requests[0]?.headers['mcp-protocol-version']).toBe('2025-06-18');
    expect(server.requests[0]?.headers['mcp-method']).toBeUndefined();
  });

  it('uses an injected fetch for every request', async () => {
    const server = await startServer((request, res) =>
      json(res, result(JSON.parse(request.body).id)),
    );
    const seen: string[] = [];
    const client = connect(server.url, {
      fetch: (input, init) => {
        seen.push(`${init?.method} ${String(input)}`);
        const headers = new Headers(init?.headers);
        headers.set('X-Through', 'custom-fetch');
        return fetch(input, { ...init, headers });
      },
      headers: { 'X-Extra': 'yes' },
    });
    await client.transport.send(ping(4));
    await client.message(hasId(4));
    expect(seen).toEqual([`POST ${server.url}`]);
    expect(server.requests[0]?.headers['x-through']).toBe('custom-fetch');
    expect(server.requests[0]?.headers['x-extra']).toBe('yes');
  });
});

describe('SSE answers', () => {
  it('delivers notifications sent before the answer on a multi-event stream, in order', async () => {
    const { url } = await startServer((request, res) => {
      const { id } = JSON.parse(request.body);
      sseHead(res);
      sseEvent(res, {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progress: 1, progressToken: 't' },
      });
      sseEvent(res, {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'x' },
      });
      sseEvent(res, result(id, { done: true }));
      res.end();
    });
    const client = connect(url);
    await client.transport.send(ping(10));
    await client.message(hasId(10));
    expect(client.messages.map(labelOf)).toEqual([
      'notifications/progress',
      'notifications/message',
      10,
    ]);
    expect(client.errors).toEqual([]);
  });

  it('skips the priming event and tells onresumptiontoken every event id', async () => {
    const { url } = await startServer((request, res) => {
      const { id } = JSON.parse(request.body);
      sseHead(res);
      res.write('id: prime-1\nretry: 3000\ndata: \n\n');
      sseEvent(res, result(id), 'event-2');
      res.end();
    });
    const client = connect(url);
    const tokens: string[] = [];
    await client.transport.send(ping(11), { onresumptiontoken: (token) => tokens.push(token) });
    await client.message(hasId(11));
    expect(client.messages).toEqual([result(11)]);
    expect(tokens).toEqual(['prime-1', 'event-2']);
    expect(client.errors).toEqual([]);
  });

  it('reports an event whose data is not JSON and keeps reading the stream', async () => {
    const { url } = await startServer((request, res) => {
      sseHead(res);
      res.write('data: this is not json\n\n');
      sseEvent(res, result(JSON.parse(request.body).id));
      res.end();
    });
    const client = connect(url);
    await client.transport.send(ping(12));
    await client.message(hasId(12));
    expect(client.errors).toHaveLength(1);
    expect(client.errors[0]?.message).toMatch(/not JSON/);
  });

  it('resumes with GET and Last-Event-ID after the server retry delay when the POST stream ends early', async () => {
    let closedAt = 0;
    const server = await startServer((request, res) => {
      if (request.method === 'POST') {
        sseHead(res);
        res.write('id: prime-1\nretry: 100\ndata: \n\n');
        closedAt = performance.now();
        res.end();
        return;
      }
      sseHead(res);
      res.write('id: prime-2\ndata: \n\n');
      sseEvent(res, result(20, { content: [] }), 'event-3');
      res.end();
    });
    const client = connect(server.url, { reconnection: { initialDelayMs: 5000 } });
    await client.transport.send(ping(20));
    expect(await client.message(hasId(20))).toEqual(result(20, { content: [] }));
    const get = await server.request((r) => r.method === 'GET');
    expect(get.headers['last-event-id']).toBe('prime-1');
    expect(get.headers.accept).toBe('text/event-stream');
    // timers may fire up to 1 ms early against performance.now(): libuv rounds to whole ms
    expect(get.at - closedAt).toBeGreaterThanOrEqual(99);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(client.errors).toEqual([]);
  });

  it('re-sends a request whose stateless stream broke before any event id', async () => {
    const server = await startServer((request, res) => {
      const posts = server.requests.filter((r) => r.method === 'POST').length;
      if (posts === 1) {
        sseHead(res);
        sseEvent(res, {
          jsonrpc: '2.0',
          method: 'notifications/message',
          params: { level: 'info', data: 'working' },
        });
        res.end();
        return;
      }
      json(res, result(JSON.parse(request.body).id, { second: true }));
    });
    const client = connect(server.url, { reconnection: { initialDelayMs: 1 } });
    await client.transport.send(ping(21));
    expect(await client.message(hasId(21))).toEqual(result(21, { second: true }));
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
  });

  it('gives up through onerror, naming the request and the URL, once maxRetries re-sends failed', async () => {
    const server = await startServer((_request, res) => {
      sseHead(res);
      res.end();
    });
    const client = connect(server.url, { reconnection: { initialDelayMs: 1, maxRetries: 2 } });
    await client.transport.send(ping('req-22'));
    const error = await client.error();
    expect(SdkError.is(error, 'TRANSPORT_ERROR')).toBe(true);
    expect(error.message).toContain('"req-22"');
    expect(error.message).toContain(server.url);
    expect(error.message).toMatch(/Retry the request/);
    expect(server.requests).toHaveLength(3);
  });

  it('resumes directly with GET when given a resumption token', async () => {
    const server = await startServer((_request, res) => {
      sseHead(res);
      sseEvent(res, result(23), 'event-9');
      res.end();
    });
    const client = connect(server.url);
    const tokens: string[] = [];
    await client.transport.send(ping(23), {
      resumptionToken: 'event-8',
      onresumptiontoken: (token) => tokens.push(token),
    });
    await client.message(hasId(23));
    expect(server.requests.map((r) => [r.method, r.headers['last-event-id']])).toEqual([
      ['GET', 'event-8'],
    ]);
    expect(tokens).toEqual(['event-9']);
  });

  it('aborts a hanging stream on close() and refuses to send afterwards', async () => {
    let streamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      streamClosed = resolve;
    });
    const { url } = await startServer((request, res) => {
      res.on('close', () => streamClosed());
      sseHead(res);
      sseEvent(res, {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'started' },
      });
      void request;
    });
    const client = connect(url);
    await client.transport.send(ping(24));
    await client.message((m) => 'method' in m);
    await client.transport.close();
    await closed;
    expect(client.closes).toEqual([{ reason: 'the client closed the connection' }]);
    await client.transport.close();
    expect(client.closes).toHaveLength(1);
    await expect(client.transport.send(ping(25))).rejects.toSatisfy((e) =>
      SdkError.is(e, 'CONNECTION_CLOSED'),
    );
    expect(client.errors).toEqual([]);
  });
});

describe('sessions', () => {
  it('remembers the session id from initialize, sends it, and DELETEs the session on close', async () => {
    const server = await startServer((request, res) => {
      if (request.method === 'DELETE') {
        res.writeHead(200);
        res.end();
        return;
      }
      json(res, result(JSON.parse(request.body).id), 200, { 'Mcp-Session-Id': 'session-abc' });
    });
    const client = connect(server.url);
    await client.transport.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    await client.message(hasId(1));
    expect(client.transport.sessionId).toBe('session-abc');
    await client.transport.send(ping(2));
    await client.message(hasId(2));
    expect(server.requests[1]?.headers['mcp-session-id']).toBe('session-abc');
    await client.transport.close();
    const deleted = server.requests[2];
    expect(deleted?.method).toBe('DELETE');
    expect(deleted?.headers['mcp-session-id']).toBe('session-abc');
    expect(client.closes).toEqual([{ reason: 'the client closed the connection' }]);
  });

  it('closes cleanly when the server refuses DELETE with 405', async () => {
    const server = await startServer((_request, res) => {
      res.writeHead(405, { Allow: 'POST' });
      res.end();
    });
    const client = connect(server.url, { sessionId: 'given' });
    await client.transport.close();
    expect(server.requests.map((r) => [r.method, r.headers['mcp-session-id']])).toEqual([
      ['DELETE', 'given'],
    ]);
    expect(client.closes).toHaveLength(1);
    expect(client.errors).toEqual([]);
  });

  it('rejects with SESSION_EXPIRED and forgets the session when the server answers 404', async () => {
    const { url } = await startServer((_request, res) =>
      json(
        res,
        { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } },
        404,
      ),
    );
    const client = connect(url, { sessionId: 'stale' });
    const error = await client.transport.send(ping(3)).catch((e: unknown) => e);
    expect(SdkError.is(error, 'SESSION_EXPIRED')).toBe(true);
    expect((error as Error).message).toBe(
      'The server no longer knows session stale (HTTP 404); start a new session (re-initialize).',
    );
    expect(client.transport.sessionId).toBeUndefined();
  });
});

describe('HTTP errors', () => {
  it('delivers a 400 JSON-RPC error with the request id in-band and resolves', async () => {
    const error = {
      jsonrpc: '2.0',
      id: 5,
      error: {
        code: -32022,
        message: 'Unsupported protocol version',
        data: { supported: ['2026-07-28'] },
      },
    };
    const { url } = await startServer((_request, res) => json(res, error, 400));
    const client = connect(url);
    await client.transport.send(ping(5));
    expect(await client.message(hasId(5))).toEqual(error);
  });

  it('rejects a 400 whose JSON-RPC error has id null as an HTTP failure', async () => {
    const { url } = await startServer((_request, res) =>
      json(res, { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request' } }, 400),
    );
    const client = connect(url);
    const error = await client.transport.send(ping(6)).catch((e: unknown) => e);
    expect(SdkError.is(error, 'TRANSPORT_ERROR')).toBe(true);
    expect((error as Error).message).toMatch(
      /^HTTP 400 Bad Request from http:\/\/127\.0\.0\.1:\d+\/mcp: \{/,
    );
  });

  it('rejects an HTML 500 page with TRANSPORT_ERROR naming the status', async () => {
    const { url } = await startServer((_request, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end(`<html><body>${'Something broke. '.repeat(40)}</body></html>`);
    });
    const client = connect(url);
    const error = await client.transport.send(ping(7)).catch((e: unknown) => e);
    expect(SdkError.is(error, 'TRANSPORT_ERROR')).toBe(true);
    expect((error as Error).message).toMatch(
      /^HTTP 500 Internal Server Error from .*: <html><body>Something broke/,
    );
    expect((error as Error).message.length).toBeLessThan(320);
  });

  it('rejects with TRANSPORT_ERROR and the cause when the server cannot be reached', async () => {
    const { url } = await startServer(() => {});
    const unreachable = new URL(url);
    unreachable.port = '1';
    const client = connect(unreachable);
    const error = await client.transport.send(ping(8)).catch((e: unknown) => e);
    expect(SdkError.is(error, 'TRANSPORT_ERROR')).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Check that the server is running/);
  });

  it('retries once with fresh headers when the auth provider resolves a 401', async () => {
    let token = 'expired';
    const server = await startServer((request, res) => {
      if (request.headers.authorization !== 'Bearer fresh') {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
        res.end();
        return;
      }
      json(res, result(JSON.parse(request.body).id));
    });
    const challenges: string[] = [];
    const client = connect(server.url, {
      authProvider: {
        headers: () => ({ Authorization: `Bearer ${token}` }),
        onUnauthorized: async (response) => {
          challenges.push(response.headers.get('www-authenticate') ?? '');
          token = 'fresh';
          return true;
        },
      },
    });
    await client.transport.send(ping(9));
    await client.message(hasId(9));
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
    expect(challenges).toEqual(['Bearer error="invalid_token"']);
  });

  it('rejects with UNAUTHORIZED quoting the status and WWW-Authenticate when nobody can fix a 401', async () => {
    const { url } = await startServer((_request, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer resource_metadata="http://x/.well-known"' });
      res.end();
    });
    const client = connect(url);
    const error = await client.transport.send(ping(10)).catch((e: unknown) => e);
    expect(SdkError.is(error, 'UNAUTHORIZED')).toBe(true);
    expect((error as Error).message).toContain('HTTP 401 Unauthorized');
    expect((error as Error).message).toContain('Bearer resource_metadata="http://x/.well-known"');
  });
});

describe('2026-07-28 headers', () => {
  const meta = (extra: Record<string, unknown> = {}) => ({
    _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', ...extra },
  });

  it('mirrors method, name and the _meta version into headers, keeping percent-encoding byte-equal', async () => {
    const server = await startServer((request, res) =>
      json(res, result(JSON.parse(request.body).id)),
    );
    const client = connect(server.url);
    // the negotiated version differs on purpose: the body's claim wins, so header and body agree
    client.transport.setProtocolVersion('2025-11-25');
    await client.transport.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'resources/read',
      params: { uri: 'file:///path/to/file%20name.txt', ...meta() },
    });
    await client.message(hasId(1));
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['mcp-method']).toBe('resources/read');
    expect(headers['mcp-name']).toBe('file:///path/to/file%20name.txt');
    expect(headers['mcp-protocol-version']).toBe('2026-07-28');
  });

  it('sends Mcp-Param headers from headerParams, base64-wrapping unsafe text and omitting null', async () => {
    const server = await startServer((request, res) =>
      json(res, result(JSON.parse(request.body).id)),
    );
    const client = connect(server.url);
    await client.transport.send(
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: {
          name: 'test_custom_headers',
          arguments: {
            region: 'us-west1',
            leading: ' us-west1',
            priority: 42,
            verbose: null,
            method_val: 'x',
          },
          ...meta(),
        },
      },
      {
        headerParams: [
          { property: 'region', name: 'Region' },
          { property: 'leading', name: 'LeadingSpace' },
          { property: 'priority', name: 'Priority' },
          { property: 'verbose', name: 'Verbose' },
          { property: 'method_val', name: 'Method' },
        ],
      },
    );
    await client.message(hasId(2));
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['mcp-method']).toBe('tools/call');
    expect(headers['mcp-name']).toBe('test_custom_headers');
    expect(headers['mcp-param-region']).toBe('us-west1');
    expect(headers['mcp-param-leadingspace']).toBe(
      `=?base64?${Buffer.from(' us-west1', 'utf8').toString('base64')}?=`,
    );
    expect(headers['mcp-param-priority']).toBe('42');
    expect(headers['mcp-param-method']).toBe('x');
    expect(headers).not.toHaveProperty('mcp-param-verbose');
  });

  it('sends none of the 2026 headers for a 2025-era message, even with headerParams', async () => {
    const server = await startServer((request, res) =>
      json(res, result(JSON.parse(request.body).id)),
    );
    const client = connect(server.url);
    client.transport.setProtocolVersion('2025-11-25');
    await client.transport.send(
      {
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'echo', arguments: { region: 'eu' } },
      },
      { headerParams: [{ property: 'region', name: 'Region' }] },
    );
    await client.message(hasId(3));
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['mcp-protocol-version']).toBe('2025-11-25');
    expect(
      Object.keys(headers).filter(
        (name) => name.startsWith('mcp-') && name !== 'mcp-protocol-version',
      ),
    ).toEqual([]);
  });
});

describe('the standalone GET stream', () => {
  it('opens one GET after notifications/initialized and delivers what the server pushes on it', async () => {
    const server = await startServer((request, res) => {
      if (request.method === 'GET') {
        sseHead(res);
        sseEvent(res, { jsonrpc: '2.0', method: 'notifications/tools/list_changed' }, 'g-1');
        return;
      }
      if (request.method === 'DELETE') {
        res.writeHead(200);
        res.end();
        return;
      }
      const body = JSON.parse(request.body);
      if (body.id === undefined) {
        res.writeHead(202);
        res.end();
        return;
      }
      json(res, result(body.id), 200, { 'Mcp-Session-Id': 's-1' });
    });
    const client = connect(server.url);
    await client.transport.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    await client.message(hasId(1));
    client.transport.setProtocolVersion('2025-11-25');
    await client.transport.send(initialized);
    await client.message((m) => 'method' in m && m.method === 'notifications/tools/list_changed');
    const get = await server.request((r) => r.method === 'GET');
    expect(get.headers.accept).toBe('text/event-stream');
    expect(get.headers['mcp-session-id']).toBe('s-1');
    expect(get.headers['mcp-protocol-version']).toBe('2025-11-25');
    expect(get.headers['last-event-id']).toBeUndefined();
    // a second handshake notification must not open a second stream
    await client.transport.send(initialized);
    await client.transport.send(ping(2));
    await client.message(hasId(2));
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('reconnects with Last-Event-ID after the server retry delay when the stream ends', async () => {
    const server = await startServer((request, res) => {
      if (request.method === 'GET') {
        const gets = server.requests.filter((r) => r.method === 'GET').length;
        sseHead(res);
        res.write('retry: 10\n\n');
        sseEvent(
          res,
          { jsonrpc: '2.0', method: 'notifications/message', params: { n: gets } },
          `g-${gets}`,
        );
        if (gets === 1) res.end();
        return;
      }
      res.writeHead(202);
      res.end();
    });
    const client = connect(server.url, { sessionId: 's-2' });
    await client.transport.send(initialized);
    const second = await server.request(
      (r) => r.method === 'GET' && r.headers['last-event-id'] !== undefined,
    );
    expect(second.headers['last-event-id']).toBe('g-1');
    await client.message((m) => 'method' in m && (m.params as { n?: number }).n === 2);
    expect(client.errors).toEqual([]);
  });

  it('stops quietly when the server answers the GET with 405', async () => {
    const server = await startServer((request, res) => {
      if (request.method === 'GET') {
        res.writeHead(405, { Allow: 'POST' });
        res.end();
        return;
      }
      if (request.method === 'DELETE') {
        res.writeHead(405);
        res.end();
        return;
      }
      const body = JSON.parse(request.body);
      if (body.id === undefined) {
        res.writeHead(202);
        res.end();
        return;
      }
      json(res, result(body.id));
    });
    const client = connect(server.url, { reconnection: { initialDelayMs: 1 } });
    client.transport.setProtocolVersion('2025-06-18');
    await client.transport.send(initialized);
    await server.request((r) => r.method === 'GET');
    await client.transport.send(ping(3));
    await client.message(hasId(3));
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(client.errors).toEqual([]);
  });

  it('is not opened in the 2026 era nor when standaloneStream is false', async () => {
    const server = await startServer((_request, res) => {
      res.writeHead(202);
      res.end();
    });
    const modern = connect(server.url);
    modern.transport.setProtocolVersion('2026-07-28');
    await modern.transport.send(initialized);
    const optedOut = connect(server.url, { standaloneStream: false, sessionId: 's-3' });
    await optedOut.transport.send(initialized);
    await optedOut.transport.close();
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'DELETE']);
  });
});
