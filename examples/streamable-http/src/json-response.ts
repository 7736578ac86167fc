/**
 * Stateless Streamable HTTP with JSON responses: no sessions, and every answer is one
 * `application/json` body instead of an SSE stream.
 *
 *   pnpm --filter @mcpkit-examples/streamable-http json-response [--port 8000]   (or FASTMCP_PORT=…)
 *
 * Logs "listening on <url>" to stderr when ready; stops on SIGINT / SIGTERM.
 */
import process from 'node:process';
import { FastMCP } from '@mcpkit/fastmcp';
import { addTools } from './tools';

const mcp = new FastMCP('StatelessServer', { statelessHttp: true, jsonResponse: true });

addTools(mcp); // echo and count_to

// --port wins; without it FastMCP reads FASTMCP_PORT, else serves on 8000
const at = process.argv.indexOf('--port');
const port = at === -1 ? undefined : Number(process.argv[at + 1]);

await mcp.run({ transport: 'streamable-http', port });
