/**
 * The server side of stdio: JSON-RPC messages one per line on stdin, answers on stdout. stdout
 * carries protocol messages and nothing else; diagnostics go to stderr.
 */
import process from 'node:process';
import type { Readable, Writable } from 'node:stream';
import {
  decodeMessage,
  type Logger,
  type MessageExtra,
  type Transport,
  type TransportCloseInfo,
  type TransportSendOptions,
} from '@mcpkit/jsonrpc';
import { type JSONRPCMessage, SdkError, truncate } from '@mcpkit/protocol';
import { DEFAULT_MAX_LINE_BYTES, LineDecoder } from './line-decoder';
import { LineWriter } from './line-writer';

/** Options of a {@link StdioServerTransport}. */
export interface StdioServerTransportOptions {
  /** Where messages come from. Default `process.stdin`. */
  stdin?: Readable;
  /** Where answers go. Default `process.stdout`. */
  stdout?: Writable;
  /** A line longer than this is discarded (and reported on stderr). Default 16 MiB. */
  maxLineBytes?: number;
  /**
   * Receives diagnostics (undecodable lines, oversize lines). Default: one line each on stderr,
   * since stdout is the wire.
   */
  logger?: Logger;
}

/** Writes diagnostics to stderr, one line each: the only safe place in a stdio server. */
function stderrLogger(): Logger {
  const write = (level: string) => (message: string) => {
    process.stderr.write(`[mcpkit ${level}] ${message}\n`);
  };
  return { debug: () => {}, info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Serves MCP on the process's stdin and stdout.
 * @example
 * const server = new Server({ name: 'demo', version: '1.0.0' });
 * await server.connect(new StdioServerTransport());
 */
export class StdioServerTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  oninputended?: () => void;
  readonly description = 'stdio';
  private inputEnded = false;

  private readonly stdin: Readable;
  private readonly stdout: Writable;
  private readonly logger: Logger;
  private readonly decoder: LineDecoder;
  private readonly writer: LineWriter;
  private started = false;
  private closed = false;

  constructor(options: StdioServerTransportOptions = {}) {
    this.stdin = options.stdin ?? process.stdin;
    this.stdout = options.stdout ?? process.stdout;
    this.logger = options.logger ?? stderrLogger();
    const limit = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.decoder = new LineDecoder(
      (line) => this.receiveLine(line),
      (bytes) => {
        this.logger.warn(
          `discarded an input line of ${bytes} bytes: over the ${limit}-byte limit (maxLineBytes)`,
        );
      },
      limit,
    );
    this.writer = new LineWriter(this.stdout, (error) => this.fail(error));
  }

  async start(): Promise<void> {
    if (this.started) {
      throw new SdkError(
        'INVALID_STATE',
        'StdioServerTransport is already started; a stdio server serves one connection.',
      );
    }
    this.started = true;
    this.stdin.on('data', this.onData);
    this.stdin.on('end', this.onEnd);
    this.stdin.on('error', this.onStreamError);
    this.stdout.on('error', this.onStreamError);
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    if (this.closed)
      throw new SdkError('CONNECTION_CLOSED', 'stdio: cannot send, the transport is closed');
    this.writer.write(JSON.stringify(message));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.writer.drained();
    this.shutDown({
      reason: this.inputEnded
        ? 'stdin ended (the client went away)'
        : 'the server closed the stdio transport',
    });
  }

  private readonly onData = (chunk: Buffer | string): void => {
    this.decoder.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  };

  private readonly onEnd = (): void => {
    this.decoder.flush();
    this.inputEnded = true;
    // The session answers what it already received, then closes us; without one, close now.
    if (this.oninputended) this.oninputended();
    else void this.close();
  };

  private readonly onStreamError = (error: Error): void => {
    this.fail(error);
  };

  private receiveLine(line: string): void {
    if (this.closed) return;
    const decoded = decodeMessage(line);
    if (decoded.ok) {
      this.onmessage?.(decoded.message);
      return;
    }
    // Answer garbage rather than ignore it, so a client waiting on a malformed request learns why.
    this.logger.warn(`${decoded.reason}; the line was: ${truncate(line, 200)}`);
    this.writer.write(JSON.stringify(decoded.response));
  }

  private fail(error: Error): void {
    if (this.closed) return;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') {
      this.shutDown({ reason: 'stdout was closed by the client', error });
      return;
    }
    this.onerror?.(error);
  }

  private shutDown(info: TransportCloseInfo): void {
    if (this.closed) return;
    this.closed = true;
    this.writer.close();
    this.stdin.off('data', this.onData);
    this.stdin.off('end', this.onEnd);
    this.stdin.off('error', this.onStreamError);
    this.stdout.off('error', this.onStreamError);
    // Stop reading so the process can exit once the server is done.
    this.stdin.pause();
    this.onclose?.(info);
  }
}
