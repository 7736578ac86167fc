/**
 * Stateful Streamable HTTP: the server keeps a session per client (`Mcp-Session-Id`) for
 * clients of the 2025-11-25 era, and answers 2026-07-28 requests on the same endpoint.
 *
 *   pnpm --filter @mcpkit-examples/streamable-http stateful [--port 8000]   (or FASTMCP_PORT=…)
 *
 * Logs "listening on <url>" to stderr when ready; stops on SIGINT / SIGTERM.
 */
import process from 'node:process';
import { FastMCP } from '@mcpkit/fastmcp';
import { addTools } from './tools';

const mcp = new FastMCP('StatefulServer');

addTools(mcp); // echo and count_to

// --port wins; without it FastMCP reads FASTMCP_PORT, else serves on 8000
const at = process.argv.indexOf('--port');
const port = at === -1 ? undefined : Number(process.argv[at + 1]);

await mcp.run({ transport: 'streamable-http', port });
