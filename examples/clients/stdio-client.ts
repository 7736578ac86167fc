/**
 * An MCP client over stdio, the TypeScript counterpart of the Python SDK's "Writing MCP Clients"
 * example: it starts a server as a child process, answers its sampling requests, and lists and
 * calls what the server offers, printing each step. Exits non-zero if an answer is not what the
 * everything server gives.
 *
 *   pnpm --filter @mcpkit-examples/clients stdio [command args…]
 */
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import type { CreateMessageRequestParams, CreateMessageResult } from '@mcpkit/protocol';
import { StdioClientTransport } from '@mcpkit/transport-stdio';

const here = path.dirname(fileURLToPath(import.meta.url));
const [command, ...args] =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [
        process.execPath,
        '--conditions=@mcpkit/source',
        '--import',
        'tsx',
        path.join(here, '../everything-server/src/main.ts'),
        '--stdio',
      ];

/** The sampling callback: a real client would ask its model here. */
async function handleSamplingMessage(
  params: CreateMessageRequestParams,
): Promise<CreateMessageResult> {
  const question = params.messages
    .map((m) => ('text' in m.content ? m.content.text : ''))
    .join(' ');
  return {
    role: 'assistant',
    content: { type: 'text', text: `Hello, world! from model (you asked: ${question})` },
    model: 'example-model',
    stopReason: 'endTurn',
  };
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    console.error(`✗ ${what}`);
    process.exitCode = 1;
  }
}

const client = new Client(
  { name: 'example-stdio-client', version: '1.0.0' },
  { sampling: handleSamplingMessage },
);
const transport = new StdioClientTransport({ command: command as string, args, stderr: 'inherit' });
console.log(`starting ${transport.description}`);
await client.connect(transport);
console.log(
  `connected to ${client.getServerVersion()?.name} ${client.getServerVersion()?.version}, protocol ${client.protocolVersion} (${client.era} era)`,
);

const { tools } = await client.listTools();
console.log(`tools: ${tools.map((t) => t.name).join(', ')}`);
const echo = await client.callTool({ name: 'echo', arguments: { message: 'hello from mcpkit' } });
const echoed = echo.content[0]?.type === 'text' ? echo.content[0].text : '';
console.log(`echo → ${echoed}`);
check(echoed === 'hello from mcpkit', 'echo returns its message');

const sampled = await client.callTool({
  name: 'test_sampling',
  arguments: { prompt: 'What is MCP?' },
});
const sampledText = sampled.content[0]?.type === 'text' ? sampled.content[0].text : '';
console.log(`test_sampling (answered by our sampling callback) → ${sampledText}`);
check(
  sampledText.startsWith('LLM response: Hello, world! from model'),
  'the server saw our sampling answer',
);

const { resources } = await client.listResources();
console.log(`resources: ${resources.map((r) => r.uri).join(', ')}`);
const read = await client.readResource({ uri: 'test://static-text' });
const content = read.contents[0];
console.log(
  `read test://static-text → ${content && 'text' in content ? content.text : '(binary)'}`,
);

const { prompts } = await client.listPrompts();
console.log(`prompts: ${prompts.map((p) => p.name).join(', ')}`);
const prompt = await client.getPrompt({
  name: 'test_prompt_with_arguments',
  arguments: { arg1: 'one', arg2: 'two' },
});
const message = prompt.messages[0]?.content;
console.log(`prompt test_prompt_with_arguments → ${message?.type === 'text' ? message.text : ''}`);

await client.close();
console.log(process.exitCode ? 'done, with failures' : 'done: every answer was as expected');
