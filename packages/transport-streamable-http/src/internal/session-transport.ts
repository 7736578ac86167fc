/**
 * The transport of one stateful MCP session over Streamable HTTP. A session spans many HTTP
 * requests: each POSTed request gets its own response (a stream, when it needs one); messages a
 * handler sends while serving a request travel on that request's response; everything else on
 * the standalone GET stream. With an event store every streamed event gets an id and can be
 * replayed after a reconnection.
 */
import type {
  MessageExtra,
  Transport,
  TransportCloseInfo,
  TransportSendOptions,
} from '@mcpkit/jsonrpc';
import { type JSONRPCMessage, type RequestId, SdkError } from '@mcpkit/protocol';
import type { EventStore } from '../event-store';
import { formatMessageEvent } from '../sse';
import type { PostResponse } from './post-response';
import type { SseStream } from './sse-stream';

/** A place events of one stream id currently go: a POST response or a GET stream. */
interface Stream {
  id: string;
  post?: PostResponse;
  get?: SseStream;
  /** Requests whose answers belong to this stream and have not been sent. */
  pending: Set<RequestId>;
}

/** Most messages kept for a standalone GET stream that is not open yet. */
const MAX_BACKLOG = 256;

export interface SessionTransportOptions {
  sessionId: string;
  eventStore?: EventStore;
  keepAliveMs: number;
  onclosed: () => void;
}

export class SessionTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  readonly sessionId: string;
  readonly description: string;
  /** When the session last saw traffic (for idle expiry). */
  lastActivity = Date.now();

  private readonly streams = new Map<string, Stream>();
  private readonly streamOfRequest = new Map<RequestId, string>();
  private readonly standaloneId: string;
  private nextStream = 0;
  private closed = false;
  /** What waits for the standalone GET stream to open (see `toStandalone`). */
  private readonly backlog: string[] = [];
  /** Per-stream write chains: event-store ids are assigned in order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly options: SessionTransportOptions) {
    this.sessionId = options.sessionId;
    this.description = `streamable-http session ${options.sessionId}`;
    this.standaloneId = `${options.sessionId}.standalone`;
  }

  async start(): Promise<void> {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** A fresh stream id for one POST. */
  newStreamId(): string {
    return `${this.sessionId}.${this.nextStream++}`;
  }

  /** Whether `streamId` belongs to this session (a Last-Event-ID names its stream). */
  owns(streamId: string): boolean {
    return streamId.startsWith(`${this.sessionId}.`);
  }

  /** Hands a POSTed request to the session; its answer goes to `post`. */
  receiveRequest(
    message: JSONRPCMessage,
    extra: MessageExtra,
    post: PostResponse,
    streamId: string,
  ): void {
    this.lastActivity = Date.now();
    const id = (message as { id: RequestId }).id;
    const stream: Stream = { id: streamId, post, pending: new Set([id]) };
    this.streams.set(streamId, stream);
    this.streamOfRequest.set(id, streamId);
    post.onClose(() => {
      // the POST stream ended (early close or disconnect): later events wait for a GET, or the store
      if (stream.post === post) stream.post = undefined;
      this.forgetIfDone(stream);
    });
    this.onmessage?.(message, extra);
  }

  /** Hands notifications and answers from the client to the session. */
  receive(message: JSONRPCMessage, extra: MessageExtra): void {
    this.lastActivity = Date.now();
    this.onmessage?.(message, extra);
  }

  /** Attaches a GET stream: the standalone one, or a resumed one for `streamId`. */
  attachGet(stream: SseStream, streamId?: string): boolean {
    this.lastActivity = Date.now();
    const id = streamId ?? this.standaloneId;
    let target = this.streams.get(id);
    if (!target) {
      if (streamId !== undefined) {
        // resuming a stream whose every answer was already replayed: nothing more will come
        stream.close();
        return true;
      }
      target = { id, pending: new Set() };
      this.streams.set(id, target);
    }
    if (target.get && !target.get.isClosed) return false;
    target.get = stream;
    if (id === this.standaloneId && this.backlog.length > 0)
      stream.write(this.backlog.splice(0).join(''));
    stream.onClose(() => {
      if (target.get === stream) target.get = undefined;
      this.forgetIfDone(target);
    });
    return true;
  }

  /** Whether a standalone GET stream is open. */
  get hasStandaloneStream(): boolean {
    const stream = this.streams.get(this.standaloneId);
    return stream?.get !== undefined && !stream.get.isClosed;
  }

  /** Ends the POST stream of a request early (SSE polling). */
  closeStreamOf(requestId: RequestId): void {
    const streamId = this.streamOfRequest.get(requestId);
    const stream = streamId === undefined ? undefined : this.streams.get(streamId);
    stream?.post?.closeEarly();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) throw new SdkError('CONNECTION_CLOSED', `${this.description} is closed`);
    this.lastActivity = Date.now();
    const m = message as { id?: RequestId; method?: unknown };
    const isAnswer = m.method === undefined && m.id !== undefined;
    const related = isAnswer ? m.id : options?.relatedRequestId;
    const streamId =
      (related !== undefined ? this.streamOfRequest.get(related) : undefined) ?? this.standaloneId;
    const stream = this.streams.get(streamId);
    if (isAnswer && related !== undefined) {
      this.streamOfRequest.delete(related);
      stream?.pending.delete(related);
    }
    const store = this.options.eventStore;
    if (!store) {
      this.write(stream, message, isAnswer, undefined);
      return;
    }
    // ids come from the store; chain writes so events keep their order
    const previous = this.chains.get(streamId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const eventId = await store.storeEvent(streamId, message);
      this.write(this.streams.get(streamId), message, isAnswer, eventId);
    });
    const settled = next.catch((error: unknown) => {
      this.onerror?.(
        new SdkError('TRANSPORT_ERROR', `the event store failed: ${(error as Error).message}`, {
          cause: error,
        }),
      );
    });
    this.chains.set(streamId, settled);
    void settled.then(() => {
      if (this.chains.get(streamId) === settled) this.chains.delete(streamId);
    });
    await settled;
  }

  private write(
    stream: Stream | undefined,
    message: JSONRPCMessage,
    isAnswer: boolean,
    eventId: string | undefined,
  ): void {
    if (!stream || stream.id === this.standaloneId) {
      this.toStandalone(message, eventId, false);
      return;
    }
    if (stream.post && !stream.post.isDone) {
      if (isAnswer && stream.pending.size === 0) stream.post.final(message, eventId);
      else if (!stream.post.event(message, eventId)) {
        // a JSON-only response carries nothing before its answer: the GET stream does
        if (stream.get && !stream.get.isClosed)
          stream.get.write(formatMessageEvent(message, eventId));
        else this.toStandalone(message, undefined, true);
      }
    } else if (stream.get && !stream.get.isClosed) {
      stream.get.write(formatMessageEvent(message, eventId));
      // a resumed request stream ends with its answer
      if (isAnswer && stream.pending.size === 0) stream.get.close();
    } else if (!isAnswer && !this.options.eventStore) {
      // the request's stream is gone and nothing keeps its events: the GET stream is all that is left
      this.toStandalone(message, undefined, true);
    }
    this.forgetIfDone(stream);
  }

  /**
   * Sends a message on the standalone GET stream. While none is open, requests to the client and
   * messages about a request in flight wait for one (a client opens it right after
   * `initialized`, possibly after a tool already asks something); other notifications are
   * dropped, or kept in the event store for a resuming client.
   */
  private toStandalone(
    message: JSONRPCMessage,
    eventId: string | undefined,
    related: boolean,
  ): void {
    const standalone = this.streams.get(this.standaloneId);
    if (standalone?.get && !standalone.get.isClosed) {
      standalone.get.write(formatMessageEvent(message, eventId));
      return;
    }
    const m = message as { id?: unknown; method?: unknown };
    const isRequest = m.method !== undefined && m.id !== undefined;
    if (isRequest || related) {
      if (this.backlog.length >= MAX_BACKLOG) {
        this.backlog.shift();
        this.onerror?.(
          new SdkError(
            'TRANSPORT_ERROR',
            `${this.description}: more than ${MAX_BACKLOG} messages waited for the standalone GET stream; dropped the oldest`,
          ),
        );
      }
      this.backlog.push(formatMessageEvent(message, eventId));
      return;
    }
    if (!this.options.eventStore) {
      // nowhere to keep it: the client sees such notifications only while it listens
      this.onerror?.(
        new SdkError(
          'TRANSPORT_ERROR',
          `${this.description}: dropped a message, no stream was open to carry it; open the standalone GET stream to receive server messages`,
        ),
      );
    }
  }

  private forgetIfDone(stream: Stream): void {
    // streams stay known while an answer is owed, so a reconnection can pick them up
    if (stream.pending.size > 0 || stream.id === this.standaloneId) return;
    if (stream.post && !stream.post.isDone) return;
    if (stream.get && !stream.get.isClosed) return;
    this.streams.delete(stream.id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.streams.values()) {
      stream.post?.end();
      stream.get?.close();
    }
    this.streams.clear();
    this.streamOfRequest.clear();
    this.options.onclosed();
    this.onclose?.({ reason: `session ${this.sessionId} ended` });
  }
}
