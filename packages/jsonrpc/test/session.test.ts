import { ErrorCode, type JSONRPCMessage, McpError, SdkError } from '@mcpkit/protocol';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { z } from 'zod';
import {
  createInMemoryTransportPair,
  JsonRpcSession,
  type RequestContext,
  type Transport,
} from '../src/index';

/** A connected client/server pair of sessions over the in-memory transports. */
async function connectedPair(options: { timeoutMs?: number } = {}) {
  const [clientTransport, serverTransport] = createInMemoryTransportPair();
  const client = new JsonRpcSession({ name: 'client', timeoutMs: options.timeoutMs });
  const server = new JsonRpcSession({ name: 'server' });
  const clientErrors: Error[] = [];
  const serverErrors: Error[] = [];
  client.onerror = (e) => clientErrors.push(e);
  server.onerror = (e) => serverErrors.push(e);
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  onTestFinished(async () => {
    await client.close();
    await server.close();
  });
  return { client, server, clientErrors, serverErrors, clientTransport, serverTransport };
}

/** A promise with its resolve function outside, to await events instead of sleeping. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('request and response', () => {
  it('correlates concurrent requests with their own answers', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler('double', async (params: { n: number }) => {
      // answer in reverse order of arrival to prove correlation is by id, not by order
      await new Promise((r) => setTimeout(r, (10 - params.n) % 3));
      return { n: params.n * 2 };
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => client.request('double', { n })),
    );
    expect(answers).toEqual(Array.from({ length: 10 }, (_, n) => ({ n: n * 2 })));
    expect(client.pendingRequestCount).toBe(0);
    expect(server.inflightRequestCount).toBe(0);
  });

  it('delivers notifications to their handler with the params', async () => {
    const { client, server } = await connectedPair();
    const seen = deferred<unknown>();
    server.setNotificationHandler('notifications/hello', (params) => seen.resolve(params));
    await client.notify('notifications/hello', { who: 'world' });
    expect(await seen.promise).toEqual({ who: 'world' });
  });

  it('validates a result against its schema', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler('shape', () => ({ value: 'not a number' }));
    const error = await client
      .request('shape', {}, { resultSchema: z.object({ value: z.number() }) })
      .catch((e: unknown) => e);
    expect(SdkError.is(error, 'INVALID_RESULT')).toBe(true);
    expect((error as Error).message).toMatch(/"shape".*value/);
  });

  it('refuses to send before connect and after close, saying what to do', async () => {
    const lonely = new JsonRpcSession({ name: 'client' });
    await expect(lonely.request('x')).rejects.toThrow(/not connected; call connect/);
    const { client } = await connectedPair();
    await client.close();
    await expect(client.request('x')).rejects.toSatisfy((e) => SdkError.is(e, 'CONNECTION_CLOSED'));
  });

  it('refuses a second transport', async () => {
    const { client } = await connectedPair();
    const [other] = createInMemoryTransportPair();
    await expect(client.connect(other)).rejects.toThrow(/already connected/);
  });
});

describe('error mapping', () => {
  it('answers an unknown method with -32601', async () => {
    const { client } = await connectedPair();
    const error = await client.request('no/such/method').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.MethodNotFound);
    expect((error as McpError).message).toContain('no/such/method');
  });

  it('answers invalid params with -32602 naming the bad path', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler(
      'greet',
      (params: { name: string }) => ({ text: `hi ${params.name}` }),
      {
        params: z.object({ name: z.string(), nested: z.object({ n: z.number() }).optional() }),
      },
    );
    const error = (await client
      .request('greet', { name: 1, nested: { n: 'x' } })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/Invalid params for "greet": name: .*; nested\.n: /);
    expect(error.data).toMatchObject({ issues: [{ path: ['name'] }, { path: ['nested', 'n'] }] });
  });

  it('keeps the code and data of a thrown McpError', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler('strict', () => {
      throw new McpError(-32002, 'Resource not found', { uri: 'file:///x' });
    });
    await expect(client.request('strict')).rejects.toMatchObject({
      code: -32002,
      message: 'Resource not found',
      data: { uri: 'file:///x' },
    });
  });

  it('answers any other failure with -32603 without leaking it, and reports the original', async () => {
    const { client, server, serverErrors } = await connectedPair();
    server.setRequestHandler('leaky', () => {
      throw new Error('password=hunter2 at /srv/app.js:12');
    });
    const error = (await client.request('leaky').catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.data ?? null)).not.toContain('hunter2');
    expect(serverErrors[0]?.message).toContain('hunter2');
  });

  it('answers a request id that is still in use with -32600', async () => {
    const { clientTransport, server } = await connectedPair();
    const release = deferred();
    server.setRequestHandler('slow', () => release.promise.then(() => ({})));
    const answers: JSONRPCMessage[] = [];
    const got = deferred();
    clientTransport.onmessage = (m) => {
      answers.push(m);
      if (answers.length === 2) got.resolve();
    };
    await clientTransport.send({ jsonrpc: '2.0', id: 'same', method: 'slow' });
    await clientTransport.send({ jsonrpc: '2.0', id: 'same', method: 'slow' });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toMatchObject({ id: 'same', error: { code: -32600 } });
    release.resolve();
    await got.promise;
    expect(answers[1]).toEqual({ jsonrpc: '2.0', id: 'same', result: {} });
  });

  it('reports messages that are not JSON-RPC without dying', async () => {
    const { client, clientErrors, serverTransport, server } = await connectedPair();
    server.setRequestHandler('ping', () => ({}));
    await serverTransport.send({ jsonrpc: '1.0', id: 1 } as unknown as JSONRPCMessage);
    await serverTransport.send({ jsonrpc: '2.0', id: 999, result: {} });
    await serverTransport.send({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error' },
    } as JSONRPCMessage);
    await vi.waitFor(() => expect(clientErrors).toHaveLength(3));
    expect(clientErrors.map((e) => e.message).join('\n')).toMatch(
      /not a JSON-RPC 2.0[\s\S]*never sent: 999[\s\S]*unreadable message: Parse error/,
    );
    await expect(client.request('ping')).resolves.toEqual({});
  });
});

describe('timeouts', () => {
  it('rejects a request that gets no answer in time, and tells the peer', async () => {
    vi.useFakeTimers();
    const { client, server } = await connectedPair();
    const cancelled = deferred<unknown>();
    server.setRequestHandler('hang', (_p, ctx) => {
      ctx.signal.addEventListener('abort', () => cancelled.resolve(ctx.signal.reason));
      return new Promise(() => {});
    });
    const outcome = client.request('hang', {}, { timeoutMs: 1000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(client.pendingRequestCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(SdkError.is(error, 'REQUEST_TIMEOUT')).toBe(true);
    expect((error as Error).message).toMatch(
      /"hang" \(id 0\) got no answer .* in 1000 ms; raise timeoutMs/,
    );
    expect(await cancelled.promise).toBe('timeout');
    expect(client.pendingRequestCount).toBe(0);
    expect(server.inflightRequestCount).toBe(0);
  });

  it('restarts the timeout on progress, by default', async () => {
    vi.useFakeTimers();
    const { client, server } = await connectedPair();
    const step = deferred();
    server.setRequestHandler('long', async (_p, ctx: RequestContext) => {
      for (let i = 1; i <= 3; i++) {
        await new Promise((r) => setTimeout(r, 800));
        await ctx.reportProgress(i, 3, `step ${i}`);
      }
      await new Promise((r) => setTimeout(r, 800));
      step.resolve();
      return { done: true };
    });
    const updates: unknown[] = [];
    const answer = client.request(
      'long',
      {},
      { timeoutMs: 1000, onprogress: (p) => updates.push(p) },
    );
    await vi.advanceTimersByTimeAsync(3300);
    await step.promise;
    await expect(answer).resolves.toEqual({ done: true });
    expect(updates).toEqual([
      { progress: 1, total: 3, message: 'step 1' },
      { progress: 2, total: 3, message: 'step 2' },
      { progress: 3, total: 3, message: 'step 3' },
    ]);
  });

  it('keeps the original timeout when asked not to reset it on progress', async () => {
    vi.useFakeTimers();
    const { client, server } = await connectedPair();
    server.setRequestHandler('long', async (_p, ctx: RequestContext) => {
      await new Promise((r) => setTimeout(r, 800));
      await ctx.reportProgress(1);
      return new Promise(() => {});
    });
    const outcome = client
      .request('long', {}, { timeoutMs: 1000, resetTimeoutOnProgress: false, onprogress: () => {} })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(SdkError.is(await outcome, 'REQUEST_TIMEOUT')).toBe(true);
  });

  it('stops at the maximum total timeout however much progress arrives', async () => {
    vi.useFakeTimers();
    const { client, server } = await connectedPair();
    server.setRequestHandler('forever', async (_p, ctx: RequestContext) => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        if (ctx.signal.aborted) return {};
        await ctx.reportProgress(1);
      }
    });
    const outcome = client
      .request('forever', {}, { timeoutMs: 1000, maxTotalTimeoutMs: 3000, onprogress: () => {} })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3000);
    const error = await outcome;
    expect(SdkError.is(error, 'REQUEST_TIMEOUT')).toBe(true);
    expect((error as Error).message).toMatch(/maximum total timeout of 3000 ms/);
  });
});

describe('cancellation', () => {
  it('aborts the handler when the caller aborts, and drops the late answer', async () => {
    const { client, server, clientErrors } = await connectedPair();
    const started = deferred();
    const aborted = deferred<unknown>();
    const finish = deferred();
    server.setRequestHandler('work', async (_p, ctx: RequestContext) => {
      ctx.signal.addEventListener('abort', () => aborted.resolve(ctx.signal.reason));
      started.resolve();
      await finish.promise;
      return { late: true };
    });
    const controller = new AbortController();
    const outcome = client
      .request('work', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await started.promise;
    controller.abort('user pressed stop');
    const error = await outcome;
    expect(SdkError.is(error, 'REQUEST_CANCELLED')).toBe(true);
    expect((error as Error).message).toContain('user pressed stop');
    expect(await aborted.promise).toBe('user pressed stop');
    finish.resolve();
    await vi.waitFor(() => expect(server.inflightRequestCount).toBe(0));
    expect(clientErrors).toEqual([]);
    expect(client.pendingRequestCount).toBe(0);
  });

  it('turns a cancellation that arrives before the handler looks into an aborted signal', async () => {
    const { clientTransport, server } = await connectedPair();
    const seen = deferred<boolean>();
    const gate = deferred();
    const started = deferred();
    server.setRequestHandler('lazy', async (_p, ctx: RequestContext) => {
      started.resolve();
      await gate.promise;
      seen.resolve(ctx.signal.aborted);
      return {};
    });
    const answers: JSONRPCMessage[] = [];
    clientTransport.onmessage = (m) => answers.push(m);
    await clientTransport.send({ jsonrpc: '2.0', id: 5, method: 'lazy' });
    await started.promise;
    expect(server.inflightRequestCount).toBe(1);
    await clientTransport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 5, reason: 'no longer needed' },
    });
    // the cancelled request is forgotten at once, before its handler returns
    await vi.waitFor(() => expect(server.inflightRequestCount).toBe(0));
    gate.resolve();
    expect(await seen.promise).toBe(true);
    // a cancelled request gets no answer: the next answer to arrive is the ping's
    server.setRequestHandler('ping', () => ({}));
    await clientTransport.send({ jsonrpc: '2.0', id: 6, method: 'ping' });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers).toEqual([{ jsonrpc: '2.0', id: 6, result: {} }]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { client } = await connectedPair();
    await expect(client.request('x', {}, { signal: AbortSignal.abort('no') })).rejects.toThrow(
      /aborted before it was sent/,
    );
    expect(client.pendingRequestCount).toBe(0);
  });
});

describe('closing', () => {
  it('rejects every pending request and aborts every running handler when the transport closes', async () => {
    const { client, server, clientTransport } = await connectedPair();
    const started = deferred();
    const aborted: unknown[] = [];
    let running = 0;
    server.setRequestHandler('hang', (_p, ctx: RequestContext) => {
      ctx.signal.addEventListener('abort', () => aborted.push(ctx.signal.reason));
      if (++running === 3) started.resolve();
      return new Promise(() => {});
    });
    const outcomes = [1, 2, 3].map(() => client.request('hang').catch((e: unknown) => e));
    await started.promise;
    await clientTransport.close();
    const errors = await Promise.all(outcomes);
    for (const error of errors) {
      expect(SdkError.is(error, 'CONNECTION_CLOSED')).toBe(true);
      expect((error as Error).message).toMatch(
        /connection to in-memory \(client side\) closed: this side closed/,
      );
    }
    expect(aborted).toHaveLength(3);
    expect(String(aborted[0])).toMatch(/the connection closed/);
    expect(client.pendingRequestCount).toBe(0);
    expect(server.inflightRequestCount).toBe(0);
  });

  it('drops notifications a handler sends after the peer went away, without rejecting', async () => {
    const { client, server } = await connectedPair();
    const started = deferred<RequestContext>();
    server.setRequestHandler('hang', (_p, ctx: RequestContext) => {
      started.resolve(ctx);
      return new Promise(() => {});
    });
    void client.request('hang').catch(() => {});
    const ctx = await started.promise;
    await client.close();
    await expect(
      ctx.sendNotification('notifications/message', { level: 'info', data: 'late' }),
    ).resolves.toBeUndefined();
    await expect(ctx.reportProgress(1)).resolves.toBeUndefined();
  });

  it('names the transport and the reason in the error', async () => {
    const transport: Transport = {
      description: 'stdio (node server.js)',
      async start() {},
      async send() {},
      async close() {},
    };
    const session = new JsonRpcSession({ name: 'client' });
    await session.connect(transport);
    const outcome = session.request('tools/list').catch((e: unknown) => e);
    transport.onclose?.({ reason: 'the server process exited with code 1' });
    expect(((await outcome) as Error).message).toBe(
      '"tools/list" (id 0) got no answer: the connection to stdio (node server.js) closed: the server process exited with code 1. Reconnect and retry.',
    );
  });

  it('reports a transport that fails to send as the request failing', async () => {
    const transport: Transport = {
      description: 'flaky',
      async start() {},
      async send() {
        throw new Error('EPIPE');
      },
      async close() {},
    };
    const session = new JsonRpcSession({ name: 'client' });
    await session.connect(transport);
    await expect(session.request('x')).rejects.toThrow(/Could not send "x" over flaky: EPIPE/);
    expect(session.pendingRequestCount).toBe(0);
  });
});

describe('load', () => {
  it('answers 10,000 concurrent requests and leaves no state behind', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler('echo', (params) => params);
    const answers = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => client.request('echo', { i })),
    );
    expect(answers.every((a, i) => (a as { i: number }).i === i)).toBe(true);
    expect(client.pendingRequestCount).toBe(0);
    expect(server.inflightRequestCount).toBe(0);
  });
});
