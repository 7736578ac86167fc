import { McpError, SdkError } from '@mcpkit/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FastMCP, Image } from '../src/index';
import { connect, ERAS, notificationCollector } from './helpers/harness';

function server() {
  return new FastMCP('resources-test', { logLevel: 'silent' });
}

describe.each(ERAS)('resources in protocol %s', (era) => {
  describe('static resources', () => {
    it('serves a string as text/plain', async () => {
      const mcp = server();
      mcp.resource('config://app', () => 'App configuration here');
      const client = await connect(mcp, era);
      const result = await client.readResource({ uri: 'config://app' });
      expect(result.contents).toEqual([
        { uri: 'config://app', mimeType: 'text/plain', text: 'App configuration here' },
      ]);
    });

    it('serves bytes as a base64 blob', async () => {
      const mcp = server();
      mcp.resource('data://bytes', () => new Uint8Array([104, 105, 0, 255]));
      mcp.resource('data://buffer', () => new Uint8Array([1, 2, 3]).buffer);
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'data://bytes' })).contents).toEqual([
        { uri: 'data://bytes', mimeType: 'application/octet-stream', blob: 'aGkA/w==' },
      ]);
      expect((await client.readResource({ uri: 'data://buffer' })).contents).toEqual([
        { uri: 'data://buffer', mimeType: 'application/octet-stream', blob: 'AQID' },
      ]);
    });

    it('serves an object as application/json', async () => {
      const mcp = server();
      const value = { name: 'demo', features: ['a', 'b'], limits: { rps: 10 } };
      mcp.resource('config://json', () => value);
      const client = await connect(mcp, era);
      const [content] = (await client.readResource({ uri: 'config://json' })).contents;
      expect(content).toMatchObject({ uri: 'config://json', mimeType: 'application/json' });
      expect(JSON.parse((content as { text: string }).text)).toEqual(value);
    });

    it('uses an explicit mimeType for text and bytes, and lists it', async () => {
      const mcp = server();
      mcp.resource('docs://readme', { mimeType: 'text/markdown' }, () => '# Title');
      mcp.resource('img://logo', { mimeType: 'image/webp' }, () => new Uint8Array([1]));
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'docs://readme' })).contents).toEqual([
        { uri: 'docs://readme', mimeType: 'text/markdown', text: '# Title' },
      ]);
      expect((await client.readResource({ uri: 'img://logo' })).contents).toEqual([
        { uri: 'img://logo', mimeType: 'image/webp', blob: 'AQ==' },
      ]);
      const { resources } = await client.listResources();
      expect(resources.find((r) => r.uri === 'docs://readme')?.mimeType).toBe('text/markdown');
    });

    it('serves an Image with its MIME type, and a list of parts as several contents', async () => {
      const mcp = server();
      mcp.resource('img://pixel', () => new Image({ data: 'iVBORw0=', format: 'png' }));
      mcp.resource('multi://parts', () => ['one', 'two']);
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'img://pixel' })).contents).toEqual([
        { uri: 'img://pixel', mimeType: 'image/png', blob: 'iVBORw0=' },
      ]);
      expect((await client.readResource({ uri: 'multi://parts' })).contents).toEqual([
        { uri: 'multi://parts', mimeType: 'text/plain', text: 'one' },
        { uri: 'multi://parts', mimeType: 'text/plain', text: 'two' },
      ]);
    });

    it('passes a whole ReadResourceResult through', async () => {
      const mcp = server();
      mcp.resource('raw://x', () => ({
        contents: [{ uri: 'raw://x', mimeType: 'text/csv', text: 'a,b\n1,2' }],
      }));
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'raw://x' })).contents).toEqual([
        { uri: 'raw://x', mimeType: 'text/csv', text: 'a,b\n1,2' },
      ]);
    });
  });

  describe('templates', () => {
    it('hands the handler the parameters of a simple template', async () => {
      const mcp = server();
      mcp.resource('users://{userId}/profile', ({ userId }) => `Profile data for user ${userId}`);
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'users://ada/profile' })).contents).toEqual([
        { uri: 'users://ada/profile', mimeType: 'text/plain', text: 'Profile data for user ada' },
      ]);
    });

    it('percent-decodes parameters', async () => {
      const mcp = server();
      mcp.resource('greeting://{name}', ({ name }) => `Hello, ${name}!`);
      const client = await connect(mcp, era);
      const [content] = (await client.readResource({ uri: 'greeting://Jos%C3%A9%20M' })).contents;
      expect(content).toMatchObject({ text: 'Hello, José M!' });
    });

    it('answers a URI with a malformed percent-encoding as not found, without calling the handler', async () => {
      const mcp = server();
      const seen: unknown[] = [];
      mcp.resource('users://{id}', (params) => {
        seen.push(params);
        return `user ${params.id}`;
      });
      const client = await connect(mcp, era);
      const error = await client.readResource({ uri: 'users://a%ZZ' }).catch((e: unknown) => e);
      expect(seen).toEqual([]);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({ code: era === '2025-11-25' ? -32002 : -32602 });
    });

    it('hands an exploded {/path*} parameter over as a list', async () => {
      const mcp = server();
      mcp.resource('files://{root}{/path*}', ({ root, path }) => JSON.stringify({ root, path }));
      const client = await connect(mcp, era);
      const [deep] = (await client.readResource({ uri: 'files://home/a/b/c.txt' })).contents;
      expect(JSON.parse((deep as { text: string }).text)).toEqual({
        root: 'home',
        path: ['a', 'b', 'c.txt'],
      });
    });

    it('treats {?q} query parameters as optional', async () => {
      const mcp = server();
      mcp.resource('search://{index}{?q,limit}', (params) => JSON.stringify(params));
      const client = await connect(mcp, era);
      const read = async (uri: string) =>
        JSON.parse(
          ((await client.readResource({ uri })).contents[0] as { text: string }).text,
        ) as unknown;
      expect(await read('search://books?q=dune&limit=5')).toEqual({
        index: 'books',
        q: 'dune',
        limit: '5',
      });
      expect(await read('search://books?limit=5&q=dune')).toEqual({
        index: 'books',
        q: 'dune',
        limit: '5',
      });
      expect(await read('search://books')).toEqual({ index: 'books' });
    });

    it('checks and converts parameters with a params shape', async () => {
      const mcp = server();
      mcp.resource('items://{id}', { params: { id: z.coerce.number().int() } }, ({ id }) => ({
        id,
        type: typeof id,
      }));
      const client = await connect(mcp, era);
      const [content] = (await client.readResource({ uri: 'items://42' })).contents;
      expect(JSON.parse((content as { text: string }).text)).toEqual({ id: 42, type: 'number' });
      const error = await client.readResource({ uri: 'items://4.5' }).catch((e: unknown) => e);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({
        code: -32602,
        message: expect.stringMatching(
          /Invalid parameters for resource template "items:\/\/\{id\}"/,
        ),
      });
    });

    it('uses the mimeType of the template', async () => {
      const mcp = server();
      mcp.resource('notes://{id}', { mimeType: 'text/markdown' }, ({ id }) => `# Note ${id}`);
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'notes://7' })).contents).toEqual([
        { uri: 'notes://7', mimeType: 'text/markdown', text: '# Note 7' },
      ]);
    });

    it('prefers a static resource over a template matching the same URI', async () => {
      const mcp = server();
      mcp.resource('config://{section}', ({ section }) => `template: ${section}`);
      mcp.resource('config://main', () => 'static');
      const client = await connect(mcp, era);
      expect((await client.readResource({ uri: 'config://main' })).contents[0]).toMatchObject({
        text: 'static',
      });
      expect((await client.readResource({ uri: 'config://other' })).contents[0]).toMatchObject({
        text: 'template: other',
      });
    });
  });

  describe('listing', () => {
    it('lists static resources in resources/list and templates in resources/templates/list', async () => {
      const mcp = server();
      mcp.resource('config://app', { description: 'The config', title: 'Config' }, () => 'x');
      mcp.resource(
        'users://{id}',
        { name: 'user', description: 'A user', mimeType: 'application/json' },
        ({ id }) => ({ id }),
      );
      const client = await connect(mcp, era);
      const { resources } = await client.listResources();
      expect(resources).toEqual([
        { uri: 'config://app', name: 'config://app', title: 'Config', description: 'The config' },
      ]);
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates).toEqual([
        {
          uriTemplate: 'users://{id}',
          name: 'user',
          description: 'A user',
          mimeType: 'application/json',
        },
      ]);
    });

    it('hides disabled resources and templates from lists and reads', async () => {
      const mcp = server();
      const config = mcp.resource('config://app', () => 'x');
      const users = mcp.resource('users://{id}', ({ id }) => id);
      const client = await connect(mcp, era);
      config.disable();
      users.disable();
      expect((await client.listResources()).resources).toEqual([]);
      expect((await client.listResourceTemplates()).resourceTemplates).toEqual([]);
      await expect(client.readResource({ uri: 'users://1' })).rejects.toBeInstanceOf(McpError);
      users.enable();
      expect((await client.readResource({ uri: 'users://1' })).contents[0]).toMatchObject({
        text: '1',
      });
    });
  });

  it(`answers an unknown URI with JSON-RPC error ${era === '2025-11-25' ? '-32002' : '-32602'}`, async () => {
    const mcp = server();
    mcp.resource('config://app', () => 'x');
    const client = await connect(mcp, era);
    const error = await client.readResource({ uri: 'nothing://here' }).catch((e: unknown) => e);
    expect(McpError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: era === '2025-11-25' ? -32002 : -32602,
      message: expect.stringMatching(/Resource not found: "nothing:\/\/here"/),
    });
  });

  describe('completion', () => {
    it('completes template parameters with what the completer returns for the typed value', async () => {
      const mcp = server();
      const names = ['ada', 'alan', 'grace'];
      const seen: Array<{ value: string; context: unknown }> = [];
      mcp.resource(
        'users://{org}/{userId}/profile',
        {
          complete: {
            userId: (value, context) => {
              seen.push({ value, context });
              return names.filter((n) => n.startsWith(value));
            },
          },
        },
        ({ userId }) => userId,
      );
      const client = await connect(mcp, era);
      const result = await client.complete({
        ref: { type: 'ref/resource', uri: 'users://{org}/{userId}/profile' },
        argument: { name: 'userId', value: 'a' },
        context: { arguments: { org: 'acme' } },
      });
      expect(result.completion).toEqual({ values: ['ada', 'alan'], total: 2, hasMore: false });
      expect(seen).toEqual([{ value: 'a', context: { arguments: { org: 'acme' } } }]);
    });

    it('caps completion at 100 values and says there are more', async () => {
      const mcp = server();
      const many = Array.from({ length: 150 }, (_, i) => `item-${i}`);
      mcp.resource('things://{id}', { complete: { id: () => many } }, ({ id }) => id);
      const client = await connect(mcp, era);
      const { completion } = await client.complete({
        ref: { type: 'ref/resource', uri: 'things://{id}' },
        argument: { name: 'id', value: '' },
      });
      expect(completion.values).toEqual(many.slice(0, 100));
      expect(completion.total).toBe(150);
      expect(completion.hasMore).toBe(true);
    });

    it('completes nothing for an argument without a completer or an unknown template', async () => {
      const mcp = server();
      mcp.resource('things://{id}', ({ id }) => id);
      const client = await connect(mcp, era);
      for (const uri of ['things://{id}', 'other://{x}']) {
        const { completion } = await client.complete({
          ref: { type: 'ref/resource', uri },
          argument: { name: 'id', value: 'a' },
        });
        expect(completion.values).toEqual([]);
      }
    });
  });
});

describe('resource changes reach clients', () => {
  it('sends notifications/resources/updated to a stateful client subscribed to that URI only', async () => {
    const mcp = server();
    mcp.resource('config://watched', () => 'w');
    mcp.resource('config://other', () => 'o');
    const notes = notificationCollector();
    const client = await connect(mcp, '2025-11-25', { onNotification: notes.onNotification });
    await client.subscribeResource('config://watched');
    mcp.notifyResourceUpdated('config://other');
    mcp.notifyResourceUpdated('config://watched');
    expect(await notes.next('notifications/resources/updated')).toEqual({
      uri: 'config://watched',
    });
    // both notifications travel in order on one connection: the other URI never arrived
    expect(notes.seen.filter((n) => n.method === 'notifications/resources/updated')).toHaveLength(
      1,
    );
  });

  it('sends notifications/resources/updated on a stateless listen stream', async () => {
    const mcp = server();
    mcp.resource('config://watched', () => 'w');
    const client = await connect(mcp, '2026-07-28');
    const subscription = await client.listen({ resourceSubscriptions: ['config://watched'] });
    await subscription.acknowledged;
    const iterator = subscription[Symbol.asyncIterator]();
    mcp.notifyResourceUpdated('config://watched');
    expect((await iterator.next()).value).toMatchObject({
      method: 'notifications/resources/updated',
      params: { uri: 'config://watched' },
    });
    subscription.close();
  });

  it('sends notifications/resources/list_changed when resources and templates come and go', async () => {
    const mcp = server();
    const notes = notificationCollector();
    const client = await connect(mcp, '2025-11-25', { onNotification: notes.onNotification });
    const changed = 'notifications/resources/list_changed';
    const fixed = mcp.resource('config://new', () => 'new');
    await notes.next(changed);
    expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(['config://new']);
    const template = mcp.resource('users://{id}', ({ id }) => id);
    await notes.next(changed);
    expect((await client.listResourceTemplates()).resourceTemplates).toHaveLength(1);
    fixed.remove();
    await notes.next(changed);
    template.remove();
    await notes.next(changed);
    expect((await client.listResources()).resources).toEqual([]);
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([]);
  });
});

describe('resource registration', () => {
  it('refuses a second static resource or template with the same URI', () => {
    const mcp = server();
    mcp.resource('config://app', () => 'a');
    mcp.resource('users://{id}', ({ id }) => id);
    expect(() => mcp.resource('config://app', () => 'b')).toThrow(/already registered/);
    expect(() => mcp.resource('users://{id}', ({ id }) => id)).toThrow(/already registered/);
  });

  it('refuses params or complete on a URI without parameters', () => {
    const mcp = server();
    expect(() =>
      mcp.resource('config://app', { params: { x: z.string() } } as never, () => 'a'),
    ).toThrow(/no \{parameters\}/);
  });

  it('refuses a malformed template with an SdkError', () => {
    const mcp = server();
    let error: unknown;
    try {
      mcp.resource('users://{bad name}', () => 'x');
    } catch (e) {
      error = e;
    }
    expect(SdkError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/bad variable name/);
  });

  it('refuses at registration a template whose query expression is not last', () => {
    // a template that can never match must fail where it is written, not as an internal error
    // on every later resources/read
    const mcp = server();
    expect(() => mcp.resource('search://{?q}/results', () => 'x')).toThrow(/must come last/);
  });
});
