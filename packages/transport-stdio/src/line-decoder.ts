/**
 * Newline-delimited framing: bytes in, complete lines out, however the bytes were chunked. A line
 * longer than the limit is dropped whole (up to its newline) instead of growing memory without
 * bound, and reported, so one bad message costs nothing else.
 */

/** Default limit of one line: 16 MiB, far above any sane message. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Splits a byte stream into lines. */
export class LineDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Skipping the rest of an oversize line until its newline. */
  private discarding = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversize: (bytes: number) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  /** Feeds a chunk; calls `onLine` for every line it completes. */
  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) break;
      this.completeLine(chunk, start, newline);
      start = newline + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** Whatever is left without a final newline (at end of input). */
  flush(): void {
    if (this.pendingBytes > 0 && !this.discarding) {
      const rest = Buffer.concat(this.pending, this.pendingBytes);
      this.reset();
      this.emit(rest, 0, rest.length);
    }
    this.reset();
  }

  private completeLine(chunk: Buffer, start: number, end: number): void {
    if (this.discarding) {
      this.discarding = false;
      this.reset();
      return;
    }
    if (this.pendingBytes === 0) {
      if (end - start > this.maxLineBytes) {
        this.onOversize(end - start);
        return;
      }
      this.emit(chunk, start, end);
      return;
    }
    const total = this.pendingBytes + (end - start);
    if (total > this.maxLineBytes) {
      this.reset();
      this.onOversize(total);
      return;
    }
    this.pending.push(chunk.subarray(start, end));
    const line = Buffer.concat(this.pending, total);
    this.reset();
    this.emit(line, 0, line.length);
  }

  private keep(part: Buffer): void {
    if (this.discarding) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) {
      // report once, then drop everything up to the next newline
      this.onOversize(this.pendingBytes);
      this.reset();
      this.discarding = true;
      return;
    }
    // copy: the caller may reuse its chunk buffer
    this.pending.push(Buffer.from(part));
  }

  private emit(buffer: Buffer, start: number, end: number): void {
    let stop = end;
    if (stop > start && buffer[stop - 1] === CARRIAGE_RETURN) stop--;
    if (stop === start) return;
    this.onLine(buffer.toString('utf8', start, stop));
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }
}
