/**
 * What the server handler reads of a request and what it answers, independent of the runtime.
 *
 * The handler is web-standard at its edge (`handle(Request) → Response`), but building a
 * `Request` with a streamed body, an `AbortSignal` and a `Response` around a `ReadableStream` for
 * every call costs Node far more than the MCP work itself (measured: ~200 µs of a 250 µs call).
 * So the core works on this small contract instead: the web edge wraps `Request`/`Response`
 * around it, and the Node adapter feeds `IncomingMessage`/`ServerResponse` to it directly.
 */
import { errorResponse, type RequestId } from '@mcpkit/protocol';
import type { SseStream } from './sse-stream';

/** The part of the web `Headers` API the handler uses; a web `Headers` object fits. */
export interface HeadersLike {
  /** The value of a header (names are case-insensitive), `null` when absent. */
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/** An incoming HTTP request as hooks see it; a web `Request` fits. */
export interface IncomingHttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeadersLike;
}

/** An incoming request as the handler core reads it. */
export interface IncomingExchange extends IncomingHttpRequest {
  /** The local address the server listens on (turns on DNS-rebinding protection for loopback). */
  readonly localAddress: string | undefined;
  /** The headers as a plain lower-cased record (what handlers see as `requestInfo.headers`). */
  headerRecord(): Record<string, string | string[] | undefined>;
  /** The body as text: 413 over `maxBytes` (before reading when declared), 408 when it stalls. */
  readText(maxBytes: number, timeoutMs: number): Promise<string>;
  /** Runs `callback` if the client goes away before the response ends. */
  onAbort(callback: () => void): void;
}

/** What the handler answers: a complete body, an SSE stream, or a web Response from a hook. */
export type Reply =
  | { kind: 'body'; status: number; headers: Record<string, string>; body: string | null }
  | { kind: 'stream'; status: number; headers: Record<string, string>; stream: SseStream }
  | { kind: 'response'; response: Response };

/** Why reading a body failed, as the HTTP status to answer with. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function oversize(maxBytes: number, declared?: string): BodyError {
  return new BodyError(
    413,
    declared === undefined
      ? `Request body is over the ${maxBytes}-byte limit; send smaller messages.`
      : `Request body of ${declared} bytes is over the ${maxBytes}-byte limit; send smaller messages.`,
  );
}

export function stalled(timeoutMs: number): BodyError {
  return new BodyError(408, `The request body stalled for ${timeoutMs} ms; send it promptly.`);
}

/** A JSON reply with a JSON-RPC error body that says what went wrong and what to do. */
export function errorReply(
  status: number,
  code: number,
  message: string,
  options: { id?: unknown; data?: unknown; headers?: Record<string, string> } = {},
): Reply {
  const id = options.id as RequestId | null | undefined;
  return jsonReply(errorResponse(id, code, message, options.data), status, options.headers);
}

/** A JSON reply carrying one JSON-RPC message. */
export function jsonReply(
  message: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Reply {
  return {
    kind: 'body',
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(message),
  };
}

/** An empty reply (202 Accepted, 200 after DELETE, 204 for a preflight). */
export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { kind: 'body', status, headers, body: null };
}

const encoder = new TextEncoder();

/** The web Response for a reply. */
export function toWebResponse(reply: Reply): Response {
  if (reply.kind === 'response') return reply.response;
  if (reply.kind === 'body')
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  const stream = reply.stream;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream.attach({
        write(text) {
          controller.enqueue(encoder.encode(text));
        },
        end() {
          controller.close();
        },
      });
    },
    // the client went away: release everything tied to the stream
    cancel: () => stream.cancel(),
  });
  return new Response(body, { status: reply.status, headers: reply.headers });
}

/** A web `Request` as the handler core reads it. */
export class WebExchange implements IncomingExchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;

  constructor(
    private readonly request: Request,
    readonly localAddress: string | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.method = request.method;
    this.url = request.url;
    this.headers = request.headers;
  }

  headerRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    this.headers.forEach((value, key) => {
      out[key] = value;
    });
    return out;
  }

  onAbort(callback: () => void): void {
    const signal = this.signal ?? this.request.signal;
    if (signal.aborted) callback();
    else signal.addEventListener('abort', callback, { once: true });
  }

  async readText(maxBytes: number, timeoutMs: number): Promise<string> {
    const declared = this.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBytes) throw oversize(maxBytes, declared);
    const body = this.request.body;
    if (!body) return '';
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stall = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(stalled(timeoutMs)), timeoutMs);
    });
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), stall]);
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) throw oversize(maxBytes);
        chunks.push(value);
      }
    } catch (error) {
      // stop reading whatever the client keeps sending
      reader.cancel().catch(() => undefined);
      if (error instanceof BodyError) throw error;
      throw new BodyError(400, `The request body could not be read: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return new TextDecoder().decode(bytes);
  }
}
