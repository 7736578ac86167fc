import type { Progress } from '@mcpkit/jsonrpc';
import type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestParams,
  LoggingMessageNotificationParams,
} from '@mcpkit/protocol';
import { McpError, SdkError } from '@mcpkit/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Context, FastMCP } from '../src/index';
import { captureLogger, connect, deferred, ERAS } from './helpers/harness';

function server() {
  return new FastMCP('context-test', { logLevel: 'silent' });
}

function textOf(result: { content: unknown[] }): string {
  return (result.content[0] as { text: string }).text;
}

/**
 * The text of a sampling answer. Its content may be one block or (with sampling tools) a list,
 * so `reply.content.type` does not compile on its own.
 */
function sampledText(reply: CreateMessageResult): string | undefined {
  const [block] = Array.isArray(reply.content) ? reply.content : [reply.content];
  return block?.type === 'text' ? block.text : undefined;
}

describe.each(ERAS)('the Context in protocol %s', (era) => {
  describe('logging', () => {
    it('sends ctx.debug/info/warning/error to the client at or above the level it set', async () => {
      const mcp = server();
      mcp.tool('work', async (_args, ctx) => {
        await ctx.debug('debug line');
        await ctx.info('info line', 'worker');
        await ctx.warning('warning line');
        await ctx.error('error line');
        return 'done';
      });
      const logs: LoggingMessageNotificationParams[] = [];
      const client = await connect(mcp, era, { onLoggingMessage: (m) => logs.push(m) });

      await client.setLoggingLevel('debug');
      await client.callTool({ name: 'work' });
      expect(logs).toEqual([
        { level: 'debug', data: 'debug line' },
        { level: 'info', data: 'info line', logger: 'worker' },
        { level: 'warning', data: 'warning line' },
        { level: 'error', data: 'error line' },
      ]);

      logs.length = 0;
      await client.setLoggingLevel('warning');
      await client.callTool({ name: 'work' });
      // log notifications of a request travel before its answer, so nothing else is on the way
      expect(logs.map((l) => l.level)).toEqual(['warning', 'error']);
    });

    it('sends every log message to a listening client that set no level yet', async () => {
      const mcp = server();
      mcp.tool('chatty', async (_args, ctx) => {
        await ctx.debug('the finest detail');
        return 'done';
      });
      const logs: LoggingMessageNotificationParams[] = [];
      const client = await connect(mcp, era, { onLoggingMessage: (m) => logs.push(m) });
      expect(textOf(await client.callTool({ name: 'chatty' }))).toBe('done');
      expect(logs).toEqual([{ level: 'debug', data: 'the finest detail' }]);
    });

    it('reports progress to the caller that asked for it', async () => {
      const mcp = server();
      mcp.tool('long_task', { input: { files: z.array(z.string()) } }, async ({ files }, ctx) => {
        for (const [i, file] of files.entries()) {
          await ctx.reportProgress(i + 1, files.length, `processed ${file}`);
        }
        return 'Processing complete';
      });
      const client = await connect(mcp, era);
      const progress: Progress[] = [];
      const result = await client.callTool(
        { name: 'long_task', arguments: { files: ['a', 'b'] } },
        { onprogress: (p) => progress.push(p) },
      );
      expect(textOf(result)).toBe('Processing complete');
      expect(progress).toEqual([
        { progress: 1, total: 2, message: 'processed a' },
        { progress: 2, total: 2, message: 'processed b' },
      ]);
      // without a progress token, reporting is a quiet no-op
      expect(
        textOf(await client.callTool({ name: 'long_task', arguments: { files: ['c'] } })),
      ).toBe('Processing complete');
    });
  });

  it('reads static and templated resources of the same server', async () => {
    const mcp = server();
    mcp.resource('config://app', () => 'debug=true');
    mcp.resource('users://{id}', ({ id }) => ({ id, name: `user ${id}` }));
    mcp.tool('summary', async (_args, ctx) => {
      const [config] = await ctx.readResource('config://app');
      const [user] = await ctx.readResource('users://7');
      return JSON.stringify({ config, user });
    });
    const client = await connect(mcp, era);
    const summary = JSON.parse(textOf(await client.callTool({ name: 'summary' })));
    expect(summary.config).toEqual({
      uri: 'config://app',
      mimeType: 'text/plain',
      text: 'debug=true',
    });
    expect(summary.user).toMatchObject({ uri: 'users://7', mimeType: 'application/json' });
    expect(JSON.parse(summary.user.text)).toEqual({ id: '7', name: 'user 7' });
  });

  describe('elicitation', () => {
    function bookingServer() {
      const mcp = server();
      let runs = 0;
      mcp.tool('book', async (_args, ctx) => {
        runs++;
        const answer = await ctx.elicit('Who is booking?', { name: z.string(), age: z.number() });
        if (answer.action === 'accept') {
          const { name, age } = answer.content;
          return `booked for ${name.toUpperCase()} (${age + 1} next year)`;
        }
        return `not booked: ${answer.action}`;
      });
      return { mcp, runs: () => runs };
    }

    it('returns the accepted content, typed and checked', async () => {
      const { mcp, runs } = bookingServer();
      const asked: ElicitRequestParams[] = [];
      const client = await connect(mcp, era, {
        elicitation: (params) => {
          asked.push(params);
          return { action: 'accept', content: { name: 'ada', age: 36 } };
        },
      });
      expect(textOf(await client.callTool({ name: 'book' }))).toBe('booked for ADA (37 next year)');
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        message: 'Who is booking?',
        requestedSchema: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'number' } },
          required: ['name', 'age'],
        },
      });
      // the stateless era asks with a multi round-trip: the handler runs again with the answer
      expect(runs()).toBe(era === '2025-11-25' ? 1 : 2);
    });

    it.each(['decline', 'cancel'] as const)('returns %s without content', async (action) => {
      const { mcp } = bookingServer();
      const client = await connect(mcp, era, { elicitation: () => ({ action }) });
      expect(textOf(await client.callTool({ name: 'book' }))).toBe(`not booked: ${action}`);
    });

    it('fails the call when the accepted content breaks the schema', async () => {
      const { mcp } = bookingServer();
      const client = await connect(mcp, era, {
        elicitation: () => ({ action: 'accept', content: { name: 'ada', age: 'old' } }),
      });
      const error = await client.callTool({ name: 'book' }).catch((e: unknown) => e);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({
        code: -32602,
        message: expect.stringMatching(
          /"Who is booking\?" does not match the requested schema: age/,
        ),
      });
    });

    it('asks with a plain JSON Schema (titled enums) and checks the answer with it', async () => {
      const mcp = server();
      const form = {
        type: 'object',
        properties: {
          size: {
            type: 'string',
            title: 'Size',
            oneOf: [
              { const: 'S', title: 'Small' },
              { const: 'L', title: 'Large' },
            ],
          },
          extras: { type: 'array', items: { type: 'string', enum: ['milk', 'sugar'] } },
        },
        required: ['size'],
      } as const;
      mcp.tool('order', async (_args, ctx) => {
        const answer = await ctx.elicit('Which size?', form, { key: 'size' });
        return answer.action === 'accept' ? JSON.stringify(answer.content) : answer.action;
      });
      const asked: ElicitRequestParams[] = [];
      const client = await connect(mcp, era, {
        elicitation: (params) => {
          asked.push(params);
          return { action: 'accept', content: { size: 'L', extras: ['milk'] } };
        },
      });
      expect(JSON.parse(textOf(await client.callTool({ name: 'order' })))).toEqual({
        size: 'L',
        extras: ['milk'],
      });
      expect(asked[0]).toMatchObject({ message: 'Which size?', requestedSchema: form });

      const wrong = await connect(mcp, era, {
        elicitation: () => ({ action: 'accept', content: { size: 'XL' } }),
      });
      const error = await wrong.callTool({ name: 'order' }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: -32602,
        message: expect.stringMatching(/"Which size\?" does not match the requested schema/),
      });
    });

    it('refuses a form that is not flat', async () => {
      const mcp = new FastMCP('nested', { logLevel: 'silent', maskErrorDetails: false });
      mcp.tool('nested', async (_args, ctx) => {
        await ctx.elicit('Address?', { address: z.object({ street: z.string() }) });
        return 'unreachable';
      });
      const client = await connect(mcp, era, { elicitation: () => ({ action: 'cancel' }) });
      const result = await client.callTool({ name: 'nested' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Elicitation forms are flat: property "address"/);
    });
  });

  it('samples the client model with a prompt', async () => {
    const mcp = server();
    mcp.tool('haiku', { input: { topic: z.string() } }, async ({ topic }, ctx) => {
      const reply = await ctx.sample(`Write a haiku about ${topic}`, { maxTokens: 50 });
      return `${reply.model}: ${sampledText(reply)}`;
    });
    const requests: CreateMessageRequestParams[] = [];
    const client = await connect(mcp, era, {
      sampling: (params) => {
        requests.push(params);
        return {
          role: 'assistant',
          content: { type: 'text', text: 'old pond, frog jumps in' },
          model: 'test-model',
        };
      },
    });
    const result = await client.callTool({ name: 'haiku', arguments: { topic: 'MCP' } });
    expect(textOf(result)).toBe('test-model: old pond, frog jumps in');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      maxTokens: 50,
      messages: [{ role: 'user', content: { type: 'text', text: 'Write a haiku about MCP' } }],
    });
  });

  it('samples with 1000 max tokens by default and passes whole conversations', async () => {
    const mcp = server();
    mcp.tool('chat', async (_args, ctx) => {
      const reply = await ctx.sample(
        [
          { role: 'user', content: { type: 'text', text: 'hi' } },
          { role: 'assistant', content: { type: 'text', text: 'hello' } },
          { role: 'user', content: { type: 'text', text: 'bye' } },
        ],
        { systemPrompt: 'be brief' },
      );
      return sampledText(reply) ?? '';
    });
    const requests: CreateMessageRequestParams[] = [];
    const client = await connect(mcp, era, {
      sampling: (params) => {
        requests.push(params);
        return { role: 'assistant', content: { type: 'text', text: 'ok' }, model: 'm' };
      },
    });
    expect(textOf(await client.callTool({ name: 'chat' }))).toBe('ok');
    expect(requests[0]).toMatchObject({ maxTokens: 1000, systemPrompt: 'be brief' });
    expect(requests[0]?.messages).toHaveLength(3);
  });

  it("lists the client's roots", async () => {
    const mcp = server();
    mcp.tool('roots', async (_args, ctx) => {
      const { roots } = await ctx.listRoots();
      return roots.map((r) => `${r.name}=${r.uri}`).join(',');
    });
    const client = await connect(mcp, era, {
      roots: () => ({
        roots: [
          { uri: 'file:///home/ada/project', name: 'project' },
          { uri: 'file:///tmp', name: 'tmp' },
        ],
      }),
    });
    expect(textOf(await client.callTool({ name: 'roots' }))).toBe(
      'project=file:///home/ada/project,tmp=file:///tmp',
    );
  });

  it('tells who is asking: request id, client info, era and protocol version', async () => {
    const mcp = server();
    const seen: Array<Record<string, unknown>> = [];
    mcp.tool('whoami', (_args, ctx) => {
      seen.push({
        requestId: ctx.requestId,
        clientInfo: ctx.clientInfo,
        era: ctx.era,
        protocolVersion: ctx.protocolVersion,
        elicitation: ctx.clientCapabilities.elicitation !== undefined,
      });
      return 'ok';
    });
    const client = await connect(
      mcp,
      era,
      { elicitation: () => ({ action: 'cancel' }) },
      { name: 'probe-client', version: '9.9.9' },
    );
    await client.callTool({ name: 'whoami' });
    await client.callTool({ name: 'whoami' });
    expect(seen[0]).toMatchObject({
      clientInfo: { name: 'probe-client', version: '9.9.9' },
      era: era === '2025-11-25' ? 'stateful' : 'stateless',
      protocolVersion: era,
      elicitation: true,
    });
    const ids = seen.map((s) => s.requestId);
    expect(ids.every((id) => typeof id === 'number' || typeof id === 'string')).toBe(true);
    expect(ids[0]).not.toEqual(ids[1]);
  });

  it('aborts ctx.signal when the client cancels the call', async () => {
    const mcp = server();
    const started = deferred();
    const aborted = deferred<unknown>();
    mcp.tool(
      'slow',
      (_args, ctx) =>
        new Promise<string>((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            aborted.resolve(ctx.signal.reason);
            resolve('stopped');
          });
          started.resolve();
        }),
    );
    const client = await connect(mcp, era);
    const controller = new AbortController();
    const call = client.callTool({ name: 'slow' }, { signal: controller.signal });
    const outcome = call.catch((e: unknown) => e);
    await started.promise;
    controller.abort('the user pressed stop');
    await aborted.promise;
    expect(SdkError.is(await outcome, 'REQUEST_CANCELLED')).toBe(true);
  });
});

describe('stateless-era specifics of the Context', () => {
  it('asks several questions in one handler, each answered on a later round', async () => {
    const mcp = server();
    let runs = 0;
    mcp.tool('survey', async (_args, ctx) => {
      runs++;
      const name = await ctx.elicit('Name?', { name: z.string() });
      const mood = await ctx.sample('How do I feel?');
      return `${name.action === 'accept' ? name.content.name : '-'} / ${sampledText(mood)}`;
    });
    const client = await connect(mcp, '2026-07-28', {
      elicitation: () => ({ action: 'accept', content: { name: 'ada' } }),
      sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'fine' }, model: 'm' }),
    });
    expect(textOf(await client.callTool({ name: 'survey' }))).toBe('ada / fine');
    expect(runs).toBe(3);
  });
});

describe('asking a client that cannot answer', () => {
  it('fails the call in the stateful era with a tool error naming the capability', async () => {
    const mcp = server();
    mcp.tool('ask', async (_args, ctx) => {
      await ctx.elicit('Name?', { name: z.string() });
      return 'unreachable';
    });
    const client = await connect(mcp, '2025-11-25');
    const result = await client.callTool({ name: 'ask' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/did not declare the "elicitation" capability/);
  });

  it('fails the call with a JSON-RPC error naming the capability in the stateless era', async () => {
    const mcp = server();
    mcp.tool('ask', async (_args, ctx) => {
      await ctx.elicit('Name?', { name: z.string() });
      return 'unreachable';
    });
    const client = await connect(mcp, '2026-07-28');
    const error = await client.callTool({ name: 'ask' }).catch((e: unknown) => e);
    expect(McpError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/elicitation/);
  });
});

describe('the lifespan', () => {
  it('types ctx.lifespan from a generator, and runs its clean-up on close()', async () => {
    const events: string[] = [];
    const mcp = new FastMCP('with-db', {
      logLevel: 'silent',
      lifespan: async function* () {
        events.push('open');
        const db = { query: (sql: string) => `rows of ${sql}` };
        try {
          yield { db };
        } finally {
          events.push('closed');
        }
      },
    });
    mcp.tool('query', { input: { sql: z.string() } }, ({ sql }, ctx) => ctx.lifespan.db.query(sql));
    const client = await mcp.connectClient();
    expect(events).toEqual(['open']);
    expect(textOf(await client.callTool({ name: 'query', arguments: { sql: 'users' } }))).toBe(
      'rows of users',
    );
    await client.close();
    await mcp.close();
    expect(events).toEqual(['open', 'closed']);
  });

  it('makes connectClient() reject when the lifespan throws', async () => {
    const mcp = new FastMCP('broken', {
      logger: captureLogger(),
      lifespan: async () => {
        throw new Error('cache unreachable');
      },
    });
    await expect(mcp.connectClient()).rejects.toThrow(/cache unreachable/);
    await mcp.close();
  });

  it('accepts a function returning the context, and starts it once for several clients', async () => {
    let starts = 0;
    const mcp = new FastMCP('counter', {
      logLevel: 'silent',
      lifespan: async () => {
        starts++;
        return { greeting: 'hi' };
      },
    });
    mcp.tool('greet', (_args, ctx: Context<{ greeting: string }>) => ctx.lifespan.greeting);
    const first = await connect(mcp, '2025-11-25');
    const second = await connect(mcp, '2026-07-28');
    expect(textOf(await first.callTool({ name: 'greet' }))).toBe('hi');
    expect(textOf(await second.callTool({ name: 'greet' }))).toBe('hi');
    expect(starts).toBe(1);
  });
});
