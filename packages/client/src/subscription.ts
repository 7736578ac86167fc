/**
 * A `subscriptions/listen` stream as the application sees it: an async iterable of the
 * notifications it carries, the filter the server agreed to, and `close()`.
 */
import type { SubscriptionFilter } from '@mcpkit/protocol';

/** One notification delivered on a listen stream. */
export interface SubscriptionNotification {
  method: string;
  params: Record<string, unknown> | undefined;
}

/** A live listen stream. Iterate it with `for await`; the loop ends when the stream does. */
export class Subscription implements AsyncIterable<SubscriptionNotification> {
  /** Resolves with the notification types the server agreed to send. */
  readonly acknowledged: Promise<SubscriptionFilter>;

  private resolveAck!: (filter: SubscriptionFilter) => void;
  private rejectAck!: (error: Error) => void;
  private readonly queue: SubscriptionNotification[] = [];
  private waiter: ((result: IteratorResult<SubscriptionNotification>) => void) | undefined;
  private failWaiter: ((error: Error) => void) | undefined;
  private ended = false;
  private error: Error | undefined;
  private readonly endCallbacks: Array<() => void> = [];

  constructor(private readonly cancel: () => void) {
    this.acknowledged = new Promise((resolve, reject) => {
      this.resolveAck = resolve;
      this.rejectAck = reject;
    });
    // an unacknowledged stream that fails is reported through `acknowledged`; never unhandled
    this.acknowledged.catch(() => undefined);
  }

  /** Whether the stream has ended. */
  get closed(): boolean {
    return this.ended;
  }

  /** Ends the stream: the server is told, the iteration finishes. */
  close(): void {
    if (this.ended) return;
    this.cancel();
    this.end();
  }

  /** @internal */
  deliver(method: string, params: Record<string, unknown> | undefined): void {
    if (this.ended) return;
    if (method === 'notifications/subscriptions/acknowledged') {
      this.resolveAck((params?.notifications ?? {}) as SubscriptionFilter);
      return;
    }
    const item = { method, params };
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      this.failWaiter = undefined;
      waiter({ value: item, done: false });
    } else {
      this.queue.push(item);
    }
  }

  /** @internal */
  end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    this.rejectAck(
      error ?? new Error('The listen stream ended before the server acknowledged it.'),
    );
    if (error && this.failWaiter) this.failWaiter(error);
    else this.waiter?.({ value: undefined, done: true });
    this.waiter = undefined;
    this.failWaiter = undefined;
    for (const callback of this.endCallbacks.splice(0)) callback();
  }

  /** @internal */
  onEnd(callback: () => void): void {
    if (this.ended) callback();
    else this.endCallbacks.push(callback);
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionNotification> {
    return {
      next: () => {
        const item = this.queue.shift();
        if (item) return Promise.resolve({ value: item, done: false });
        if (this.ended) {
          return this.error
            ? Promise.reject(this.error)
            : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          this.waiter = resolve;
          this.failWaiter = reject;
        });
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
