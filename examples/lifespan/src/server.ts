/**
 * A typed lifespan (the Python SDK README's "Server" section): an async generator opens the
 * database before the first request, yields `{ db }`, which every handler sees as the typed
 * `ctx.lifespan`, and disconnects in `finally` when the server shuts down (here: when the client
 * closes stdin). Served over stdio.
 *
 *   pnpm --filter @mcpkit-examples/lifespan server
 */
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';
import { Database } from './database';

// Manage application lifecycle with type-safe context
async function* appLifespan() {
  const db = await Database.connect(); // initialize on startup
  try {
    yield { db };
  } finally {
    await db.disconnect(); // clean up on shutdown
  }
}

// Pass the lifespan to the server: `ctx.lifespan` is typed `{ db: Database }` from it
const mcp = new FastMCP('My App', { lifespan: appLifespan });

// Access the lifespan context in tools
mcp.tool(
  'query_db',
  { description: 'Tool that uses initialized resources', input: { query: z.string() } },
  ({ query }, ctx) => ctx.lifespan.db.query(query),
);

mcp.tool(
  'db_status',
  { description: 'When the database connected, and how busy it has been' },
  (_args, ctx) => ({
    connectedAt: ctx.lifespan.db.connectedAt.toISOString(),
    queries: ctx.lifespan.db.queryCount,
  }),
);

await mcp.run();
