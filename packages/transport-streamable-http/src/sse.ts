/**
 * Server-Sent Events, both directions: a streaming parser (any chunking of the bytes yields the
 * same events) and the writer's framing. Runtime-neutral: text in, text out.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The data lines, joined with `\n`. */
  data: string;
  /** The `id:` field, if this event set one. */
  id?: string;
}

/** Callbacks of {@link SseParser}. */
export interface SseParserCallbacks {
  onEvent(event: SseEvent): void;
  /** A `retry:` field: the reconnection delay the server asks for, in ms. */
  onRetry?(ms: number): void;
  /** A `:` comment line (keep-alives). */
  onComment?(text: string): void;
}

/** Parses an event stream incrementally. Feed it decoded text; it calls back per event. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private eventId: string | undefined;
  private sawField = false;
  /** The last event id seen on the stream (persists across events, as the spec says). */
  lastEventId: string | undefined;
  private first = true;
  private skipLeadingLf = false;

  constructor(private readonly callbacks: SseParserCallbacks) {}

  /** Feeds text; complete lines are processed, a partial last line is kept. */
  push(text: string): void {
    let chunk = text;
    if (this.first && chunk.length > 0) {
      // a leading byte order mark is not part of the stream
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.first = false;
    }
    // the LF of a CRLF split across chunks belongs to the line the CR already ended
    if (this.skipLeadingLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.skipLeadingLf = false;
    this.buffer += chunk;
    let start = 0;
    for (;;) {
      const lf = this.buffer.indexOf('\n', start);
      const cr = this.buffer.indexOf('\r', start);
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        if (cr === this.buffer.length - 1) {
          // a CR ends its line at once; an LF arriving next completes the CRLF
          next = cr + 1;
          this.skipLeadingLf = true;
        } else {
          next = this.buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
        }
      } else if (lf !== -1) {
        end = lf;
        next = lf + 1;
      } else {
        break;
      }
      this.line(this.buffer.slice(start, end));
      start = next;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** Ends the stream: a final event without its blank line is discarded, as the spec says. */
  end(): void {
    this.buffer = '';
    this.reset();
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.callbacks.onComment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.sawField = true;
        break;
      case 'event':
        this.eventType = value;
        this.sawField = true;
        break;
      case 'id':
        // ids with NUL are ignored, per the spec
        if (!value.includes('\u0000')) {
          this.eventId = value;
          this.lastEventId = value;
        }
        this.sawField = true;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.callbacks.onRetry?.(Number(value));
        break;
      default:
        // unknown fields are ignored
        break;
    }
  }

  private dispatch(): void {
    if (this.sawField && (this.data.length > 0 || this.eventId !== undefined)) {
      const event: SseEvent = { event: this.eventType || 'message', data: this.data.join('\n') };
      if (this.eventId !== undefined) event.id = this.eventId;
      this.callbacks.onEvent(event);
    }
    this.reset();
  }

  private reset(): void {
    this.data = [];
    this.eventType = '';
    this.eventId = undefined;
    this.sawField = false;
  }
}

/** Frames one event for the wire (`data` may span lines). */
export function formatSseEvent(
  data: string,
  options: { id?: string; event?: string; retryMs?: number } = {},
): string {
  let out = '';
  if (options.event !== undefined) out += `event: ${options.event}\n`;
  if (options.id !== undefined) out += `id: ${options.id}\n`;
  if (options.retryMs !== undefined) out += `retry: ${options.retryMs}\n`;
  if (data.includes('\n') || data.includes('\r')) {
    for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  } else {
    out += `data: ${data}\n`;
  }
  return `${out}\n`;
}

/** One JSON-RPC message as a `message` event (what every MCP stream carries). */
export function formatMessageEvent(message: unknown, eventId?: string): string {
  return formatSseEvent(JSON.stringify(message), { id: eventId, event: 'message' });
}

/**
 * The priming event of a resumable stream: an id and empty data, so the client has an event id
 * to resume from before any message flowed (and learns the retry delay).
 */
export function formatPrimingEvent(id: string, retryMs?: number): string {
  return `id: ${id}\n${retryMs !== undefined ? `retry: ${retryMs}\n` : ''}data: \n\n`;
}

/** A comment line: keeps idle proxies from cutting a quiet stream. */
export const SSE_KEEP_ALIVE = ': keepalive\n\n';
