// The echo benchmark server on @mcpkit/fastmcp over Streamable HTTP (its own node:http server).
// Flags: --stateless, --json-response.
import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';
import { installHeapProbe } from './heap-probe.mjs';

const mcp = new FastMCP('bench-echo', {
  version: '1.0.0',
  logLevel: 'info',
  port: 0,
  statelessHttp: process.argv.includes('--stateless'),
  jsonResponse: process.argv.includes('--json-response'),
});
mcp.tool(
  'echo',
  { description: 'Echoes', input: { message: z.string() } },
  ({ message }) => message,
);
installHeapProbe();
await mcp.run('streamable-http');
