// The HTTP floor: the least a Streamable HTTP echo server can do on node:http (read the body,
// JSON.parse, check the session or the 2026-07-28 Mcp-Method header, JSON.stringify, one JSON
// answer). Every MCP server over HTTP pays at least this; ratios against it show what an SDK adds.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { installHeapProbe } from './heap-probe.mjs';

const sessions = new Set();

function answer(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const stateless = message.params?._meta?.['io.modelcontextprotocol/protocolVersion'];
    if (stateless) {
      if (req.headers['mcp-method'] !== message.method) {
        answer(res, 400, {
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32020, message: 'Mcp-Method mismatch' },
        });
        return;
      }
    } else if (message.method === 'initialize') {
      const id = randomUUID();
      sessions.add(id);
      answer(
        res,
        200,
        {
          jsonrpc: '2.0',
          id: message.id,
          result: {
            protocolVersion: message.params.protocolVersion,
            capabilities: { tools: {} },
            serverInfo: { name: 'floor', version: '1' },
          },
        },
        { 'Mcp-Session-Id': id },
      );
      return;
    } else if (req.headers['mcp-session-id'] && !sessions.has(req.headers['mcp-session-id'])) {
      answer(res, 404, {
        jsonrpc: '2.0',
        id: message.id,
        error: { code: -32001, message: 'Session not found' },
      });
      return;
    }
    if (message.id === undefined) {
      res.writeHead(202).end();
      return;
    }
    const result =
      message.method === 'tools/call'
        ? { content: [{ type: 'text', text: message.params.arguments.message }] }
        : {};
    if (stateless) result.resultType = 'complete';
    answer(res, 200, { jsonrpc: '2.0', id: message.id, result });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stderr.write(`listening on http://127.0.0.1:${server.address().port}/mcp\n`);
});
installHeapProbe();
