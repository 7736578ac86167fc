// The floor: the least a stdio echo server can do (readline, JSON.parse, JSON.stringify, write).
// Every MCP server pays at least this; ratios against it show what the SDK adds. For a 2026-07-28
// request it adds `resultType`, the one field that revision requires of every result.
import { createInterface } from 'node:readline';

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined) return;
  let result;
  if (message.method === 'tools/call') {
    result = { content: [{ type: 'text', text: message.params.arguments.message }] };
    // a 2026-07-28 request gets the one field that revision requires of every result
    if (message.params._meta) result.resultType = 'complete';
  } else if (message.method === 'initialize') {
    result = {
      protocolVersion: message.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: 'floor', version: '1' },
    };
  } else {
    result = {};
  }
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: message.id, result })}\n`);
});
