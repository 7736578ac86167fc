/**
 * Typed start-up and shut-down, the TypeScript shape of Python's async context manager: an async
 * generator that sets things up, yields the context every handler sees, and cleans up in
 * `finally` when the server closes.
 */
import { SdkError } from '@mcpkit/protocol';
import type { Server } from './server';

/**
 * Start-up and shut-down of a server. Either an async generator (yield the context once; code
 * after the yield, or in `finally`, runs at shut-down) or a function returning the context.
 * @example
 * const lifespan = async function* () {
 *   const db = await Database.connect();
 *   try { yield { db }; } finally { await db.disconnect(); }
 * };
 */
export type Lifespan<L> = (server: Server<L>) => AsyncGenerator<L, void, void> | Promise<L> | L;

/** Runs a lifespan once: start on first need, stop on close. */
export class LifespanRunner<L> {
  private started: Promise<void> | undefined;
  private generator: AsyncGenerator<L, void, void> | undefined;
  private context: L | undefined;
  private ready = false;

  constructor(
    private readonly server: Server<L>,
    private readonly lifespan: Lifespan<L> | undefined,
  ) {}

  get value(): L {
    if (!this.ready) {
      throw new SdkError(
        'INVALID_STATE',
        'The server lifespan has not started yet; it starts with server.connect() or server.start().',
      );
    }
    return this.context as L;
  }

  start(): Promise<void> {
    this.started ??= this.run();
    return this.started;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    const generator = this.generator;
    this.generator = undefined;
    this.ready = false;
    if (generator) await generator.return(undefined);
  }

  private async run(): Promise<void> {
    if (!this.lifespan) {
      this.ready = true;
      return;
    }
    const out = this.lifespan(this.server);
    if (isAsyncGenerator<L>(out)) {
      const first = await out.next();
      if (first.done) {
        throw new SdkError(
          'INVALID_STATE',
          'The lifespan generator finished without yielding a context; yield exactly once.',
        );
      }
      this.generator = out;
      this.context = first.value;
    } else {
      this.context = await out;
    }
    this.ready = true;
  }
}

function isAsyncGenerator<L>(value: unknown): value is AsyncGenerator<L, void, void> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncGenerator<L>).next === 'function' &&
    typeof (value as AsyncGenerator<L>)[Symbol.asyncIterator] === 'function'
  );
}
