/**
 * The everything client: plays the conformance suite's client scenarios against the URL given
 * as the last argument. The scenario comes from MCP_CONFORMANCE_SCENARIO, the protocol revision
 * from MCP_CONFORMANCE_PROTOCOL_VERSION (2026-07-28: stateless, otherwise `initialize`), extra
 * input from MCP_CONFORMANCE_CONTEXT. Everything on the public API of @mcpkit/client.
 *
 *   everything-client <url>
 */
import process from 'node:process';
import { Client } from '@mcpkit/client';
import { StreamableHTTPClientTransport } from '@mcpkit/transport-streamable-http';
import { listSkills, loadSkill } from './skills';

const url = process.argv[process.argv.length - 1] as string;
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const protocolVersion = process.env.MCP_CONFORMANCE_PROTOCOL_VERSION;
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as Record<string, unknown>;

const logger = {
  debug() {},
  info() {},
  warn: (message: string) => process.stderr.write(`warn: ${message}\n`),
  error: (message: string) => process.stderr.write(`error: ${message}\n`),
};

const client = new Client(
  { name: 'mcpkit-everything-client', version: '1.0.0' },
  {
    protocolVersion,
    capabilities: {
      elicitation: { form: { applyDefaults: true } },
      sampling: {},
      roots: { listChanged: true },
    },
    // an accepted form with nothing filled in: the client fills in the schema's defaults
    elicitation: () => ({ action: 'accept', content: {} }),
    sampling: () => ({
      role: 'assistant',
      content: { type: 'text', text: 'A reply from the everything client.' },
      model: 'everything-client',
    }),
    roots: () => ({ roots: [{ uri: 'file:///workspace', name: 'workspace' }] }),
    // mock servers often under-declare: call what the scenario needs regardless
    enforceStrictCapabilities: false,
    discoveryCache: false,
    logger,
  },
);
client.onerror = (error) => logger.warn(error.message);

async function run(): Promise<void> {
  await client.connect(new StreamableHTTPClientTransport(url));
  switch (scenario) {
    case 'initialize':
      return;
    case 'tools_call':
      await client.callTool({ name: 'add_numbers', arguments: { a: 2, b: 3 } });
      return;
    case 'elicitation-sep1034-client-defaults':
      await client.callTool({ name: 'test_client_elicitation_defaults', arguments: {} });
      return;
    case 'sse-retry':
      await client.callTool({ name: 'test_reconnection', arguments: {} });
      return;
    case 'request-metadata':
      await client.listTools();
      return;
    case 'sep-2322-client-request-state': {
      const { tools } = await client.listTools();
      for (const tool of tools) await client.callTool({ name: tool.name, arguments: {} });
      return;
    }
    case 'http-standard-headers': {
      const { tools } = await client.listTools();
      if (tools[0]) await client.callTool({ name: tools[0].name, arguments: {} });
      const { resources } = await client.listResources();
      if (resources[0]) await client.readResource({ uri: resources[0].uri });
      const { prompts } = await client.listPrompts();
      if (prompts[0]) await client.getPrompt({ name: prompts[0].name });
      return;
    }
    case 'http-custom-headers': {
      await client.listTools();
      const calls = (context.toolCalls ?? []) as Array<{
        name: string;
        arguments: Record<string, unknown>;
      }>;
      for (const call of calls)
        await client.callTool({ name: call.name, arguments: call.arguments });
      return;
    }
    case 'http-invalid-tool-headers': {
      // tools with invalid x-mcp-header annotations are left out by listTools
      const { tools } = await client.listTools();
      for (const tool of tools)
        await client.callTool({ name: tool.name, arguments: { region: 'us-west1' } });
      return;
    }
    case 'json-schema-2020-12-preservation': {
      const { tools } = await client.listTools();
      const focal = tools.find((t) => t.name === 'json_schema_2020_12_tool');
      if (!focal) throw new Error('the server lists no json_schema_2020_12_tool');
      await client.callTool({ name: 'json_schema_echo', arguments: { schema: focal.inputSchema } });
      return;
    }
    case 'sep-2640-client-no-prefetch':
      // a host lists skills at connect time and reads none until one is actually used
      await listSkills(client);
      return;
    case 'sep-2640-client-verify-digest':
    case 'sep-2640-client-verify-size':
    case 'sep-2640-client-verify-frontmatter': {
      const [skill] = await listSkills(client);
      if (skill) await loadSkill(client, skill);
      return;
    }
    default:
      await client.listTools();
  }
}

try {
  await run();
  await client.close();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${scenario}: ${(error as Error).message}\n`);
  await client.close().catch(() => undefined);
  process.exit(1);
}
