import { McpError } from '@mcpkit/protocol';
import { paginate, Server } from '@mcpkit/server';

const TOOLS = Array.from({ length: 25 }, (_, i) => ({
  name: `tool_${i}`,
  description: `Tool number ${i}`,
  inputSchema: { type: 'object' as const },
}));

/** A server that exercises every method, for the client to call in both eras. */
export function fullServer() {
  const server = new Server(
    { name: 'full', version: '2.0.0' },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: 'Everything you need.',
    },
  );
  server.setRequestHandler('tools/list', (params) => {
    const all = [
      {
        name: 'add',
        description: 'Adds',
        inputSchema: {
          type: 'object' as const,
          properties: { a: { type: 'number' }, b: { type: 'number' } },
        },
        outputSchema: {
          type: 'object' as const,
          properties: { sum: { type: 'number' } },
          required: ['sum'],
        },
      },
      {
        name: 'liar',
        description: 'Returns output that breaks its own schema',
        inputSchema: { type: 'object' as const },
        outputSchema: {
          type: 'object' as const,
          properties: { sum: { type: 'number' } },
          required: ['sum'],
        },
      },
      { name: 'ask', description: 'Asks the user', inputSchema: { type: 'object' as const } },
      { name: 'slow', description: 'Reports progress', inputSchema: { type: 'object' as const } },
      ...TOOLS,
    ];
    const page = paginate(all, params?.cursor, 10);
    return page.nextCursor
      ? { tools: page.items, nextCursor: page.nextCursor }
      : { tools: page.items };
  });
  server.setRequestHandler('tools/call', async (params, ctx) => {
    const args = (params.arguments ?? {}) as Record<string, number>;
    switch (params.name) {
      case 'add': {
        const sum = (args.a ?? 0) + (args.b ?? 0);
        await ctx.log('info', { sum });
        return { content: [{ type: 'text', text: String(sum) }], structuredContent: { sum } };
      }
      case 'liar':
        return {
          content: [{ type: 'text', text: 'oops' }],
          structuredContent: { sum: 'not a number' },
        };
      case 'ask': {
        const [answer, sample, roots] = await Promise.all([
          ctx.elicit({
            message: 'Name?',
            requestedSchema: {
              type: 'object',
              properties: { name: { type: 'string', default: 'Anonymous' } },
            },
          }),
          ctx.createMessage({
            messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
            maxTokens: 5,
          }),
          ctx.listRoots(),
        ]);
        const text = (sample.content as { text: string }).text;
        return {
          content: [
            {
              type: 'text',
              text: `${answer.content?.name}|${text}|${roots.roots.map((r) => r.uri).join(',')}`,
            },
          ],
        };
      }
      case 'slow': {
        for (let i = 1; i <= 3; i++) await ctx.reportProgress(i, 3, `step ${i}`);
        return { content: [{ type: 'text', text: 'done' }] };
      }
      default:
        throw new McpError(-32602, `Unknown tool "${params.name}"`);
    }
  });
  server.setRequestHandler('resources/list', () => ({
    resources: [{ uri: 'test://a', name: 'A' }],
  }));
  server.setRequestHandler('resources/templates/list', () => ({
    resourceTemplates: [{ uriTemplate: 'test://item/{id}', name: 'Item' }],
  }));
  server.setRequestHandler('resources/read', (params) => ({
    contents: [{ uri: params.uri, mimeType: 'text/plain', text: `content of ${params.uri}` }],
  }));
  server.setRequestHandler('prompts/list', () => ({
    prompts: [
      { name: 'greet', description: 'Greets', arguments: [{ name: 'who', required: true }] },
    ],
  }));
  server.setRequestHandler('prompts/get', (params) => ({
    messages: [
      { role: 'user', content: { type: 'text', text: `Hello, ${params.arguments?.who}` } },
    ],
  }));
  server.setRequestHandler('completion/complete', (params) => ({
    completion: { values: ['apple', 'apricot'].filter((v) => v.startsWith(params.argument.value)) },
  }));
  return server;
}
