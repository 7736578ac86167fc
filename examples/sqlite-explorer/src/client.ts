/**
 * The SQLite Explorer client: starts the server over stdio on its demo database, reads the
 * schema resource, runs a query and a broken one, and prints each answer. Exits non-zero if an
 * answer is not the expected one.
 *
 *   pnpm --filter @mcpkit-examples/sqlite-explorer client
 */
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`✗ expected ${what}`);
  }
}

const client = new Client({ name: 'sqlite-explorer-client', version: '1.0.0' });
console.log('Starting the SQLite Explorer server over stdio…');
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
    cwd: dirname(serverFile),
  }),
);

const schema = await client.readResource({ uri: 'schema://main' });
const schemaPart = schema.contents[0];
const schemaText = schemaPart && 'text' in schemaPart ? schemaPart.text : '';
console.log(`schema://main →\n${indent(schemaText)}`);
check(
  schemaText.includes('CREATE TABLE users') && schemaText.includes('CREATE TABLE orders'),
  'the schema to list the users and orders tables',
);

async function query(sql: string): Promise<string> {
  const result = await client.callTool({ name: 'query_data', arguments: { sql } });
  const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
  console.log(`query_data(${JSON.stringify(sql)}) →\n${indent(text)}`);
  return text;
}

const rows = await query(
  'SELECT u.name, SUM(o.total) FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id ORDER BY u.id',
);
check(
  rows === '["Ada Lovelace",15.5]\n["Alan Turing",99]\n["Grace Hopper",7.25]',
  'one line per user with the sum of their orders',
);

const error = await query('SELECT * FROM no_such_table');
check(error === 'Error: no such table: no_such_table', 'the SQL error as "Error: …" text');

await client.close();
console.log(failures === 0 ? 'All answers as expected.' : `${failures} answer(s) were wrong.`);
process.exitCode = failures === 0 ? 0 : 1;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
