/**
 * The Echo server: one message echoed as a resource, a tool and a prompt (the Python SDK
 * README's "Echo Server"), served over stdio.
 *
 *   pnpm --filter @mcpkit-examples/echo server
 */
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';

const mcp = new FastMCP('Echo');

mcp.resource(
  'echo://{message}',
  { description: 'Echo a message as a resource' },
  ({ message }) => `Resource echo: ${message}`,
);

mcp.tool(
  'echo_tool',
  { description: 'Echo a message as a tool', input: { message: z.string() } },
  ({ message }) => `Tool echo: ${message}`,
);

mcp.prompt(
  'echo_prompt',
  { description: 'Create an echo prompt', args: { message: z.string() } },
  ({ message }) => `Please process this message: ${message}`,
);

await mcp.run();
