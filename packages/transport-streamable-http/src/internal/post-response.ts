/**
 * The HTTP response to one POSTed request. In `auto` mode the first message decides its shape:
 * the final answer alone goes back as plain JSON (with a status that fits the error, if it is
 * one); anything before it (progress, logs, a server-to-client request) opens an SSE stream that
 * carries it and then the answer. `sse` always streams (resumable streams need the priming
 * event), `json` never does.
 */
import type { JSONRPCMessage } from '@mcpkit/protocol';
import { formatMessageEvent, formatPrimingEvent } from '../sse';
import { jsonReply, type Reply } from './exchange';
import { SSE_HEADERS, SseStream } from './sse-stream';

export type ResponseMode = 'auto' | 'sse' | 'json';

export interface PostResponseOptions {
  mode: ResponseMode;
  keepAliveMs: number;
  /** Extra headers (session id, CORS). */
  headers: Record<string, string>;
  /** The HTTP status of a final answer sent as JSON. */
  statusOf: (message: JSONRPCMessage) => number;
  /** A priming event to open the stream with (resumable streams). */
  priming?: { id: string; retryMs?: number };
}

export class PostResponse {
  /** Resolves with the reply once its shape is decided. */
  readonly reply: Promise<Reply>;
  private resolve!: (reply: Reply) => void;
  private stream: SseStream | undefined;
  private decided = false;
  private done = false;
  private readonly closeCallbacks: Array<() => void> = [];

  constructor(private readonly options: PostResponseOptions) {
    this.reply = new Promise((resolve) => {
      this.resolve = resolve;
    });
    if (options.mode === 'sse') this.openStream();
  }

  /** Whether this response can still carry events (it is, or may become, a stream). */
  get canStream(): boolean {
    if (this.done) return false;
    if (this.stream) return !this.stream.isClosed;
    return this.options.mode !== 'json' && !this.decided;
  }

  /** Whether the answer has been sent (or the response ended without it). */
  get isDone(): boolean {
    return this.done;
  }

  /** Sends a message before the answer. Returns false if this response cannot carry it. */
  event(message: JSONRPCMessage, eventId?: string): boolean {
    if (!this.canStream) return false;
    if (!this.stream) this.openStream();
    return (this.stream as SseStream).write(formatMessageEvent(message, eventId));
  }

  /** Sends the answer and ends the response. */
  final(message: JSONRPCMessage, eventId?: string): void {
    if (this.done) return;
    if (!this.stream && !this.decided) {
      this.decided = true;
      this.done = true;
      this.resolve(jsonReply(message, this.options.statusOf(message), this.options.headers));
      this.runCloseCallbacks();
      return;
    }
    this.stream?.write(formatMessageEvent(message, eventId));
    this.end();
  }

  /**
   * Ends the stream before the answer (SSE polling): the client reconnects with Last-Event-ID
   * and the answer is replayed from the event store.
   */
  closeEarly(): void {
    if (!this.stream) this.openStream();
    this.end();
  }

  /** Ends the response without an answer (the connection is going away). */
  end(): void {
    if (this.done) return;
    this.done = true;
    if (!this.decided) {
      this.decided = true;
      this.resolve({ kind: 'body', status: 202, headers: this.options.headers, body: null });
    }
    this.stream?.close();
    this.runCloseCallbacks();
  }

  /** Runs once the response ends, however it ends (including the client disconnecting). */
  onClose(callback: () => void): void {
    if (this.done) callback();
    else this.closeCallbacks.push(callback);
  }

  private openStream(): void {
    this.decided = true;
    const stream = new SseStream(this.options.keepAliveMs);
    this.stream = stream;
    stream.onClose(() => {
      if (this.done) return;
      this.done = true;
      this.runCloseCallbacks();
    });
    if (this.options.priming)
      stream.write(formatPrimingEvent(this.options.priming.id, this.options.priming.retryMs));
    this.resolve({
      kind: 'stream',
      status: 200,
      headers: { ...SSE_HEADERS, ...this.options.headers },
      stream,
    });
  }

  private runCloseCallbacks(): void {
    for (const callback of this.closeCallbacks.splice(0)) callback();
  }
}
