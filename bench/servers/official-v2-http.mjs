// The echo benchmark server on the official @modelcontextprotocol/server 2.x over Streamable HTTP
// on plain node:http, as its docs show: NodeStreamableHTTPServerTransport per session (default),
// or createMcpHandler (--stateless), which serves 2026-07-28 and 2025 traffic without sessions.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { NodeStreamableHTTPServerTransport, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { installHeapProbe } from './heap-probe.mjs';

function build() {
  const server = new McpServer({ name: 'bench-echo', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echoes', inputSchema: z.object({ message: z.string() }) },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  );
  return server;
}

let listener;
if (process.argv.includes('--stateless')) {
  listener = toNodeHandler(createMcpHandler(build));
} else {
  const transports = new Map();
  listener = async (req, res) => {
    const sessionId = req.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
    if (!transport) {
      transport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => transports.set(id, transport),
      });
      await build().connect(transport);
    }
    await transport.handleRequest(req, res);
  };
}
const httpServer = http.createServer(listener);
httpServer.listen(0, '127.0.0.1', () => {
  process.stderr.write(`listening on http://127.0.0.1:${httpServer.address().port}/mcp\n`);
});
installHeapProbe();
