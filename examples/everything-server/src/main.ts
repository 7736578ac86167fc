/**
 * The everything server's command line.
 *
 *   everything-server --stdio                 serve on stdin/stdout
 *   everything-server --port P [--stateless] [--json-response]
 *                                             Streamable HTTP at http://127.0.0.1:P/mcp, both eras
 *   add --fastmcp to serve the same content built on @mcpkit/fastmcp instead of the low-level API
 *
 * Prints a line containing "listening" on stderr once the HTTP endpoint is ready.
 */
import process from 'node:process';
import { StdioServerTransport } from '@mcpkit/transport-stdio';
import { InMemoryEventStore } from '@mcpkit/transport-streamable-http';
import { createMcpHttpServer } from '@mcpkit/transport-streamable-http/node';
import { createEverythingFastMCP } from './fastmcp-server';
import { createEverythingServer } from './server';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

/** The low-level server, or FastMCP's (its `server` runs FastMCP's handlers and lifespan). */
const createServer = () =>
  flag('--fastmcp') ? createEverythingFastMCP().server : createEverythingServer();

if (flag('--stdio')) {
  const server = createServer();
  const session = await server.connect(new StdioServerTransport());
  session.onclose = () => {
    void server.close().then(() => process.exit(0));
  };
} else if (option('--port') !== undefined) {
  const port = Number(option('--port'));
  const server = createServer();
  const http = createMcpHttpServer(server, {
    stateless: flag('--stateless'),
    jsonResponse: flag('--json-response'),
    // resumable streams: SSE polling and reconnection replay from here
    eventStore: flag('--stateless') ? undefined : new InMemoryEventStore(),
    retryIntervalMs: 500,
  });
  const url = await http.listen(port, '127.0.0.1');
  process.stderr.write(`everything-server listening on ${url}\n`);
  const stop = () => {
    void http
      .close()
      .then(() => server.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  process.stderr.write(
    'usage: everything-server [--fastmcp] --stdio | --port P [--stateless] [--json-response]\n',
  );
  process.exit(2);
}
