/**
 * Two linked transports in one process: what one sends, the other receives. For tests and for
 * in-process clients (connect a Client to a server without sockets).
 */
import { type JSONRPCMessage, SdkError } from '@mcpkit/protocol';
import type {
  MessageExtra,
  Transport,
  TransportCloseInfo,
  TransportSendOptions,
} from './transport';

/** Options of {@link createInMemoryTransportPair}. */
export interface InMemoryTransportOptions {
  /** Attached to every message the *server* side (the second transport) receives, e.g. auth info. */
  extra?: MessageExtra;
  /** Names for error messages. Default `in-memory`. */
  description?: string;
}

/**
 * One end of an in-memory pair. Delivery is asynchronous (a microtask later), like any real
 * transport, so a handler never runs inside the sender's call stack. Messages are passed by
 * reference: neither side may mutate a message after sending it.
 */
export class InMemoryTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  sessionId?: string;
  readonly description: string;

  /** @internal the other end */
  peer: InMemoryTransport | undefined;
  private started = false;
  private closed = false;
  private readonly queue: Array<[JSONRPCMessage, MessageExtra | undefined]> = [];
  private readonly extra: MessageExtra | undefined;

  constructor(description: string, extra?: MessageExtra) {
    this.description = description;
    this.extra = extra;
  }

  async start(): Promise<void> {
    if (this.started) {
      throw new SdkError(
        'INVALID_STATE',
        `${this.description}: start() was called twice; a transport starts once`,
      );
    }
    this.started = true;
    // deliver what arrived before start, in order
    while (this.queue.length > 0 && !this.closed) {
      const [message, extra] = this.queue.shift() as [JSONRPCMessage, MessageExtra | undefined];
      this.onmessage?.(message, extra);
    }
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    const peer = this.peer;
    if (this.closed || !peer || peer.closed) {
      throw new SdkError(
        'CONNECTION_CLOSED',
        `${this.description}: cannot send, the pair is closed`,
      );
    }
    queueMicrotask(() => peer.deliver(message));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const peer = this.peer;
    this.shutDown({ reason: 'this side closed the in-memory connection' });
    peer?.shutDown({ reason: 'the other side closed the in-memory connection' });
  }

  private deliver(message: JSONRPCMessage): void {
    if (this.closed) return;
    if (!this.started) {
      this.queue.push([message, this.extra]);
      return;
    }
    this.onmessage?.(message, this.extra);
  }

  private shutDown(info: TransportCloseInfo): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.onclose?.(info);
  }
}

/**
 * A linked pair: `[clientSide, serverSide]`. Closing either closes both.
 * @example
 * const [clientTransport, serverTransport] = createInMemoryTransportPair();
 * await server.connect(serverTransport);
 * await client.connect(clientTransport);
 */
export function createInMemoryTransportPair(
  options: InMemoryTransportOptions = {},
): [InMemoryTransport, InMemoryTransport] {
  const name = options.description ?? 'in-memory';
  const a = new InMemoryTransport(`${name} (client side)`);
  const b = new InMemoryTransport(`${name} (server side)`, options.extra);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
