/**
 * Input from the client in the stateless era (2026-07-28 multi round-trip requests). A handler
 * asks with `ctx.elicit()`, `ctx.createMessage()` or `ctx.listRoots()` in either era; in the
 * stateless era an ask without an answer ends this run of the handler, the server answers with an
 * `InputRequiredResult`, and the client retries with the answers. The handler then runs again
 * from the top, and each ask finds its answer by key.
 */
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  ErrorCode,
  ListRootsResultSchema,
  McpError,
  SdkError,
} from '@mcpkit/protocol';

/** Options of one ask. */
export interface InputOptions {
  /**
   * The key this ask is known by across rounds (it is the key in `inputRequests`). Default: the
   * kind and position, e.g. `elicitation-0`, which is stable as long as the handler asks in the
   * same order on every run.
   */
  key?: string;
}

const INPUT_REQUIRED = Symbol.for('mcpkit.InputRequired');

/**
 * Thrown into a handler's pending asks when the server answers with an `InputRequiredResult`
 * (stateless era): the handler's `finally` blocks run, and it runs again when the client retries.
 * Do not catch it; if a handler does, the server answers for input anyway.
 */
export class InputRequiredSignal extends Error {
  constructor(keys: string[]) {
    super(
      `Waiting for the client's input (${keys.join(', ')}); this handler runs again when the client retries with it.`,
    );
    this.name = 'InputRequiredSignal';
    Object.defineProperty(this, INPUT_REQUIRED, { value: true });
  }
}

/** Whether `error` is the signal that a stateless handler must wait for client input. */
export function isInputRequired(error: unknown): error is InputRequiredSignal {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[INPUT_REQUIRED] === true
  );
}

/** One ask of a run: its key and method, in order. */
export type AskRecord = [key: string, method: string];

/** What a round trip carries between runs, sealed in `requestState`. */
export interface RoundState {
  /** The asks of the previous run, in order. */
  asked: AskRecord[];
  /** Every answer received so far, by key. */
  answers: Record<string, unknown>;
}

const RESULT_SCHEMAS: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
  'elicitation/create': ElicitResultSchema,
  'sampling/createMessage': CreateMessageResultSchema,
  'roots/list': ListRootsResultSchema,
};

const KIND_NAMES: Record<string, string> = {
  'elicitation/create': 'elicitation',
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
};

/**
 * The asks and answers of one run of a stateless handler. Unanswered asks made in the same burst
 * (e.g. under one `Promise.all`) are collected for one interim result; a macrotask later they are
 * rejected with {@link InputRequiredSignal}, so the handler unwinds (its `finally` blocks run) and
 * the server answers with the collected input requests. A run that asks nothing pays nothing.
 */
export class InputRound {
  /** Asks made during this run, in order. */
  readonly asked: AskRecord[] = [];
  /** Asks still without an answer: they become the `inputRequests` of the interim result. */
  readonly pending = new Map<
    string,
    { method: string; params: Record<string, unknown> | undefined }
  >();

  private readonly waiting: Array<(error: Error) => void> = [];
  private windowOpen = false;
  private released = false;

  constructor(
    private readonly previous: RoundState,
    private readonly answers: Record<string, unknown>,
    /** The `inputResponses` of this request: used when an ask with their key comes up. */
    private readonly offered: Record<string, unknown> | undefined,
  ) {}

  /** Answers for the next round: everything known so far. */
  get knownAnswers(): Record<string, unknown> {
    return this.answers;
  }

  ask(
    method: string,
    params: Record<string, unknown> | undefined,
    options: InputOptions = {},
  ): Promise<unknown> {
    const index = this.asked.length;
    const key = options.key ?? `${KIND_NAMES[method] ?? method}-${index}`;
    if (this.asked.some(([k]) => k === key)) {
      return Promise.reject(
        new SdkError(
          'INVALID_ARGUMENT',
          `The handler asked for input key "${key}" twice in one run; give each ask its own key.`,
        ),
      );
    }
    const before = this.previous.asked[index];
    if (before && (before[0] !== key || before[1] !== method)) {
      // The answers are matched by key; a different sequence means they would reach the wrong asks.
      return Promise.reject(
        new SdkError(
          'INVALID_STATE',
          `The handler asked for input in a different order than on its previous run: ask #${index + 1} was ${before[1]} "${before[0]}" and is now ${method} "${key}". A handler must make the same asks in the same order on every run (it runs again on each retry).`,
        ),
      );
    }
    this.asked.push([key, method]);
    if (Object.hasOwn(this.answers, key)) return Promise.resolve(this.answers[key]);
    if (this.offered && Object.hasOwn(this.offered, key)) {
      const value = this.offered[key];
      const schema = RESULT_SCHEMAS[method];
      if (schema && !schema.safeParse(value).success) {
        return Promise.reject(
          new McpError(
            ErrorCode.InvalidParams,
            `Invalid params: inputResponses["${key}"] is not a valid ${method} result; answer the input request with the result shape the spec defines for ${method}.`,
          ),
        );
      }
      this.answers[key] = value;
      return Promise.resolve(value);
    }
    this.pending.set(key, { method, params });
    // Asked after the interim answer was decided (the handler caught the signal): end at once.
    if (this.released) return Promise.reject(new InputRequiredSignal([key]));
    this.openWindow();
    return new Promise((_resolve, reject) => {
      this.waiting.push(reject);
    });
  }

  /** Rejects every pending ask with {@link InputRequiredSignal}, so the handler unwinds. */
  release(): void {
    this.released = true;
    if (this.waiting.length === 0) return;
    const signal = new InputRequiredSignal([...this.pending.keys()]);
    for (const reject of this.waiting.splice(0)) reject(signal);
  }

  private openWindow(): void {
    if (this.windowOpen) return;
    this.windowOpen = true;
    // A macrotask later every ask of the current burst (Promise.all, parallel branches) is in.
    setTimeout(() => this.release(), 0);
  }
}
