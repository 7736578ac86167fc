/**
 * The Context client: starts the Context server over stdio, calls `long_task` on three files,
 * and prints the log messages and progress notifications the server sends while it works.
 * Exits non-zero unless it saw a log line and a progress step per file and the final result.
 *
 *   pnpm --filter @mcpkit-examples/context client
 */
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));
const files = ['notes.txt', 'todo.md', 'data.csv'];

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`✗ expected ${what}`);
  }
}

const logs: string[] = [];
const client = new Client(
  { name: 'context-client', version: '1.0.0' },
  {
    onLoggingMessage: ({ level, data }) => {
      logs.push(String(data));
      console.log(`  log (${level}): ${String(data)}`);
    },
  },
);
console.log('Starting the Context server over stdio…');
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
    cwd: dirname(serverFile),
  }),
);

const steps: Array<[number, number | undefined]> = [];
console.log(`Calling long_task on ${files.join(', ')}…`);
const result = await client.callTool(
  { name: 'long_task', arguments: { files } },
  {
    onprogress: ({ progress, total }) => {
      steps.push([progress, total]);
      console.log(`  progress: ${progress}/${total}`);
    },
  },
);
const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
console.log(`long_task → ${text}`);

check(text === 'Processing complete' && !result.isError, 'the result "Processing complete"');
for (const file of files) {
  check(logs.includes(`Processing ${file}`), `the log message "Processing ${file}"`);
  check(
    logs.some((line) => line.startsWith(`Read ${file}: `)),
    `a log message saying ${file} was read through ctx.readResource`,
  );
}
check(
  JSON.stringify(steps) === JSON.stringify([0, 1, 2, 3].map((i) => [i, files.length])),
  'progress 0/3, 1/3, 2/3, 3/3',
);

await client.close();
console.log(
  failures === 0
    ? `Received ${logs.length} log messages and ${steps.length} progress notifications, as expected.`
    : `${failures} expectation(s) failed.`,
);
process.exitCode = failures === 0 ? 0 : 1;
