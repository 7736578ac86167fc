/**
 * The Quickstart client: starts the Quickstart server as a child process over stdio, lists its
 * tools, calls `add`, reads `greeting://World`, and prints each step. Exits non-zero if an
 * answer is not the expected one.
 *
 *   pnpm --filter @mcpkit-examples/quickstart client
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
  // `--import tsx` resolves from here, so the client runs from any directory
  cwd: dirname(serverFile),
});
const client = new Client({ name: 'quickstart-client', version: '1.0.0' });

console.log('Starting the Quickstart server over stdio…');
await client.connect(transport);
const server = client.getServerVersion();
console.log(`Connected to "${server?.name}" (protocol ${client.protocolVersion}).`);

const { tools } = await client.listTools();
console.log(`Tools: ${tools.map((t) => t.name).join(', ')}`);
check(
  tools.some((t) => t.name === 'add'),
  'an "add" tool',
);

const sum = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
const sumText = sum.content[0]?.type === 'text' ? sum.content[0].text : '';
console.log(`add(1, 2) = ${sumText}`);
check(sumText === '3' && !sum.isError, 'add(1, 2) to be 3');

const greeting = await client.readResource({ uri: 'greeting://World' });
const first = greeting.contents[0];
const greetingText = first && 'text' in first ? first.text : '';
console.log(`greeting://World → ${greetingText}`);
check(greetingText === 'Hello, World!', 'greeting://World to say "Hello, World!"');

await client.close();
console.log(failures === 0 ? 'All answers as expected.' : `${failures} answer(s) were wrong.`);
process.exitCode = failures === 0 ? 0 : 1;
