import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPrimingEvent,
  formatSseEvent,
  SSE_KEEP_ALIVE,
  type SseEvent,
  SseParser,
} from '../src/sse';

/** Everything a parser reports, in order, for comparing runs. */
type Output = Array<
  | { kind: 'event'; event: SseEvent }
  | { kind: 'retry'; ms: number }
  | { kind: 'comment'; text: string }
>;

/** Feeds `chunks` to a fresh parser, ends the stream, and returns what it reported. */
function parse(chunks: readonly string[]): Output {
  const output: Output = [];
  const parser = new SseParser({
    onEvent: (event) => output.push({ kind: 'event', event }),
    onRetry: (ms) => output.push({ kind: 'retry', ms }),
    onComment: (text) => output.push({ kind: 'comment', text }),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return output;
}

const events = (chunks: readonly string[]) =>
  parse(chunks).flatMap((item) => (item.kind === 'event' ? [item.event] : []));

/** Splits `text` at the given offsets (any order, duplicates allowed). */
function split(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  chunks.push(text.slice(start));
  return chunks;
}

describe('SseParser', () => {
  it('dispatches an event per blank line with its type, id and data lines joined by LF', () => {
    expect(events(['event: ping\nid: 7\ndata: a\ndata: b\n\ndata: second\n\n'])).toEqual([
      { event: 'ping', id: '7', data: 'a\nb' },
      { event: 'message', data: 'second' },
    ]);
  });

  it('accepts LF, CRLF and CR line endings alike', () => {
    const expected = [{ event: 'message', data: 'x', id: '1' }];
    expect(events(['id: 1\ndata: x\n\n'])).toEqual(expected);
    expect(events(['id: 1\r\ndata: x\r\n\r\n'])).toEqual(expected);
    expect(events(['id: 1\rdata: x\r\r\n'])).toEqual(expected);
  });

  it('keeps a CR split from its LF as one line ending', () => {
    expect(events(['data: x\r', '\n\r', '\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('removes one space after the colon only, and treats a field without colon as empty', () => {
    expect(events(['data:  two spaces\ndata\ndata:none\n\n'])).toEqual([
      { event: 'message', data: ' two spaces\n\nnone' },
    ]);
  });

  it('reports retry fields with digits only and comments, and ignores unknown fields', () => {
    expect(
      parse([': keepalive\nretry: 250\nretry: 1.5\nretry: soon\nfoo: bar\ndata: d\n\n']),
    ).toEqual([
      { kind: 'comment', text: 'keepalive' },
      { kind: 'retry', ms: 250 },
      { kind: 'event', event: { event: 'message', data: 'd' } },
    ]);
  });

  it('reads the priming event as an id with empty data and learns its retry delay', () => {
    const parser = new SseParser({ onEvent: () => {} });
    expect(parse([formatPrimingEvent('prime-1', 500)])).toEqual([
      { kind: 'retry', ms: 500 },
      { kind: 'event', event: { event: 'message', data: '', id: 'prime-1' } },
    ]);
    parser.push(formatPrimingEvent('p'));
    expect(parser.lastEventId).toBe('p');
  });

  it('remembers the last event id across events that set none', () => {
    const parser = new SseParser({ onEvent: () => {} });
    parser.push('id: 1\ndata: a\n\ndata: b\n\n');
    expect(parser.lastEventId).toBe('1');
  });

  it('ignores an id containing NUL', () => {
    expect(events(['id: a\u0000b\ndata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('drops a leading byte order mark, only at the very start', () => {
    expect(events(['\ufeffdata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
    expect(events(['', '\ufeffdata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
    expect(events(['data: x\n\n\ufeffdata: y\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('discards a final event that never got its blank line', () => {
    expect(events(['data: complete\n\ndata: cut off\n'])).toEqual([
      { event: 'message', data: 'complete' },
    ]);
  });

  it('does not dispatch an event that has only a type', () => {
    expect(events(['event: lonely\n\n', SSE_KEEP_ALIVE])).toEqual([]);
  });

  it('yields the same events, retries and comments for any chunking of a stream', () => {
    const line = fc.oneof(
      fc.constantFrom('', ':', ': keepalive', 'data', 'data:', 'data: ', 'event: note', 'id: 9'),
      fc.string({ maxLength: 12 }).map((s) => `data: ${s}`),
      fc.string({ maxLength: 6 }).map((s) => `id: ${s}`),
      fc.nat({ max: 99999 }).map((n) => `retry: ${n}`),
      fc.string({ maxLength: 12 }),
    );
    const ending = fc.constantFrom('\n', '\r', '\r\n');
    const structured = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(line, ending), { maxLength: 30 }))
      .map(([bom, lines]) => (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join(''));
    const noise = fc
      .array(fc.constantFrom('d', 'a', 't', ':', ' ', '\n', '\r', 'i', 'e', 'x', '\ufeff', '😀'), {
        maxLength: 80,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(structured, noise),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, cuts) => {
          expect(parse(split(text, cuts))).toEqual(parse([text]));
          // one code unit at a time is the harshest chunking
          expect(parse([...text.split('')])).toEqual(parse([text]));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatSseEvent', () => {
  it('frames the type, id and retry before the data and ends with a blank line', () => {
    expect(formatSseEvent('{"a":1}', { event: 'message', id: '4', retryMs: 100 })).toBe(
      'event: message\nid: 4\nretry: 100\ndata: {"a":1}\n\n',
    );
  });

  it('round-trips any data without CR through the parser, line breaks included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\r')),
        fc.option(
          fc
            .string({ maxLength: 8 })
            .filter((s) => !['\r', '\n', '\u0000'].some((c) => s.includes(c))),
          {
            nil: undefined,
          },
        ),
        (data, id) => {
          const [event] = events([formatSseEvent(data, id === undefined ? {} : { id })]);
          expect(event?.data).toBe(data);
          expect(event?.id).toBe(id);
        },
      ),
    );
  });
});

describe('SseParser with bare CR line ends', () => {
  it('ends a line at a CR right away, and skips the LF of a CRLF split across chunks', async () => {
    const { SseParser } = await import('../src/index');
    const events: string[] = [];
    const parser = new SseParser({ onEvent: (e) => events.push(e.data) });
    parser.push('data: x\r\r');
    expect(events).toEqual(['x']);
    parser.push('data: y\r');
    parser.push('\n\r\n');
    expect(events).toEqual(['x', 'y']);
  });
});
