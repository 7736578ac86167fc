/**
 * SQLite Explorer (the Python SDK README's example): the database schema as the `schema://main`
 * resource and a `query_data` tool that runs SQL and answers one row per line, or `Error: …`.
 * SQLite is sql.js (WebAssembly, no native build). The lifespan opens the database at start-up:
 * the file given as the first argument, else a small demo database built in memory. Either way
 * the database lives in memory, so queries never change a file on disk. Served over stdio.
 *
 *   pnpm --filter @mcpkit-examples/sqlite-explorer server [path/to/database.db]
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { FastMCP } from '@mcpkit/fastmcp';
import initSqlJs, { type Database } from 'sql.js';
import { z } from 'zod';

const DEMO_SQL = `
  CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE);
  CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, item TEXT, total REAL);
  INSERT INTO users (name, email) VALUES
    ('Ada Lovelace', 'ada@example.com'), ('Alan Turing', 'alan@example.com'),
    ('Grace Hopper', 'grace@example.com');
  INSERT INTO orders (user_id, item, total) VALUES
    (1, 'Analytical Engine manual', 12.5), (2, 'Enigma rotor', 99.0), (3, 'COBOL primer', 7.25),
    (1, 'Punch cards (box)', 3.0);
`;

async function* lifespan(): AsyncGenerator<{ db: Database }> {
  const SQL = await initSqlJs();
  const file = process.argv[2];
  const db = file ? new SQL.Database(await readFile(file)) : new SQL.Database();
  if (!file) db.run(DEMO_SQL);
  process.stderr.write(`[sqlite-explorer] opened ${file ?? 'the demo database (in memory)'}\n`);
  try {
    yield { db };
  } finally {
    db.close();
  }
}

const mcp = new FastMCP('SQLite Explorer', { lifespan });

mcp.resource(
  'schema://main',
  { description: 'Provide the database schema as a resource', mimeType: 'text/plain' },
  (_params, ctx) => {
    const [tables] = ctx.lifespan.db.exec("SELECT sql FROM sqlite_master WHERE type='table'");
    return (tables?.values ?? [])
      .map(([sql]) => sql)
      .filter((sql): sql is string => typeof sql === 'string' && sql !== '')
      .join('\n');
  },
);

mcp.tool(
  'query_data',
  { description: 'Execute SQL queries safely', input: { sql: z.string() } },
  ({ sql }, ctx) => {
    try {
      // exec runs every statement; the rows are those of the last one that returned any
      const results = ctx.lifespan.db.exec(sql);
      const rows = results.at(-1)?.values ?? [];
      return rows.map((row) => JSON.stringify(row)).join('\n');
    } catch (error) {
      return `Error: ${error instanceof Error ? error.message : String(error)}`;
    }
  },
);

await mcp.run();
