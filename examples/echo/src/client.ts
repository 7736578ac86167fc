/**
 * The Echo client: starts the Echo server over stdio and echoes one message through its
 * resource template, its tool and its prompt, printing each step. Exits non-zero if an echo is
 * not the expected text.
 *
 *   pnpm --filter @mcpkit-examples/echo client
 */
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));
const message = 'hello';

let failures = 0;
function expectText(what: string, actual: string, expected: string): void {
  console.log(`${what} → ${actual}`);
  if (actual !== expected) {
    failures++;
    console.error(`✗ expected ${JSON.stringify(expected)}`);
  }
}

const client = new Client({ name: 'echo-client', version: '1.0.0' });
console.log('Starting the Echo server over stdio…');
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
    cwd: dirname(serverFile),
  }),
);

const { resourceTemplates } = await client.listResourceTemplates();
console.log(`Resource templates: ${resourceTemplates.map((t) => t.uriTemplate).join(', ')}`);
const read = await client.readResource({ uri: `echo://${message}` });
const part = read.contents[0];
expectText(
  `read echo://${message}`,
  part && 'text' in part ? part.text : '',
  'Resource echo: hello',
);

const called = await client.callTool({ name: 'echo_tool', arguments: { message } });
const block = called.content[0];
expectText(
  `call echo_tool(message: "${message}")`,
  block?.type === 'text' ? block.text : '',
  'Tool echo: hello',
);

const prompt = await client.getPrompt({ name: 'echo_prompt', arguments: { message } });
const content = prompt.messages[0]?.content;
expectText(
  `get echo_prompt(message: "${message}")`,
  content?.type === 'text' ? `[${prompt.messages[0]?.role}] ${content.text}` : '',
  '[user] Please process this message: hello',
);

await client.close();
console.log(failures === 0 ? 'All echoes as expected.' : `${failures} echo(es) were wrong.`);
process.exitCode = failures === 0 ? 0 : 1;
