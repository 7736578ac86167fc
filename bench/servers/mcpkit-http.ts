// The echo benchmark server on mcpkit's low-level Server over Streamable HTTP (node:http adapter).
// Flags: --stateless (no sessions), --json-response (JSON answers instead of SSE).
import { createMcpHttpServer } from '@mcpkit/transport-streamable-http/node';
import { echoServer } from './echo-server';
import { installHeapProbe } from './heap-probe.mjs';

const server = echoServer();
const http = createMcpHttpServer(server, {
  stateless: process.argv.includes('--stateless'),
  jsonResponse: process.argv.includes('--json-response'),
});
const url = await http.listen(0, '127.0.0.1');
process.stderr.write(`listening on ${url.href}\n`);
installHeapProbe();
