/**
 * Resumability: every SSE event of a stateful session is stored with an id, so a client whose
 * stream broke reconnects with `Last-Event-ID` and receives what it missed, in order.
 */
import type { JSONRPCMessage } from '@mcpkit/protocol';

/**
 * Where SSE events are kept for replay. Implement it over Redis or a database to resume streams
 * across server processes; {@link InMemoryEventStore} serves one process.
 */
export interface EventStore {
  /** Stores one event of a stream and returns its id (unique across streams). */
  storeEvent(streamId: string, message: JSONRPCMessage): Promise<string>;
  /** The stream an event id belongs to, or `undefined` for an id this store never issued. */
  getStreamIdForEventId(eventId: string): Promise<string | undefined>;
  /**
   * Sends every event of the same stream stored after `lastEventId`, in order, and resolves with
   * the stream's id.
   */
  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => void | Promise<void>,
  ): Promise<string>;
}

/** Options of an {@link InMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; older ones are dropped. Default 1000. */
  maxEventsPerStream?: number;
  /** Streams kept; the least recently written are dropped. Default 10 000. */
  maxStreams?: number;
}

interface StoredStream {
  events: Array<{ seq: number; message: JSONRPCMessage }>;
  nextSeq: number;
}

/** An event store in this process's memory, bounded per stream and in streams. */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StoredStream>();
  private readonly maxEvents: number;
  private readonly maxStreams: number;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.maxEvents = options.maxEventsPerStream ?? 1000;
    this.maxStreams = options.maxStreams ?? 10_000;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    let stream = this.streams.get(streamId);
    if (stream) {
      // keep insertion order = recency, so the oldest stream is the first key
      this.streams.delete(streamId);
    } else {
      stream = { events: [], nextSeq: 1 };
      if (this.streams.size >= this.maxStreams) {
        const oldest = this.streams.keys().next().value;
        if (oldest !== undefined) this.streams.delete(oldest);
      }
    }
    this.streams.set(streamId, stream);
    const seq = stream.nextSeq++;
    stream.events.push({ seq, message });
    if (stream.events.length > this.maxEvents) stream.events.shift();
    return encodeEventId(streamId, seq);
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    // a priming event (sequence 0) names its stream before anything was stored in it
    return decodeEventId(eventId)?.streamId;
  }

  async replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, message: JSONRPCMessage) => void | Promise<void>,
  ): Promise<string> {
    const parsed = decodeEventId(lastEventId);
    if (!parsed) throw new Error(`"${lastEventId}" is not an event id of this store`);
    const stream = this.streams.get(parsed.streamId);
    for (const event of stream?.events ?? []) {
      if (event.seq > parsed.seq)
        await send(encodeEventId(parsed.streamId, event.seq), event.message);
    }
    return parsed.streamId;
  }
}

/** Event ids carry their stream: `<streamId>_<sequence>`. */
function encodeEventId(streamId: string, seq: number): string {
  return `${streamId}_${seq}`;
}

function decodeEventId(eventId: string): { streamId: string; seq: number } | undefined {
  const cut = eventId.lastIndexOf('_');
  if (cut <= 0) return undefined;
  const seq = Number(eventId.slice(cut + 1));
  return Number.isSafeInteger(seq) && seq >= 0
    ? { streamId: eventId.slice(0, cut), seq }
    : undefined;
}
