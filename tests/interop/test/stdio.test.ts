import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';
import { Client as V2Client } from '@modelcontextprotocol/client';
import { StdioClientTransport as V2StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EVERYTHING_BUILDS, everythingStdio, officialServer, textOf } from './helpers';

describe.each(EVERYTHING_BUILDS)(
  'official clients against the mcpkit everything server (%s), over stdio',
  (_build, extraArgs) => {
    it('the 1.x client lists and calls everything', async () => {
      const client = new V1Client(
        { name: 'official-v1-client', version: '1.0.0' },
        { capabilities: { sampling: {}, elicitation: {} } },
      );
      client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
        role: 'assistant',
        content: {
          type: 'text',
          text: `echo of ${textOf(request.params.messages[0]?.content)}`,
        },
        model: 'fake',
      }));
      client.setRequestHandler(ElicitRequestSchema, async () => ({
        action: 'accept',
        content: { username: 'ada', email: 'ada@example.com' },
      }));
      await client.connect(new V1StdioClientTransport(everythingStdio(extraArgs)));
      onTestFinished(() => client.close());

      expect(client.getServerVersion()?.name).toBe('mcpkit-everything-server');
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(
        expect.arrayContaining(['echo', 'test_simple_text', 'json_schema_2020_12_tool']),
      );
      expect(await client.callTool({ name: 'echo', arguments: { message: 'from v1' } })).toEqual({
        content: [{ type: 'text', text: 'from v1' }],
      });
      const sampled = await client.callTool({
        name: 'test_sampling',
        arguments: { prompt: 'hello' },
      });
      expect(sampled.content).toEqual([{ type: 'text', text: 'LLM response: echo of hello' }]);
      const elicited = await client.callTool({
        name: 'test_elicitation',
        arguments: { message: 'who?' },
      });
      expect(textOf((elicited.content as unknown[])[0])).toContain('action=accept');
      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri)).toContain('test://static-text');
      const read = await client.readResource({ uri: 'test://template/42/data' });
      expect(JSON.parse((read.contents[0] as { text: string }).text)).toEqual({
        id: '42',
        templateTest: true,
        data: 'Data for ID: 42',
      });
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toContain('test_prompt_with_arguments');
      const prompt = await client.getPrompt({
        name: 'test_prompt_with_arguments',
        arguments: { arg1: 'a', arg2: 'b' },
      });
      expect(prompt.messages[0]?.content).toEqual({
        type: 'text',
        text: "Prompt with arguments: arg1='a', arg2='b'",
      });
      const completion = await client.complete({
        ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
        argument: { name: 'arg1', value: 'test' },
      });
      expect(completion.completion.values).toEqual(['test', 'testValue1', 'testValue2']);
      await client.setLoggingLevel('debug');
      await client.ping();
    });

    it.each([
      ['legacy negotiation', { mode: 'legacy' as const }],
      ['auto negotiation (2026-07-28 if offered)', { mode: 'auto' as const }],
    ])('the 2.x client lists and calls everything, with %s', async (_label, versionNegotiation) => {
      const client = new V2Client(
        { name: 'official-v2-client', version: '2.0.0' },
        { capabilities: {}, versionNegotiation },
      );
      await client.connect(new V2StdioClientTransport(everythingStdio(extraArgs)));
      onTestFinished(() => client.close());
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('echo');
      expect(
        (await client.callTool({ name: 'echo', arguments: { message: 'from v2' } })).content,
      ).toEqual([{ type: 'text', text: 'from v2' }]);
      const read = await client.readResource({ uri: 'test://static-text' });
      expect(read.contents[0]).toMatchObject({
        text: 'This is the content of the static text resource.',
      });
      const prompt = await client.getPrompt({ name: 'test_simple_prompt' });
      expect(prompt.messages).toHaveLength(1);
    });
  },
);

describe('the mcpkit client against servers built with the official SDKs, over stdio', () => {
  it.each([
    ['1.x', 'official-v1-server.mjs', 'official-v1'],
    ['2.x', 'official-v2-server.mjs', 'official-v2'],
  ] as const)('lists and calls everything on a %s server', async (_label, fixture, name) => {
    const client = new Client(
      { name: 'mcpkit', version: '1.0.0' },
      {
        discoveryCache: false,
        sampling: (params) => ({
          role: 'assistant',
          content: {
            type: 'text',
            text: `echo of ${textOf(params.messages[0]?.content)}`,
          },
          model: 'fake',
        }),
      },
    );
    await client.connect(new StdioClientTransport({ ...officialServer(fixture), stderr: 'pipe' }));
    onTestFinished(() => client.close());
    expect(client.getServerVersion()?.name).toBe(name);
    const names: string[] = [];
    for await (const tool of client.iterateTools()) names.push(tool.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'add']));
    expect((await client.callTool({ name: 'echo', arguments: { message: 'hi' } })).content).toEqual(
      [{ type: 'text', text: 'hi' }],
    );
    // the output schema the official server declared is checked here
    expect(
      (await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } })).structuredContent,
    ).toEqual({ sum: 42 });
    if (fixture === 'official-v1-server.mjs' && client.era === 'stateful') {
      const asked = await client.callTool({ name: 'ask_model', arguments: { question: 'hello?' } });
      expect(asked.content).toEqual([{ type: 'text', text: 'model: echo of hello?' }]);
    }
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('config://app');
    expect((await client.readResource({ uri: 'greeting://Ada' })).contents[0]).toMatchObject({
      text: 'Hello, Ada!',
    });
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['review']);
    const prompt = await client.getPrompt({ name: 'review', arguments: { code: 'x = 1' } });
    expect(textOf(prompt.messages[0]?.content)).toContain('x = 1');
  });
});
