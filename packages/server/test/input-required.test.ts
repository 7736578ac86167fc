import { ErrorCode, type McpError } from '@mcpkit/protocol';
import { describe, expect, it, vi } from 'vitest';
import { isInputRequired, RequestStateCodec, Server } from '../src/index';
import { initialize, meta, rawPeer } from './helpers';

const ALL = { elicitation: {}, sampling: {}, roots: {} };
const nameSchema = {
  type: 'object' as const,
  properties: { name: { type: 'string' as const } },
  required: ['name'],
};

function mrtrServer(options: ConstructorParameters<typeof Server>[1] = {}) {
  const server = new Server(
    { name: 'mrtr', version: '1' },
    { capabilities: { tools: {}, prompts: {} }, ...options },
  );
  const runs: string[] = [];
  server.setRequestHandler('tools/call', async (params, ctx) => {
    runs.push(params.name);
    switch (params.name) {
      case 'greet': {
        const answer = await ctx.elicit(
          { message: 'What is your name?', requestedSchema: nameSchema },
          { key: 'user_name' },
        );
        return { content: [{ type: 'text', text: `Hello, ${answer.content?.name}!` }] };
      }
      case 'three': {
        const [user, greeting, roots] = await Promise.all([
          ctx.elicit({ message: 'Name?', requestedSchema: nameSchema }, { key: 'user_name' }),
          ctx.createMessage(
            {
              messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }],
              maxTokens: 50,
            },
            { key: 'greeting' },
          ),
          ctx.listRoots({ key: 'client_roots' }),
        ]);
        const text = greeting.content as { text: string };
        return {
          content: [
            {
              type: 'text',
              text: `${text.text} ${user.content?.name} (${roots.roots.length} roots)`,
            },
          ],
        };
      }
      case 'steps': {
        const first = await ctx.elicit(
          { message: 'Name?', requestedSchema: nameSchema },
          { key: 'step1' },
        );
        const second = await ctx.elicit(
          {
            message: 'Favorite color?',
            requestedSchema: {
              type: 'object',
              properties: { color: { type: 'string' } },
              required: ['color'],
            },
          },
          { key: 'step2' },
        );
        return {
          content: [
            { type: 'text', text: `${first.content?.name} likes ${second.content?.color}` },
          ],
        };
      }
      case 'fickle': {
        // asks in a different order depending on a counter: a handler bug the server must catch
        const key = runs.filter((n) => n === 'fickle').length === 1 ? 'a' : 'b';
        await ctx.elicit({ message: key, requestedSchema: nameSchema }, { key });
        return { content: [] };
      }
      case 'swallow': {
        try {
          await ctx.elicit({ message: 'x', requestedSchema: nameSchema }, { key: 'x' });
        } catch (error) {
          if (!isInputRequired(error)) throw error;
          return { content: [{ type: 'text', text: 'swallowed' }] };
        }
        return { content: [{ type: 'text', text: 'answered' }] };
      }
      default:
        return { content: [] };
    }
  });
  server.setRequestHandler('prompts/get', async (_params, ctx) => {
    const answer = await ctx.elicit(
      {
        message: 'Context?',
        requestedSchema: { type: 'object', properties: { context: { type: 'string' } } },
      },
      { key: 'user_context' },
    );
    return {
      messages: [
        { role: 'user', content: { type: 'text', text: String(answer.content?.context) } },
      ],
    };
  });
  server.setRequestHandler('tools/list', async (_params, ctx) => {
    await ctx.elicit({ message: 'nope', requestedSchema: nameSchema });
    return { tools: [] };
  });
  return { server, runs };
}

type Interim = {
  resultType: string;
  inputRequests: Record<string, { method: string; params?: Record<string, unknown> }>;
  requestState: string;
};

describe('multi round-trip requests (stateless era)', () => {
  it('asks with an input-required result, then completes on the retry with the answer', async () => {
    const { server, runs } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
    })) as Interim;
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: {
        user_name: {
          method: 'elicitation/create',
          params: { message: 'What is your name?', requestedSchema: nameSchema },
        },
      },
      requestState: expect.any(String),
    });
    const second = await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
      inputResponses: { user_name: { action: 'accept', content: { name: 'Ada' } } },
      requestState: first.requestState,
    });
    expect(second).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
    // the handler ran again on the retry, from the top
    expect(runs).toEqual(['greet', 'greet']);
  });

  it('collects every ask of one burst into one interim result', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'three',
      _meta: meta({}, ALL),
    })) as Interim;
    expect(Object.keys(first.inputRequests).sort()).toEqual([
      'client_roots',
      'greeting',
      'user_name',
    ]);
    expect(first.inputRequests.client_roots).toEqual({ method: 'roots/list' });
    const done = await peer.request('tools/call', {
      name: 'three',
      _meta: meta({}, ALL),
      requestState: first.requestState,
      inputResponses: {
        user_name: { action: 'accept', content: { name: 'Ada' } },
        greeting: { role: 'assistant', content: { type: 'text', text: 'Hi' }, model: 'm' },
        client_roots: { roots: [{ uri: 'file:///a' }, { uri: 'file:///b' }] },
      },
    });
    expect(done).toMatchObject({ content: [{ text: 'Hi Ada (2 roots)' }] });
  });

  it('runs several rounds, each with a new state that keeps the earlier answers', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const one = (await peer.request('tools/call', {
      name: 'steps',
      _meta: meta({}, ALL),
    })) as Interim;
    expect(Object.keys(one.inputRequests)).toEqual(['step1']);
    const two = (await peer.request('tools/call', {
      name: 'steps',
      _meta: meta({}, ALL),
      requestState: one.requestState,
      inputResponses: { step1: { action: 'accept', content: { name: 'Ada' } } },
    })) as Interim;
    expect(Object.keys(two.inputRequests)).toEqual(['step2']);
    expect(two.requestState).not.toBe(one.requestState);
    const three = await peer.request('tools/call', {
      name: 'steps',
      _meta: meta({}, ALL),
      requestState: two.requestState,
      inputResponses: { step2: { action: 'accept', content: { color: 'green' } } },
    });
    expect(three).toMatchObject({ content: [{ text: 'Ada likes green' }] });
  });

  it('asks again for what is missing, and ignores keys nobody asked for', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
    })) as Interim;
    const again = (await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
      requestState: first.requestState,
      inputResponses: { wrong_key: { action: 'accept', content: { name: 'Eve' } } },
    })) as Interim;
    expect(again.resultType).toBe('input_required');
    expect(Object.keys(again.inputRequests)).toEqual(['user_name']);
    const done = await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
      requestState: again.requestState,
      inputResponses: {
        user_name: { action: 'accept', content: { name: 'Ada' } },
        extra: { junk: true },
      },
    });
    expect(done).toMatchObject({ content: [{ text: 'Hello, Ada!' }] });
  });

  it('refuses a malformed answer with -32602', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
    })) as Interim;
    const error = (await peer
      .request('tools/call', {
        name: 'greet',
        _meta: meta({}, ALL),
        requestState: first.requestState,
        inputResponses: { user_name: { action: 'maybe' } },
      })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/inputResponses\["user_name"\]/);
  });

  it('refuses a tampered, foreign or replayed state with -32602', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
    })) as Interim;
    const answer = { user_name: { action: 'accept', content: { name: 'Ada' } } };
    const flipped =
      first.requestState.slice(0, -4) + (first.requestState.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const [requestState, reason] of [
      [flipped, /tampered/],
      ['not-a-state', /not a request state/],
    ] as const) {
      const error = (await peer
        .request('tools/call', {
          name: 'greet',
          _meta: meta({}, ALL),
          requestState,
          inputResponses: answer,
        })
        .catch((e: unknown) => e)) as McpError;
      expect(error.code).toBe(ErrorCode.InvalidParams);
      expect(error.message).toMatch(reason);
    }
    // state minted for greet cannot authorise a different call
    const error = (await peer
      .request('tools/call', {
        name: 'steps',
        _meta: meta({}, ALL),
        requestState: first.requestState,
        inputResponses: answer,
      })
      .catch((e: unknown) => e)) as McpError;
    expect(error.message).toMatch(/different request/);
    // nor one from another server (another key)
    const other = mrtrServer().server;
    const otherPeer = await rawPeer(other);
    const foreign = (await otherPeer.peer
      .request('tools/call', {
        name: 'greet',
        _meta: meta({}, ALL),
        requestState: first.requestState,
        inputResponses: answer,
      })
      .catch((e: unknown) => e)) as McpError;
    expect(foreign.message).toMatch(/key this server does not have/);
  });

  it('binds the state to the authenticated caller', async () => {
    const { server } = mrtrServer();
    const alice = await rawPeer(server, {
      extra: { extra: { authInfo: { token: 't1', clientId: 'alice', scopes: [] } } },
    });
    const mallory = await rawPeer(server, {
      extra: { extra: { authInfo: { token: 't2', clientId: 'mallory', scopes: [] } } },
    });
    const first = (await alice.peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
    })) as Interim;
    const error = (await mallory.peer
      .request('tools/call', {
        name: 'greet',
        _meta: meta({}, ALL),
        requestState: first.requestState,
        inputResponses: { user_name: { action: 'accept', content: { name: 'M' } } },
      })
      .catch((e: unknown) => e)) as McpError;
    expect(error.message).toMatch(/another caller/);
  });

  it('accepts states sealed by another server that shares its keys (rotation too)', async () => {
    const key = 'a-long-shared-secret-for-tests';
    const a = mrtrServer({ requestState: { keys: [key] } }).server;
    const b = mrtrServer({ requestState: { keys: ['a-newer-secret-for-rotation', key] } }).server;
    const first = (await (
      await rawPeer(a)
    ).peer.request('tools/call', { name: 'greet', _meta: meta({}, ALL) })) as Interim;
    const done = await (await rawPeer(b)).peer.request('tools/call', {
      name: 'greet',
      _meta: meta({}, ALL),
      requestState: first.requestState,
      inputResponses: { user_name: { action: 'accept', content: { name: 'Ada' } } },
    });
    expect(done).toMatchObject({ content: [{ text: 'Hello, Ada!' }] });
  });

  it('refuses to ask for what the request did not declare, with -32021 naming it', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const error = (await peer
      .request('tools/call', { name: 'three', _meta: meta({}, { elicitation: {} }) })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(-32021);
    expect(error.data).toEqual({ requiredCapabilities: { sampling: {} } });
  });

  it('never answers methods other than tools/call, prompts/get and resources/read with input requests', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const error = (await peer
      .request('tools/list', { _meta: meta({}, ALL) })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InternalError);
    const prompt = (await peer.request('prompts/get', {
      name: 'p',
      _meta: meta({}, ALL),
    })) as Interim;
    expect(prompt.resultType).toBe('input_required');
    expect(Object.keys(prompt.inputRequests)).toEqual(['user_context']);
  });

  it('fails loudly when a handler changes the order of its asks between runs', async () => {
    const { server } = mrtrServer();
    const failures: Error[] = [];
    const { peer, session } = await rawPeer(server);
    session.onerror = (e) => failures.push(e);
    const first = (await peer.request('tools/call', {
      name: 'fickle',
      _meta: meta({}, ALL),
    })) as Interim;
    const error = (await peer
      .request('tools/call', {
        name: 'fickle',
        _meta: meta({}, ALL),
        requestState: first.requestState,
        inputResponses: { a: { action: 'decline' } },
      })
      .catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(failures[0]?.message).toMatch(/different order than on its previous run/);
  });

  it('answers for input even when the handler swallowed the signal', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const first = (await peer.request('tools/call', {
      name: 'swallow',
      _meta: meta({}, ALL),
    })) as Interim;
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests)).toEqual(['x']);
  });

  it('uses server-to-client requests for the same handler in the stateful era', async () => {
    const { server } = mrtrServer();
    const { peer } = await rawPeer(server);
    const asked = vi.fn(() => ({ action: 'accept', content: { name: 'Ada' } }));
    peer.setRequestHandler('elicitation/create', asked);
    await initialize(peer, ALL);
    expect(await peer.request('tools/call', { name: 'greet' })).toEqual({
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
    expect(asked).toHaveBeenCalledTimes(1);
  });
});

describe('RequestStateCodec', () => {
  const binding = { caller: 'anonymous', method: 'tools/call', digest: 'd' };

  it('expires states after their time', async () => {
    const codec = new RequestStateCodec({ ttlMs: 1000 });
    const state = await codec.seal({ ...binding, data: { x: 1 } }, 0);
    expect(await codec.open(state, binding, 999)).toEqual({ ok: true, data: { x: 1 } });
    expect(await codec.open(state, binding, 1001)).toEqual({ ok: false, reason: 'it has expired' });
  });

  it('refuses short string keys and wrong-length byte keys', async () => {
    await expect(
      new RequestStateCodec({ keys: ['short'] }).seal({ ...binding, data: 1 }),
    ).rejects.toThrow(/at least 16 characters/);
    await expect(
      new RequestStateCodec({ keys: [new Uint8Array(5)] }).seal({ ...binding, data: 1 }),
    ).rejects.toThrow(/32 bytes/);
    expect(() => new RequestStateCodec({ keys: [] })).toThrow(/empty/);
  });
});
