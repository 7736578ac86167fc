import { Client } from '@mcpkit/client';
import { StreamableHTTPClientTransport } from '@mcpkit/transport-streamable-http';
import {
  Client as V2Client,
  StreamableHTTPClientTransport as V2HTTPClientTransport,
} from '@modelcontextprotocol/client';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1HTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { EVERYTHING_BUILDS, startEverythingHttp, startOfficialHttp, textOf } from './helpers';

describe.each(EVERYTHING_BUILDS)(
  'official clients against the mcpkit everything server (%s), over Streamable HTTP',
  (_build, extraArgs) => {
    let server: Awaited<ReturnType<typeof startEverythingHttp>>;
    beforeAll(async () => {
      server = await startEverythingHttp(extraArgs);
    }, 60_000);
    afterAll(() => server?.stop());

    it('the 1.x client lists and calls everything, with sampling, elicitation, logs and progress', async () => {
      const client = new V1Client(
        { name: 'official-v1-client', version: '1.0.0' },
        { capabilities: { sampling: {}, elicitation: {} } },
      );
      client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
        role: 'assistant',
        content: { type: 'text', text: `echo of ${textOf(request.params.messages[0]?.content)}` },
        model: 'fake',
      }));
      client.setRequestHandler(ElicitRequestSchema, async () => ({
        action: 'accept',
        content: { username: 'ada', email: 'ada@example.com' },
      }));
      const logs: string[] = [];
      client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
        logs.push(String(n.params.data));
      });
      const transport = new V1HTTPClientTransport(server.url);
      await client.connect(transport);
      onTestFinished(() => client.close());
      expect(transport.sessionId).toBeTruthy();
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('echo');
      expect(
        (await client.callTool({ name: 'echo', arguments: { message: 'over http' } })).content,
      ).toEqual([{ type: 'text', text: 'over http' }]);
      const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'hi' } });
      expect(textOf((sampled.content as unknown[])[0])).toBe('LLM response: echo of hi');
      const elicited = await client.callTool({
        name: 'test_elicitation',
        arguments: { message: 'who?' },
      });
      expect(textOf((elicited.content as unknown[])[0])).toContain('action=accept');
      await client.setLoggingLevel('debug');
      const progress: number[] = [];
      await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined, {
        onprogress: (p) => progress.push(p.progress),
      });
      expect(progress).toEqual([0, 50, 100]);
      await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
      expect(logs).toEqual([
        'Tool execution started',
        'Tool processing data',
        'Tool execution completed',
      ]);
      const read = await client.readResource({ uri: 'test://static-binary' });
      expect(read.contents[0]).toMatchObject({ mimeType: 'image/png' });
      await transport.terminateSession();
    });

    it.each([
      ['legacy negotiation', { mode: 'legacy' as const }],
      ['auto negotiation (2026-07-28)', { mode: 'auto' as const }],
    ])('the 2.x client lists and calls everything, with %s', async (_label, versionNegotiation) => {
      const client = new V2Client(
        { name: 'official-v2-client', version: '2.0.0' },
        { capabilities: {}, versionNegotiation },
      );
      await client.connect(new V2HTTPClientTransport(server.url));
      onTestFinished(() => client.close());
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('echo');
      expect(
        (await client.callTool({ name: 'echo', arguments: { message: 'from v2' } })).content,
      ).toEqual([{ type: 'text', text: 'from v2' }]);
      const read = await client.readResource({ uri: 'test://template/7/data' });
      expect(JSON.parse(textOf(read.contents[0]))).toMatchObject({ id: '7' });
      const prompt = await client.getPrompt({
        name: 'test_prompt_with_arguments',
        arguments: { arg1: 'a', arg2: 'b' },
      });
      expect(textOf(prompt.messages[0]?.content)).toBe("Prompt with arguments: arg1='a', arg2='b'");
    });
  },
);

describe('the mcpkit client against servers built with the official SDKs, over Streamable HTTP', () => {
  it.each([
    ['1.x (sessions)', 'official-v1-http-server.mjs', 'official-v1-http', 'stateful'],
    [
      '2.x (createMcpHandler, both eras)',
      'official-v2-http-server.mjs',
      'official-v2-http',
      'stateless',
    ],
  ] as const)('lists and calls tools on a %s server', async (_label, fixture, name, era) => {
    const official = await startOfficialHttp(fixture);
    onTestFinished(() => official.stop());
    const client = new Client(
      { name: 'mcpkit', version: '1.0.0' },
      {
        discoveryCache: false,
        sampling: (params) => ({
          role: 'assistant',
          content: { type: 'text', text: `echo of ${textOf(params.messages[0]?.content)}` },
          model: 'fake',
        }),
      },
    );
    await client.connect(new StreamableHTTPClientTransport(official.url));
    onTestFinished(() => client.close());
    expect(client.getServerVersion()?.name).toBe(name);
    expect(client.era).toBe(era);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('echo');
    expect((await client.callTool({ name: 'echo', arguments: { message: 'hi' } })).content).toEqual(
      [{ type: 'text', text: 'hi' }],
    );
    if (fixture === 'official-v1-http-server.mjs') {
      const asked = await client.callTool({ name: 'ask_model', arguments: { question: 'hello?' } });
      expect(asked.content).toEqual([{ type: 'text', text: 'model: echo of hello?' }]);
    }
    expect((await client.readResource({ uri: 'config://app' })).contents[0]).toMatchObject({
      text: 'App configuration here',
    });
  });
});
