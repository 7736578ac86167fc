/**
 * The low-level server's client: starts it over stdio, lists and gets its prompt, calls its
 * database tool, and checks that an unknown prompt is a JSON-RPC error. Prints each step; exits
 * non-zero if an answer is not the expected one.
 *
 *   pnpm --filter @mcpkit-examples/low-level-server client
 */
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { ErrorCode, McpError } from '@mcpkit/protocol';
import { StdioClientTransport } from '@mcpkit/transport-stdio';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`✗ expected ${what}`);
  }
}

const client = new Client({ name: 'low-level-client', version: '1.0.0' });
console.log('Starting the low-level server over stdio…');
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: ['--conditions=@mcpkit/source', '--import', 'tsx', serverFile],
    cwd: dirname(serverFile),
  }),
);
const info = client.getServerVersion();
console.log(`Connected to "${info?.name}" ${info?.version}.`);

// List available prompts
const { prompts } = await client.listPrompts();
for (const prompt of prompts) {
  const args = (prompt.arguments ?? []).map((a) => `${a.name}${a.required ? ' (required)' : ''}`);
  console.log(`Prompt: ${prompt.name}: ${prompt.description} [${args.join(', ')}]`);
}
check(
  prompts.length === 1 && prompts[0]?.arguments?.[0]?.required === true,
  'one prompt, "example-prompt", with a required arg1',
);

// Get a prompt
const prompt = await client.getPrompt({ name: 'example-prompt', arguments: { arg1: 'value' } });
const content = prompt.messages[0]?.content;
const text = content?.type === 'text' ? content.text : '';
console.log(`get example-prompt(arg1: "value") → ${prompt.description}: [user] ${text}`);
check(text === 'Example prompt text', 'the text "Example prompt text"');

// Call the tool that uses the lifespan's database
const result = await client.callTool({ name: 'query_db', arguments: { query: 'ada' } });
const rows = result.content[0]?.type === 'text' ? result.content[0].text : '';
console.log(`query_db(query: "ada") → ${rows}`);
check(rows === '[{"id":1,"name":"Ada Lovelace"}]', 'one row, Ada Lovelace');

// An unknown prompt is a protocol error
try {
  await client.getPrompt({ name: 'no-such-prompt' });
  check(false, 'an error for an unknown prompt');
} catch (error) {
  const code = McpError.is(error) ? error.code : undefined;
  console.log(`get no-such-prompt → error ${code}: ${(error as Error).message}`);
  check(code === ErrorCode.InvalidParams, `error code ${ErrorCode.InvalidParams}`);
}

await client.close();
console.log(failures === 0 ? 'All answers as expected.' : `${failures} answer(s) were wrong.`);
process.exitCode = failures === 0 ? 0 : 1;
