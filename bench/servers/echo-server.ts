// The echo benchmark server on mcpkit's low-level Server, shared by the stdio and HTTP cells.
import { Server } from '@mcpkit/server';

/** A server with one tool, `echo` {message} → the message as text. */
export function echoServer(): Server {
  const server = new Server(
    { name: 'bench-echo', version: '1.0.0' },
    { capabilities: { tools: {} } },
  );
  server.setRequestHandler('tools/list', () => ({
    tools: [
      {
        name: 'echo',
        inputSchema: {
          type: 'object',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
      },
    ],
  }));
  server.setRequestHandler('tools/call', (params) => ({
    content: [
      {
        type: 'text',
        text: String((params.arguments as { message?: unknown } | undefined)?.message),
      },
    ],
  }));
  return server;
}
