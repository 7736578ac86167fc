/**
 * The Quickstart server: a FastMCP server named "Demo" with an `add` tool and a dynamic
 * `greeting://{name}` resource, served over stdio (stdout is the wire; logs go to stderr).
 *
 *   pnpm --filter @mcpkit-examples/quickstart server
 */
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';

// Create an MCP server
const mcp = new FastMCP('Demo');

// Add an addition tool
mcp.tool(
  'add',
  { description: 'Add two numbers', input: { a: z.number(), b: z.number() } },
  ({ a, b }) => a + b,
);

// Add a dynamic greeting resource
mcp.resource(
  'greeting://{name}',
  { description: 'Get a personalized greeting' },
  ({ name }) => `Hello, ${name}!`,
);

await mcp.run();
