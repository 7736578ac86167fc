// @mcpkit/transport-streamable-http/node: the node:http adapter. It turns Node's request and
// response objects into web-standard ones for the handler, and back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse } from '@mcpkit/protocol';
import {
  BodyError,
  type HeadersLike,
  type IncomingExchange,
  oversize,
  type Reply,
  stalled,
} from './internal/exchange';
import {
  createStreamableHTTPHandler,
  type McpServerLike,
  type StreamableHTTPHandler,
  type StreamableHTTPHandlerOptions,
} from './server-handler';

/** A node:http request listener, optionally with Express's parsed body. */
export type NodeRequestListener = (
  req: http.IncomingMessage & { body?: unknown },
  res: http.ServerResponse,
) => Promise<void>;

/**
 * Adapts a handler to `node:http`: `http.createServer(toNodeListener(handler))`. The listening
 * address reaches the handler, so DNS-rebinding protection turns on by itself for loopback.
 * A body already parsed by a framework (`req.body`) is used as is. Node's own request and
 * response objects are served directly, without web Request/Response in between.
 */
export function toNodeListener(handler: StreamableHTTPHandler): NodeRequestListener {
  return async (req, res) => {
    const reply = await handler.serve(new NodeExchange(req, res));
    await writeReply(reply, res);
  };
}

/** A Node request as the handler core reads it. */
class NodeExchange implements IncomingExchange {
  readonly method: string;
  readonly url: string;
  readonly headers: HeadersLike;
  readonly localAddress: string | undefined;

  constructor(
    private readonly req: http.IncomingMessage & { body?: unknown },
    private readonly res: http.ServerResponse,
  ) {
    this.method = req.method ?? 'GET';
    this.url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
    this.headers = new NodeHeaders(req.headers);
    this.localAddress = req.socket.localAddress;
  }

  headerRecord(): Record<string, string | string[] | undefined> {
    return this.req.headers;
  }

  onAbort(callback: () => void): void {
    const res = this.res;
    if (res.writableFinished) return;
    if (res.destroyed) {
      callback();
      return;
    }
    res.once('close', () => {
      if (!res.writableFinished) callback();
    });
  }

  readText(maxBytes: number, timeoutMs: number): Promise<string> {
    const req = this.req;
    if (req.body !== undefined) {
      // a framework read the body already: hand on what it parsed
      const body = req.body;
      return Promise.resolve(
        typeof body === 'string'
          ? body
          : Buffer.isBuffer(body)
            ? body.toString('utf8')
            : JSON.stringify(body),
      );
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBytes) {
      this.refuseRest();
      return Promise.reject(oversize(maxBytes, declared));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let total = 0;
      const finish = (error?: BodyError) => {
        clearTimeout(timer);
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('aborted', onAborted);
        if (error) {
          this.refuseRest();
          reject(error);
        } else {
          resolve(
            chunks.length === 1
              ? (chunks[0] as Buffer).toString('utf8')
              : Buffer.concat(chunks, total).toString('utf8'),
          );
        }
      };
      const onData = (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) finish(oversize(maxBytes));
        else chunks.push(chunk);
      };
      const onEnd = () => finish();
      const onError = (error: Error) =>
        finish(new BodyError(400, `The request body could not be read: ${error.message}`));
      const onAborted = () =>
        finish(new BodyError(400, 'The request body could not be read: the client went away.'));
      const timer = setTimeout(() => finish(stalled(timeoutMs)), timeoutMs);
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('aborted', onAborted);
    });
  }

  /**
   * After refusing a body: answer, then close the connection instead of reading (or draining)
   * whatever the client keeps sending.
   */
  private refuseRest(): void {
    this.req.pause();
    this.res.setHeader('Connection', 'close');
    this.res.once('finish', () => this.req.socket.destroySoon());
  }
}

/** Node's header record behind the `Headers`-like view the handler reads. */
class NodeHeaders implements HeadersLike {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.raw)) {
      if (value !== undefined) callback(Array.isArray(value) ? value.join(', ') : value, name);
    }
  }
}

/** Writes a reply: a body in one write, a stream as its events come (batched per tick). */
async function writeReply(reply: Reply, res: http.ServerResponse): Promise<void> {
  if (reply.kind === 'response') {
    await writeWebResponse(reply.response, res);
    return;
  }
  if (res.destroyed) {
    if (reply.kind === 'stream') reply.stream.cancel();
    return;
  }
  if (reply.kind === 'body') {
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body ?? undefined);
    return;
  }
  const stream = reply.stream;
  res.writeHead(reply.status, reply.headers);
  // nothing to send yet: flush the headers now, an SSE stream may stay quiet for a while
  if (!stream.hasPending) res.flushHeaders();
  res.on('close', () => stream.cancel());
  let corked = false;
  const uncork = () => {
    corked = false;
    // end() uncorks by itself; a second uncork could release the next response's cork
    if (!res.writableEnded) res.uncork();
  };
  stream.attach({
    write(text) {
      // events written in one tick (say, the last progress and the answer) share one write
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      res.write(text);
    },
    end() {
      res.end();
    },
  });
}

/** Writes a web Response (one an authentication hook returned). */
async function writeWebResponse(response: Response, res: http.ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // flush headers now: an SSE stream may stay quiet for a while
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
  } catch {
    // the client went away mid-stream; nothing left to write to
  } finally {
    res.end();
  }
}

/** Answers a request outside the MCP endpoint: 404 with a JSON-RPC body naming where MCP is. */
export function respondNotFound(res: http.ServerResponse, mcpPath: string): void {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(
    JSON.stringify(errorResponse(undefined, -32000, `Not found: MCP is served at ${mcpPath}`)),
  );
}

/** Options of {@link createMcpHttpServer}. */
export interface McpHttpServerOptions extends StreamableHTTPHandlerOptions {
  /** The path MCP is served on. Default `/mcp`. */
  path?: string;
  /** Largest header block accepted (431 beyond, with a JSON-RPC body). Default 16 KiB. */
  maxHeaderBytes?: number;
  /** Time to receive a request's headers (half-open connections are closed). Default 30000 ms. */
  headersTimeoutMs?: number;
}

/** A running HTTP server with its MCP handler. */
export interface McpHttpServer {
  readonly server: http.Server;
  readonly handler: StreamableHTTPHandler;
  /** Starts listening; resolves with the URL of the MCP endpoint. */
  listen(port: number, host?: string): Promise<URL>;
  /** Stops accepting connections and closes every session. */
  close(): Promise<void>;
}

/**
 * A `node:http` server serving `server` at `/mcp`, with the protections an endpoint needs:
 * header size limit (431), header timeout for half-open connections, JSON-RPC bodies on every
 * refusal, 404 elsewhere.
 * @example
 * const http = createMcpHttpServer(server);
 * const url = await http.listen(3000, '127.0.0.1');
 */
export function createMcpHttpServer(
  mcpServer: McpServerLike,
  options: McpHttpServerOptions = {},
): McpHttpServer {
  const handler = createStreamableHTTPHandler(mcpServer, options);
  const listener = toNodeListener(handler);
  const path = options.path ?? '/mcp';
  const server = http.createServer(
    {
      maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
      requestTimeout: 0,
      headersTimeout: options.headersTimeoutMs ?? 30_000,
    },
    (req, res) => {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname !== path) {
        respondNotFound(res, path);
        return;
      }
      void listener(req, res);
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify(
      errorResponse(
        undefined,
        -32000,
        tooLarge
          ? 'Request headers are too large; send fewer or smaller headers.'
          : `Bad request: ${error.message}`,
      ),
    );
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return {
    server,
    handler,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(new URL(`http://${shown}:${address.port}${path}`));
        });
      });
    },
    async close() {
      await handler.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export type { McpServerLike, StreamableHTTPHandler, StreamableHTTPHandlerOptions };
export { createStreamableHTTPHandler };
