/**
 * Several FastMCP servers in one Express app (the Python SDK README's FastAPI mount example):
 * EchoServer at /echo/mcp and MathServer at /math/mcp, both stateless, with one lifecycle that
 * starts them before the app listens and closes them on SIGINT / SIGTERM.
 *
 *   pnpm --filter @mcpkit-examples/streamable-http mount-many [--port 8000]   (or FASTMCP_PORT=…)
 *
 * Prints "listening on <url>" to stderr when ready.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { FastMCP, lifecycle } from '@mcpkit/fastmcp';
import express from 'express';
import { z } from 'zod';

// echo.ts in the Python example
const echo = new FastMCP('EchoServer', { statelessHttp: true });
echo.tool(
  'echo',
  { description: 'A simple echo tool', input: { message: z.string() } },
  ({ message }) => `Echo: ${message}`,
);

// math.ts in the Python example
const math = new FastMCP('MathServer', { statelessHttp: true });
math.tool(
  'add_two',
  { description: 'A simple add tool', input: { n: z.number().int() } },
  ({ n }) => n + 2,
);

// One start-up and one shut-down for both servers (the Python example's combined lifespan)
const servers = lifecycle(echo, math);
await servers.start();

const app = express();
app.use('/echo', echo.streamableHttpApp()); // serves /echo/mcp
app.use('/math', math.streamableHttpApp()); // serves /math/mcp

const at = process.argv.indexOf('--port');
const port = Number(at === -1 ? (process.env.FASTMCP_PORT ?? 8000) : process.argv[at + 1]);
const http = app.listen(port, '127.0.0.1');
await once(http, 'listening');
const { port: bound } = http.address() as AddressInfo;
process.stderr.write(
  `mount-many listening on http://127.0.0.1:${bound} (EchoServer at /echo/mcp, MathServer at /math/mcp)\n`,
);

async function shutdown(): Promise<void> {
  http.closeAllConnections(); // SSE streams would otherwise keep close() waiting
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await servers.close();
  process.stderr.write('mount-many stopped\n');
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
