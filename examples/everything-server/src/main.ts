/**
 * The everything server's command line.
 *
 *   everything-server --stdio                 serve on stdin/stdout
 *   everything-server --port P [--stateless] [--json-response]
 *                                             Streamable HTTP at http://127.0.0.1:P/mcp
 */
import process from 'node:process';
import { StdioServerTransport } from '@mcpkit/transport-stdio';
import { createEverythingServer } from './server';

const args = process.argv.slice(2);

if (args.includes('--stdio')) {
  const server = createEverythingServer();
  const session = await server.connect(new StdioServerTransport());
  session.onclose = () => {
    void server.close().then(() => process.exit(0));
  };
} else {
  process.stderr.write('usage: everything-server --stdio\n');
  process.exit(2);
}
