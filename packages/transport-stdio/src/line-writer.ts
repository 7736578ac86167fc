/**
 * Writes newline-delimited messages to a stream, coalescing the messages of one tick into one
 * write: under load that is one system call for many answers instead of one each.
 */
import type { Writable } from 'node:stream';

/** Batches lines into as few `write()` calls as the stream allows. */
export class LineWriter {
  private queue: string[] = [];
  private scheduled = false;
  private waitingForDrain = false;
  private closed = false;
  private readonly drainWaiters: Array<() => void> = [];

  constructor(
    private readonly stream: Writable,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Queues one line (without its newline). Throws if the writer is closed. */
  write(line: string): void {
    if (this.closed) throw new Error('the output stream is closed');
    this.queue.push(line);
    if (!this.scheduled && !this.waitingForDrain) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Resolves once everything queued so far has been handed to the stream. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.waitingForDrain) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Stops accepting lines; what is queued is still written. */
  close(): void {
    this.closed = true;
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0 || this.waitingForDrain) return;
    const text = this.queue.length === 1 ? `${this.queue[0]}\n` : `${this.queue.join('\n')}\n`;
    this.queue = [];
    let ok: boolean;
    try {
      ok = this.stream.write(text);
    } catch (error) {
      this.onError(error as Error);
      return;
    }
    if (ok) {
      this.releaseWaiters();
      return;
    }
    // The reader is slower than we are: keep queueing until the stream drains.
    this.waitingForDrain = true;
    this.stream.once('drain', () => {
      this.waitingForDrain = false;
      if (this.queue.length > 0) this.flush();
      else this.releaseWaiters();
    });
  };

  private releaseWaiters(): void {
    if (this.queue.length > 0) return;
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
