// The echo benchmark server on @mcpkit/fastmcp over stdio: the high-level layer beside the
// low-level one (mcpkit-echo.ts) to show what it costs.
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';

const mcp = new FastMCP('bench-echo', { version: '1.0.0', logLevel: 'warn' });
mcp.tool(
  'echo',
  { description: 'Echoes', input: { message: z.string() } },
  ({ message }) => message,
);
await mcp.run();
