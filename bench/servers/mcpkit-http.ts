// The echo benchmark server on mcpkit's low-level Server over Streamable HTTP (node:http adapter).
// Flags: --stateless (no sessions), --json-response (JSON answers instead of SSE).
import { Server } from '@mcpkit/server';
import { createMcpHttpServer } from '@mcpkit/transport-streamable-http/node';
import { installHeapProbe } from './heap-probe.mjs';

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
const http = createMcpHttpServer(server, {
  stateless: process.argv.includes('--stateless'),
  jsonResponse: process.argv.includes('--json-response'),
});
const url = await http.listen(0, '127.0.0.1');
process.stderr.write(`listening on ${url.href}\n`);
installHeapProbe();
