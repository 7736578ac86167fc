// The echo benchmark server on the official @modelcontextprotocol/server 2.x, as its docs show.
import { McpServer } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

const server = new McpServer({ name: 'bench-echo', version: '1.0.0' });
server.registerTool(
  'echo',
  { description: 'Echoes', inputSchema: z.object({ message: z.string() }) },
  async ({ message }) => ({
    content: [{ type: 'text', text: message }],
  }),
);
await server.connect(new StdioServerTransport());
