/**
 * One SSE response body being written: events in order, keep-alive comments while it is quiet,
 * and a close that releases everything whichever side ends it. Text is handed to a sink (a web
 * ReadableStream's controller, or Node's ServerResponse) once the adapter attaches one; what is
 * written before that waits, so the first write goes out together with the headers.
 */
import { SSE_KEEP_ALIVE } from '../sse';

/** The headers every SSE response carries. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // tells nginx-style proxies not to buffer the stream
  'X-Accel-Buffering': 'no',
};

/** Where an attached stream's text goes. */
export interface SseSink {
  write(text: string): void;
  end(): void;
}

/** A writable SSE stream backing one HTTP response. */
export class SseStream {
  private sink: SseSink | undefined;
  private pending = '';
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private ended = false;
  private readonly closeCallbacks: Array<() => void> = [];

  constructor(keepAliveMs: number) {
    if (keepAliveMs > 0) {
      this.keepAlive = setInterval(() => this.write(SSE_KEEP_ALIVE), keepAliveMs);
      (this.keepAlive as { unref?: () => void }).unref?.();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether text is waiting for a sink (the adapter then sends it along with the headers). */
  get hasPending(): boolean {
    return this.pending !== '';
  }

  /** Connects the stream to its consumer; text written so far goes first. */
  attach(sink: SseSink): void {
    this.sink = sink;
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.deliver(text);
    }
    if (this.closed) this.endSink();
  }

  /** Writes raw SSE text; returns false once the stream is closed. */
  write(text: string): boolean {
    if (this.closed) return false;
    if (this.sink) this.deliver(text);
    else this.pending += text;
    return !this.closed;
  }

  /** Ends the stream (the server side). */
  close(): void {
    if (this.closed) return;
    this.finish();
    if (this.sink) this.endSink();
  }

  /** The consumer went away: release everything, write nothing more. */
  cancel(): void {
    this.ended = true;
    this.finish();
  }

  /** Runs once when the stream ends, whoever ended it. */
  onClose(callback: () => void): void {
    if (this.closed) callback();
    else this.closeCallbacks.push(callback);
  }

  private deliver(text: string): void {
    try {
      (this.sink as SseSink).write(text);
    } catch {
      // the consumer is gone; treat it as cancelled
      this.cancel();
    }
  }

  private endSink(): void {
    if (this.ended) return;
    this.ended = true;
    try {
      (this.sink as SseSink).end();
    } catch {
      // already errored or cancelled by the consumer
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    for (const callback of this.closeCallbacks.splice(0)) callback();
  }
}
