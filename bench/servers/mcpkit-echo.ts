// The echo benchmark server on mcpkit's low-level Server over stdio.
import { Server } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transport-stdio';

const server = new Server(
  { name: 'bench-echo', version: '1.0.0' },
  { capabilities: { tools: {} } },
);
server.setRequestHandler('tools/list', () => ({
  tools: [
    {
      name: 'echo',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string' } },
        required: ['message'],
      },
    },
  ],
}));
server.setRequestHandler('tools/call', (params) => ({
  content: [
    {
      type: 'text',
      text: String((params.arguments as { message?: unknown } | undefined)?.message),
    },
  ],
}));
await server.connect(new StdioServerTransport());
