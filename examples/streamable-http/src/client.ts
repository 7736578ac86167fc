/**
 * A Streamable HTTP client (the Python SDK README's streamable HTTP client): connects to the
 * MCP endpoint at a URL, lists the tools, calls one and prints its answer. Exits non-zero if the
 * tool is missing, fails, or (with --expect) answers something else.
 *
 *   pnpm --filter @mcpkit-examples/streamable-http client <url> [tool] [json-arguments]
 *     [--expect text] [--protocol-version 2025-11-25]
 *
 * Without a tool it calls `echo` with {"message":"hello"} and expects "Echo: hello". By default
 * the client discovers the newest revision both sides speak; --protocol-version pins one (a
 * 2025-11-25 client gets a session from a stateful server).
 */
import process from 'node:process';
import { Client } from '@mcpkit/client';
import { StreamableHTTPClientTransport } from '@mcpkit/transport-streamable-http';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
}
const expected = option('--expect');
const protocolVersion = option('--protocol-version');
const [url, tool = 'echo', json] = args;
if (!url) {
  console.error(
    'usage: client <url> [tool] [json-arguments] [--expect text] [--protocol-version v]',
  );
  process.exit(2);
}
const toolArguments = json
  ? (JSON.parse(json) as Record<string, unknown>)
  : tool === 'echo'
    ? { message: 'hello' }
    : {};
const expectedText = expected ?? (tool === 'echo' && !json ? 'Echo: hello' : undefined);

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`✗ expected ${what}`);
  }
}

// Connect to a Streamable HTTP server
const client = new Client(
  { name: 'streamable-http-client', version: '1.0.0' },
  { protocolVersion },
);
const transport = new StreamableHTTPClientTransport(new URL(url));
console.log(`Connecting to ${url}…`);
await client.connect(transport);
const server = client.getServerVersion();
const session = transport.sessionId ? `, session ${transport.sessionId}` : ', no session';
console.log(
  `Connected to "${server?.name}", protocol ${client.protocolVersion} (${client.era} era${session}).`,
);

const { tools } = await client.listTools();
console.log(`Tools: ${tools.map((t) => t.name).join(', ')}`);
check(
  tools.some((t) => t.name === tool),
  `the server to offer "${tool}"`,
);

// Call a tool
const result = await client.callTool(
  { name: tool, arguments: toolArguments },
  {
    // progress arrives only over an SSE stream (not from a server that answers with plain JSON)
    onprogress: ({ progress, total, message }) =>
      console.log(`  progress: ${progress}/${total}${message ? ` (${message})` : ''}`),
  },
);
const text = result.content
  .map((block) => (block.type === 'text' ? block.text : `[${block.type}]`))
  .join(' ');
console.log(`${tool}(${JSON.stringify(toolArguments)}) → ${text}`);
check(!result.isError, 'the call to succeed');
if (expectedText !== undefined) check(text === expectedText, JSON.stringify(expectedText));

await client.close();
console.log(failures === 0 ? 'The answer is as expected.' : `${failures} expectation(s) failed.`);
process.exitCode = failures === 0 ? 0 : 1;
