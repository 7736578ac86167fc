// The echo benchmark server on mcpkit's low-level Server over stdio.
import { StdioServerTransport } from '@mcpkit/transport-stdio';
import { echoServer } from './echo-server';

await echoServer().connect(new StdioServerTransport());
