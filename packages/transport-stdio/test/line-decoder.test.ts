import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineDecoder } from '../src/index';

function decodeAll(chunks: Buffer[], max?: number) {
  const lines: string[] = [];
  const oversize: number[] = [];
  const decoder = new LineDecoder(
    (l) => lines.push(l),
    (n) => oversize.push(n),
    max,
  );
  for (const chunk of chunks) decoder.push(chunk);
  decoder.flush();
  return { lines, oversize };
}

/** Splits `bytes` at the given cut points. */
function cut(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    out.push(bytes.subarray(start, p));
    start = p;
  }
  out.push(bytes.subarray(start));
  return out;
}

describe('LineDecoder', () => {
  it('yields the same lines however the bytes are chunked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string({ unit: 'grapheme' })
            .filter((s) => !s.includes('\n') && !s.includes('\r') && s.length > 0),
          { maxLength: 20 },
        ),
        fc.array(fc.nat(), { maxLength: 30 }),
        (lines, cuts) => {
          const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
          expect(decodeAll(cut(bytes, cuts)).lines).toEqual(lines);
        },
      ),
    );
  });

  it('accepts CRLF line ends and skips empty lines', () => {
    expect(decodeAll([Buffer.from('a\r\n\nb\r\nc')]).lines).toEqual(['a', 'b', 'c']);
  });

  it('discards an oversize line whole, reports it once, and goes on with the next', () => {
    const big = 'x'.repeat(100);
    const { lines, oversize } = decodeAll(
      cut(Buffer.from(`ok1\n${big}\nok2\n`), [5, 20, 40, 90]),
      50,
    );
    expect(lines).toEqual(['ok1', 'ok2']);
    expect(oversize).toHaveLength(1);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const bytes = Buffer.from('héllo wörld ✓\n', 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      expect(decodeAll([bytes.subarray(0, i), bytes.subarray(i)]).lines).toEqual(['héllo wörld ✓']);
    }
  });
});
