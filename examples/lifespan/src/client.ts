/**
 * The lifespan client: starts the lifespan server over stdio with its stderr piped here, shows
 * that the lifespan connected the database before the first request, that every call shares
 * that one connection, and that closing the client disconnects it. Exits non-zero otherwise.
 *
 *   pnpm --filter @mcpkit-examples/lifespan client
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

const transport = new StdioClientTransport({
  command: process.execPath,
  args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
  cwd: dirname(serverFile),
  stderr: 'pipe', // the server's log lines come to us instead of straight to the terminal
});
const serverLog: string[] = [];
transport.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
  for (const line of chunk.split('\n').filter(Boolean)) {
    serverLog.push(line);
    console.log(`  server stderr: ${line}`);
  }
});

const client = new Client({ name: 'lifespan-client', version: '1.0.0' });
console.log('Starting the lifespan server over stdio…');
await client.connect(transport);

for (const query of ['SELECT 1', 'SELECT name FROM users']) {
  const result = await client.callTool({ name: 'query_db', arguments: { query } });
  const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
  console.log(`query_db(${JSON.stringify(query)}) → ${text}`);
  check(!result.isError && text.startsWith(`result of "${query}"`), `a result for ${query}`);
}

const status = await client.callTool({ name: 'db_status', arguments: {} });
const statusText = status.content[0]?.type === 'text' ? status.content[0].text : '{}';
console.log(`db_status → ${statusText.replace(/\s+/g, ' ')}`);
const { queries } = JSON.parse(statusText) as { queries?: number };
check(queries === 2, 'both queries to have used the one connection the lifespan opened');
check(
  serverLog.some((line) => line.includes('database connected')),
  'the lifespan to have connected the database at start-up',
);

console.log('Closing the client (the server shuts down and its lifespan cleans up)…');
await client.close();
check(
  serverLog.some((line) => line.includes('database disconnected after 2 queries')),
  'the lifespan to have disconnected the database at shut-down',
);

console.log(
  failures === 0 ? 'The lifespan worked as expected.' : `${failures} expectation(s) failed.`,
);
process.exitCode = failures === 0 ? 0 : 1;
