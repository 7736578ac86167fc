/**
 * The low-level Server (the Python SDK README's "Low-Level Server"): full control of every
 * request. A typed lifespan opens a database before the first request and closes it at
 * shut-down; `tools/call` uses it through `ctx.lifespan.db`; `prompts/list` and `prompts/get`
 * serve `example-prompt`. Served over stdio until the client closes stdin.
 *
 *   pnpm --filter @mcpkit-examples/low-level-server server
 */
import process from 'node:process';
import { ErrorCode, McpError } from '@mcpkit/protocol';
import { Server } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transport-stdio';
import { Database } from './database';

/** Manage server start-up and shut-down: what it yields is `ctx.lifespan` in every handler. */
async function* serverLifespan() {
  const db = await Database.connect(); // initialize resources on start-up
  try {
    yield { db };
  } finally {
    await db.disconnect(); // clean up on shut-down
  }
}

// Pass the lifespan to the server; the capabilities say what it serves
const server = new Server(
  { name: 'example-server', version: '0.1.0' },
  { capabilities: { tools: {}, prompts: {} }, lifespan: serverLifespan },
);

server.setRequestHandler('tools/list', () => ({
  tools: [
    {
      name: 'query_db',
      description: 'Find users whose name contains the query',
      inputSchema: {
        type: 'object',
        properties: { query: { type: 'string' } },
        required: ['query'],
      },
    },
  ],
}));

// Access the lifespan context in handlers: `ctx.lifespan` is typed `{ db: Database }`
server.setRequestHandler('tools/call', async (params, ctx) => {
  if (params.name !== 'query_db') {
    throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
  }
  const query = params.arguments?.query;
  if (typeof query !== 'string') {
    return { content: [{ type: 'text', text: 'query must be a string' }], isError: true };
  }
  const rows = await ctx.lifespan.db.query(query);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

server.setRequestHandler('prompts/list', () => ({
  prompts: [
    {
      name: 'example-prompt',
      description: 'An example prompt template',
      arguments: [{ name: 'arg1', description: 'Example argument', required: true }],
    },
  ],
}));

server.setRequestHandler('prompts/get', (params) => {
  if (params.name !== 'example-prompt') {
    throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${params.name}`);
  }
  return {
    description: 'Example prompt',
    messages: [{ role: 'user', content: { type: 'text', text: 'Example prompt text' } }],
  };
});

// Serve stdio; when the client closes the connection, shut down (this runs the lifespan's finally)
const session = await server.connect(new StdioServerTransport());
session.onclose = () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[low-level-server] shut-down failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
