import { McpError, SdkError } from '@mcpkit/protocol';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Audio, FastMCP, Image, resourceLink, ToolError } from '../src/index';
import { captureLogger, connect, ERAS, notificationCollector } from './helpers/harness';

/** A 1×1 PNG's first bytes: enough to check the base64 that travels. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_BASE64 = Buffer.from(PNG_BYTES).toString('base64');

function quietServer(options: ConstructorParameters<typeof FastMCP>[1] = {}) {
  const logger = captureLogger();
  const mcp = new FastMCP('tools-test', { logger, ...options });
  return { mcp, logger };
}

describe.each(ERAS)('tools in protocol %s', (era) => {
  describe('input schemas', () => {
    it('lists a zod shape as an object schema: required fields, optional ones not, descriptions kept', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'add',
        {
          description: 'Add two numbers',
          input: { a: z.number().describe('the first'), b: z.number().optional() },
        },
        ({ a, b }) => a + (b ?? 0),
      );
      const client = await connect(mcp, era);
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(1);
      expect(tools[0]).toMatchObject({
        name: 'add',
        description: 'Add two numbers',
        inputSchema: {
          type: 'object',
          properties: { a: { type: 'number', description: 'the first' }, b: { type: 'number' } },
          required: ['a'],
        },
      });
      expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toMatchObject({
        content: [{ type: 'text', text: '5' }],
      });
      expect(await client.callTool({ name: 'add', arguments: { a: 2 } })).toMatchObject({
        content: [{ type: 'text', text: '2' }],
      });
    });

    it('takes a z.object as input, hands the handler its parsed output (defaults applied)', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'greet',
        {
          input: z.object({
            name: z.string().describe('who to greet'),
            greeting: z.string().default('Hello'),
          }),
        },
        ({ name, greeting }) => `${greeting}, ${name}!`,
      );
      const client = await connect(mcp, era);
      const [tool] = (await client.listTools()).tools;
      expect(tool?.inputSchema).toMatchObject({
        type: 'object',
        properties: { name: { type: 'string', description: 'who to greet' } },
        required: ['name'],
      });
      expect(tool?.inputSchema.required).not.toContain('greeting');
      const result = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
      expect(result.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
    });

    it('takes a valibot object wrapped with toStandardJsonSchema', async () => {
      const { mcp } = quietServer();
      const input = toStandardJsonSchema(
        v.object({
          city: v.pipe(v.string(), v.description('where')),
          days: v.optional(v.number()),
        }),
      );
      mcp.tool('forecast', { input }, ({ city, days }) => `${city} for ${days ?? 1} day(s)`);
      const client = await connect(mcp, era);
      const [tool] = (await client.listTools()).tools;
      expect(tool?.inputSchema).toMatchObject({
        type: 'object',
        properties: { city: { type: 'string', description: 'where' }, days: { type: 'number' } },
        required: ['city'],
      });
      expect(
        (await client.callTool({ name: 'forecast', arguments: { city: 'Oslo', days: 3 } })).content,
      ).toEqual([{ type: 'text', text: 'Oslo for 3 day(s)' }]);
      expect(
        (await client.callTool({ name: 'forecast', arguments: { city: 'Rome' } })).content,
      ).toEqual([{ type: 'text', text: 'Rome for 1 day(s)' }]);
    });

    it('takes a shape of valibot fields, leaving optional ones out of required', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'repeat',
        {
          input: {
            text: toStandardJsonSchema(v.pipe(v.string(), v.description('what to repeat'))),
            times: toStandardJsonSchema(v.optional(v.number())),
          },
        },
        ({ text, times }) => text.repeat(times ?? 2),
      );
      const client = await connect(mcp, era);
      const [tool] = (await client.listTools()).tools;
      expect(tool?.inputSchema).toEqual({
        type: 'object',
        properties: {
          text: { type: 'string', description: 'what to repeat' },
          times: { type: 'number' },
        },
        required: ['text'],
      });
      expect(
        (await client.callTool({ name: 'repeat', arguments: { text: 'ab' } })).content,
      ).toEqual([{ type: 'text', text: 'abab' }]);
    });

    it('lists a plain JSON Schema inputSchema as given and passes the arguments through unchecked', async () => {
      const { mcp } = quietServer();
      const inputSchema = {
        type: 'object',
        properties: { query: { type: 'string', description: 'SQL' } },
        required: ['query'],
      } as const;
      mcp.tool('sql', { inputSchema }, (args) => JSON.stringify(args));
      const client = await connect(mcp, era);
      expect((await client.listTools()).tools[0]?.inputSchema).toEqual(inputSchema);
      const result = await client.callTool({ name: 'sql', arguments: { query: 'select 1', n: 2 } });
      expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual({
        query: 'select 1',
        n: 2,
      });
    });

    it('lists a tool without input as an empty object schema and calls it with empty arguments', async () => {
      const { mcp } = quietServer();
      mcp.tool('args', (args) => JSON.stringify(args));
      const client = await connect(mcp, era);
      expect((await client.listTools()).tools[0]?.inputSchema).toEqual({ type: 'object' });
      expect((await client.callTool({ name: 'args' })).content).toEqual([
        { type: 'text', text: '{}' },
      ]);
    });

    it('keeps title, annotations, icons and _meta in tools/list', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'delete_all',
        {
          title: 'Delete everything',
          annotations: { destructiveHint: true, idempotentHint: true },
          icons: [{ src: 'https://example.com/bin.png', mimeType: 'image/png' }],
          _meta: { 'example.com/tier': 'gold' },
        },
        () => 'gone',
      );
      const client = await connect(mcp, era);
      expect((await client.listTools()).tools[0]).toMatchObject({
        name: 'delete_all',
        title: 'Delete everything',
        annotations: { destructiveHint: true, idempotentHint: true },
        icons: [{ src: 'https://example.com/bin.png', mimeType: 'image/png' }],
        _meta: { 'example.com/tier': 'gold' },
      });
    });
  });

  describe('argument validation', () => {
    it('answers arguments that break a zod shape with an isError result naming the field', async () => {
      const { mcp } = quietServer();
      let ran = false;
      mcp.tool('add', { input: { a: z.number(), b: z.number() } }, ({ a, b }) => {
        ran = true;
        return a + b;
      });
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 'two' } });
      expect(result.isError).toBe(true);
      expect(result.content).toHaveLength(1);
      expect(result.content[0]).toMatchObject({
        type: 'text',
        text: expect.stringMatching(/Invalid arguments for tool "add": b: .*number/),
      });
      expect(ran).toBe(false);
    });

    it('names a missing required field of a valibot schema', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'forecast',
        { input: toStandardJsonSchema(v.object({ city: v.string() })) },
        ({ city }) => city,
      );
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'forecast', arguments: {} });
      expect(result.isError).toBe(true);
      expect(result.content[0]).toMatchObject({
        text: expect.stringMatching(/Invalid arguments for tool "forecast": city: /),
      });
    });

    it('names the field of a shape of valibot fields', async () => {
      const { mcp } = quietServer();
      mcp.tool('repeat', { input: { text: toStandardJsonSchema(v.string()) } }, ({ text }) => text);
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'repeat', arguments: { text: 42 } });
      expect(result.isError).toBe(true);
      expect(result.content[0]).toMatchObject({ text: expect.stringMatching(/text: /) });
    });
  });

  describe('return values', () => {
    async function call(value: unknown) {
      const { mcp } = quietServer();
      mcp.tool('value', () => value as never);
      const client = await connect(mcp, era);
      return client.callTool({ name: 'value' });
    }

    it('turns a string into one text block', async () => {
      const result = await call('hello');
      expect(result.content).toEqual([{ type: 'text', text: 'hello' }]);
      expect(result.isError).toBeFalsy();
    });

    it('turns numbers, booleans and bigints into their text', async () => {
      expect((await call(42.5)).content).toEqual([{ type: 'text', text: '42.5' }]);
      expect((await call(false)).content).toEqual([{ type: 'text', text: 'false' }]);
      expect((await call(12345678901234567890n)).content).toEqual([
        { type: 'text', text: '12345678901234567890' },
      ]);
    });

    it('turns an object into its JSON text', async () => {
      const value = { name: 'Ada', tags: ['math', 'engines'], nested: { ok: true } };
      const result = await call(value);
      expect(result.content).toHaveLength(1);
      const block = result.content[0] as { type: string; text: string };
      expect(block.type).toBe('text');
      expect(JSON.parse(block.text)).toEqual(value);
      expect(result.structuredContent).toBeUndefined();
    });

    it('turns null and undefined into empty content', async () => {
      expect((await call(null)).content).toEqual([]);
      expect((await call(undefined)).content).toEqual([]);
    });

    it('turns an array into one block per item, images included', async () => {
      const result = await call(['one', 2, new Image({ data: PNG_BYTES }), { three: 3 }]);
      expect(result.content).toEqual([
        { type: 'text', text: 'one' },
        { type: 'text', text: '2' },
        { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
        { type: 'text', text: expect.any(String) },
      ]);
      expect(JSON.parse((result.content[3] as { text: string }).text)).toEqual({ three: 3 });
    });

    it('turns an Image into an image block with base64 data and its MIME type', async () => {
      expect((await call(new Image({ data: PNG_BYTES }))).content).toEqual([
        { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
      ]);
      expect((await call(new Image({ data: PNG_BYTES.buffer, format: 'jpg' }))).content).toEqual([
        { type: 'image', data: PNG_BASE64, mimeType: 'image/jpeg' },
      ]);
      expect((await call(new Image({ data: 'AAEC', format: 'image/x-icon' }))).content).toEqual([
        { type: 'image', data: 'AAEC', mimeType: 'image/x-icon' },
      ]);
    });

    it('turns an Audio into an audio block', async () => {
      expect((await call(new Audio({ data: new Uint8Array([1, 2, 3]) }))).content).toEqual([
        { type: 'audio', data: 'AQID', mimeType: 'audio/wav' },
      ]);
      expect((await call(new Audio({ data: 'AQID', format: 'mp3' }))).content).toEqual([
        { type: 'audio', data: 'AQID', mimeType: 'audio/mpeg' },
      ]);
    });

    it('turns resourceLink() into a resource_link block', async () => {
      const link = resourceLink({
        uri: 'file:///tmp/report.pdf',
        name: 'report',
        mimeType: 'application/pdf',
      });
      expect((await call(link)).content).toEqual([
        {
          type: 'resource_link',
          uri: 'file:///tmp/report.pdf',
          name: 'report',
          mimeType: 'application/pdf',
        },
      ]);
    });

    it('passes a full CallToolResult through untouched', async () => {
      const full = {
        content: [{ type: 'text', text: 'custom' }],
        isError: true,
        _meta: { 'example.com/trace': 'abc' },
      };
      expect(await call(full)).toMatchObject(full);
    });
  });

  describe('output schemas', () => {
    it('returns structuredContent and its JSON text for a z.object output', async () => {
      const { mcp } = quietServer();
      mcp.tool(
        'bmi',
        {
          input: { weightKg: z.number(), heightM: z.number() },
          output: z.object({ bmi: z.number() }),
        },
        ({ weightKg, heightM }) => ({ bmi: weightKg / heightM ** 2 }),
      );
      const client = await connect(mcp, era);
      const [tool] = (await client.listTools()).tools;
      expect(tool?.outputSchema).toMatchObject({
        type: 'object',
        properties: { bmi: { type: 'number' } },
        required: ['bmi'],
      });
      const result = await client.callTool({
        name: 'bmi',
        arguments: { weightKg: 72, heightM: 1.2 },
      });
      expect(result.structuredContent).toEqual({ bmi: 50 });
      expect(result.content).toEqual([{ type: 'text', text: JSON.stringify({ bmi: 50 }) }]);
      expect(result.isError).toBeFalsy();
    });

    it('wraps a non-object output schema as { result }', async () => {
      const { mcp } = quietServer();
      mcp.tool('count', { output: z.array(z.string()) }, () => ['a', 'b']);
      const client = await connect(mcp, era);
      expect((await client.listTools()).tools[0]?.outputSchema).toEqual({
        type: 'object',
        properties: { result: { type: 'array', items: { type: 'string' } } },
        required: ['result'],
      });
      const result = await client.callTool({ name: 'count' });
      expect(result.structuredContent).toEqual({ result: ['a', 'b'] });
      expect(result.content).toEqual([{ type: 'text', text: '{"result":["a","b"]}' }]);
    });

    it('answers a value that breaks the output schema with an isError result, and logs it', async () => {
      const { mcp, logger } = quietServer();
      mcp.tool('bad', { output: z.object({ n: z.number() }) }, () => ({ n: 'nope' }) as never);
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'bad' });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      expect(result.content[0]).toMatchObject({
        text: expect.stringMatching(/does not match its output schema: n: /),
      });
      expect(
        logger.entries.some((e) => e.level === 'error' && /output schema/.test(e.message)),
      ).toBe(true);
    });

    it('lists a plain JSON Schema outputSchema and returns the value as structuredContent', async () => {
      const { mcp } = quietServer();
      const outputSchema = {
        type: 'object',
        properties: { rows: { type: 'number' } },
        required: ['rows'],
      } as const;
      mcp.tool('rows', { outputSchema }, () => ({ rows: 3 }));
      const client = await connect(mcp, era);
      expect((await client.listTools()).tools[0]?.outputSchema).toEqual(outputSchema);
      const result = await client.callTool({ name: 'rows' });
      expect(result.structuredContent).toEqual({ rows: 3 });
    });

    it('never sends a non-object as structuredContent for a plain JSON outputSchema', async () => {
      // structuredContent must be an object (the spec); a value that cannot be one is a tool error
      const { mcp } = quietServer();
      const outputSchema = { type: 'object', properties: { n: { type: 'number' } } } as const;
      mcp.tool('scalar', { outputSchema }, () => 3 as never);
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'scalar' });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
    });

    it('passes a full CallToolResult through even with an output schema', async () => {
      const { mcp } = quietServer();
      mcp.tool('custom', { output: z.object({ n: z.number() }) }, () => ({
        // `as const`: without it the literal widens to string and the return does not compile
        content: [{ type: 'text' as const, text: 'n is 1' }],
        structuredContent: { n: 1 },
      }));
      const client = await connect(mcp, era);
      await client.listTools();
      expect(await client.callTool({ name: 'custom' })).toMatchObject({
        content: [{ type: 'text', text: 'n is 1' }],
        structuredContent: { n: 1 },
      });
    });
  });

  describe('errors', () => {
    it("shows a ToolError's message as is", async () => {
      const { mcp, logger } = quietServer();
      mcp.tool('div', { input: { a: z.number(), b: z.number() } }, ({ a, b }) => {
        if (b === 0) throw new ToolError('Cannot divide by zero; pass a non-zero b.');
        return a / b;
      });
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'div', arguments: { a: 1, b: 0 } });
      expect(result).toMatchObject({
        isError: true,
        content: [{ type: 'text', text: 'Cannot divide by zero; pass a non-zero b.' }],
      });
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    });

    it('masks the message of any other error by default, and logs the original', async () => {
      const { mcp, logger } = quietServer();
      mcp.tool('db', async () => {
        throw new Error('password=hunter2 rejected by db.internal:5432');
      });
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'db' });
      expect(result.isError).toBe(true);
      const text = (result.content[0] as { text: string }).text;
      expect(text).toMatch(/Error executing tool db/);
      expect(text).not.toMatch(/hunter2|db\.internal/);
      const logged = logger.entries.find((e) => e.level === 'error');
      expect(logged?.message).toMatch(/tool "db" failed/);
      expect(logged?.fields?.error).toMatchObject({ message: expect.stringMatching(/hunter2/) });
    });

    it('shows the message of other errors with maskErrorDetails: false', async () => {
      const { mcp } = quietServer({ maskErrorDetails: false });
      mcp.tool('db', () => {
        throw new Error('connection refused');
      });
      const client = await connect(mcp, era);
      const result = await client.callTool({ name: 'db' });
      expect(result).toMatchObject({
        isError: true,
        content: [{ type: 'text', text: expect.stringMatching(/connection refused/) }],
      });
    });

    it('keeps an McpError a JSON-RPC error with its code', async () => {
      const { mcp } = quietServer();
      mcp.tool('strict', () => {
        throw new McpError(-32602, 'The argument "x" is out of range');
      });
      const client = await connect(mcp, era);
      const error = await client.callTool({ name: 'strict' }).catch((e: unknown) => e);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({ code: -32602, message: expect.stringMatching(/out of range/) });
    });

    it('answers an unknown tool with JSON-RPC error -32602', async () => {
      const { mcp } = quietServer();
      mcp.tool('known', () => 'ok');
      const client = await connect(mcp, era);
      const error = await client.callTool({ name: 'unknown' }).catch((e: unknown) => e);
      expect(McpError.is(error)).toBe(true);
      expect(error).toMatchObject({ code: -32602, message: expect.stringMatching(/"unknown"/) });
    });
  });

  describe('disable, enable and remove', () => {
    it('hides a disabled tool from tools/list and calls, and shows it again once enabled', async () => {
      const { mcp } = quietServer();
      const echo = mcp.tool('echo', { input: { text: z.string() } }, ({ text }) => text);
      mcp.tool('other', () => 'other');
      const client = await connect(mcp, era);
      echo.disable();
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['other']);
      await expect(
        client.callTool({ name: 'echo', arguments: { text: 'x' } }),
      ).rejects.toMatchObject({ code: -32602 });
      echo.enable();
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['echo', 'other']);
      expect((await client.callTool({ name: 'echo', arguments: { text: 'x' } })).content).toEqual([
        { type: 'text', text: 'x' },
      ]);
    });

    it('frees the name of a removed tool for a new registration', async () => {
      const { mcp } = quietServer();
      const first = mcp.tool('version', () => 'v1');
      const client = await connect(mcp, era);
      first.remove();
      expect((await client.listTools()).tools).toEqual([]);
      mcp.tool('version', () => 'v2');
      expect((await client.callTool({ name: 'version' })).content).toEqual([
        { type: 'text', text: 'v2' },
      ]);
    });
  });
});

describe('tool list changes reach clients', () => {
  it('sends notifications/tools/list_changed to a stateful client on disable, enable, remove and add', async () => {
    const mcp = new FastMCP('changes', { logLevel: 'silent' });
    const reg = mcp.tool('a', () => 'a');
    const notes = notificationCollector();
    const client = await connect(mcp, '2025-11-25', { onNotification: notes.onNotification });
    const changed = 'notifications/tools/list_changed';

    reg.disable();
    await notes.next(changed);
    expect((await client.listTools()).tools).toEqual([]);

    reg.enable();
    await notes.next(changed);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['a']);

    mcp.tool('b', () => 'b');
    await notes.next(changed);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['a', 'b']);

    reg.remove();
    await notes.next(changed);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['b']);
  });

  it('sends notifications/tools/list_changed on a stateless listen stream', async () => {
    const mcp = new FastMCP('changes', { logLevel: 'silent' });
    const reg = mcp.tool('a', () => 'a');
    const client = await connect(mcp, '2026-07-28');
    const subscription = await client.listen({ toolsListChanged: true });
    expect(await subscription.acknowledged).toMatchObject({ toolsListChanged: true });
    const iterator = subscription[Symbol.asyncIterator]();
    reg.disable();
    expect((await iterator.next()).value).toMatchObject({
      method: 'notifications/tools/list_changed',
    });
    expect((await client.listTools()).tools).toEqual([]);
    subscription.close();
  });
});

describe('tool registration', () => {
  it('refuses a second tool with the same name', () => {
    const mcp = new FastMCP('dup', { logLevel: 'silent' });
    mcp.tool('same', () => 1);
    expect(() => mcp.tool('same', () => 2)).toThrow(/already registered/);
    try {
      mcp.tool('same', () => 2);
    } catch (error) {
      expect(SdkError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('refuses a tool without a handler function', () => {
    const mcp = new FastMCP('no-handler', { logLevel: 'silent' });
    expect(() => mcp.tool('x', {} as never, undefined as never)).toThrow(/needs a handler/);
  });

  it('refuses a plain JSON inputSchema that is not an object schema', () => {
    const mcp = new FastMCP('bad-schema', { logLevel: 'silent' });
    expect(() => mcp.tool('x', { inputSchema: { type: 'string' } }, () => 1)).toThrow(
      /type "object"/,
    );
  });

  it('refuses an input schema that is not an object schema (arguments are named)', () => {
    const mcp = new FastMCP('union-input', { logLevel: 'silent' });
    const union = z.discriminatedUnion('k', [
      z.object({ k: z.literal('a') }),
      z.object({ k: z.literal('b') }),
    ]);
    expect(() => mcp.tool('x', { input: union }, () => 1)).toThrow(
      /the input of tool "x" must be an object schema/,
    );
    expect(mcp.listTools()).toEqual([]);
  });

  it('refuses an input that is neither a Standard Schema nor a shape of them', () => {
    const mcp = new FastMCP('bad-input', { logLevel: 'silent' });
    expect(() => mcp.tool('x', { input: { a: 1 } as never }, () => 1)).toThrow(
      /neither a Standard Schema/,
    );
  });

  it('refuses a valibot schema that was not wrapped with toStandardJsonSchema', () => {
    const mcp = new FastMCP('bare-valibot', { logLevel: 'silent' });
    expect(() => mcp.tool('x', { input: v.object({ a: v.string() }) as never }, () => 1)).toThrow(
      /toStandardJsonSchema/,
    );
  });

  it('warns about a tool name outside the recommended characters, and still registers it', async () => {
    const logger = captureLogger();
    const mcp = new FastMCP('names', { logger });
    mcp.tool('has space', () => 'ok');
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/"has space"/) }),
    );
    const client = await connect(mcp, '2025-11-25');
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['has space']);
  });
});

describe('Image and Audio', () => {
  it('refuses an unknown format, naming the known ones', () => {
    expect(() => new Image({ data: PNG_BYTES, format: 'tiff' })).toThrow(
      /Unknown image format "tiff".*png/,
    );
    expect(() => new Audio({ data: PNG_BYTES, format: 'xyz' })).toThrow(
      /Unknown audio format "xyz"/,
    );
  });

  it('reads an image file, taking its format from the extension', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'fastmcp-image-'));
    try {
      const file = path.join(dir, 'pixel.GIF');
      await writeFile(file, PNG_BYTES);
      const image = await Image.fromFile(file);
      expect(image.toContent()).toEqual({ type: 'image', data: PNG_BASE64, mimeType: 'image/gif' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
