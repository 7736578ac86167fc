/**
 * The client side of stdio: spawns the server as a child process and speaks newline-delimited
 * JSON-RPC over its stdin/stdout. A child that dies takes its pending requests with it, with its
 * exit code and the last lines it wrote to stderr in the error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import process from 'node:process';
import { PassThrough, type Readable } from 'node:stream';
import {
  decodeMessage,
  type Logger,
  type MessageExtra,
  silentLogger,
  type Transport,
  type TransportCloseInfo,
  type TransportSendOptions,
} from '@mcpkit/jsonrpc';
import { type JSONRPCMessage, SdkError, truncate } from '@mcpkit/protocol';
import { DEFAULT_MAX_LINE_BYTES, LineDecoder } from './line-decoder';
import { LineWriter } from './line-writer';
import { getDefaultEnvironment, resolveCommand } from './spawn';

/** How to start the server. */
export interface StdioServerParameters {
  /** The executable (`node`, `npx`, `uvx`, a path, …). */
  command: string;
  args?: string[];
  /**
   * The server's environment. Default: a small safe set inherited from this process (PATH, HOME,
   * …; see `getDefaultEnvironment()`); what you pass is added on top.
   */
  env?: Record<string, string>;
  /** Working directory. */
  cwd?: string;
  /**
   * The child's stderr: `inherit` (default) shows it on this process's stderr, `pipe` exposes it
   * as `transport.stderr`, `ignore` drops it. Except with `ignore`, its last lines are kept for
   * error messages.
   */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /** How long `close()` waits after ending stdin, and again after SIGTERM. Default 2000 ms. */
  shutdownTimeoutMs?: number;
  /** A line from the server longer than this is discarded. Default 16 MiB. */
  maxLineBytes?: number;
  /** Receives diagnostics (lines that are not JSON-RPC). */
  logger?: Logger;
}

const STDERR_TAIL_LINES = 20;

/**
 * Spawns an MCP server and talks to it over its stdin/stdout. Starting it again after it closed
 * spawns a fresh process.
 * @example
 * const transport = new StdioClientTransport({ command: 'node', args: ['server.js'] });
 * await client.connect(transport);
 */
export class StdioClientTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  readonly description: string;

  private readonly params: StdioServerParameters;
  private readonly logger: Logger;
  private child: ChildProcess | undefined;
  private writer: LineWriter | undefined;
  private stderrStream: PassThrough | undefined;
  private stderrTail: string[] = [];
  private closing = false;
  private exited: Promise<void> | undefined;

  constructor(params: StdioServerParameters) {
    this.params = params;
    this.logger = params.logger ?? silentLogger;
    this.description = `stdio (${truncate([params.command, ...(params.args ?? [])].join(' '), 100)})`;
    if ((params.stderr ?? 'inherit') === 'pipe') this.stderrStream = new PassThrough();
  }

  /** The child's stderr, when `stderr: 'pipe'`. Available before `start()`. */
  get stderr(): Readable | undefined {
    return this.stderrStream;
  }

  /** The child's process id, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.child) {
      throw new SdkError(
        'INVALID_STATE',
        `${this.description} is already started; close() it before starting it again.`,
      );
    }
    this.closing = false;
    this.stderrTail = [];
    const env = { ...getDefaultEnvironment(), ...this.params.env };
    const resolved = resolveCommand(this.params.command, this.params.args ?? [], env);
    const stderrMode = this.params.stderr ?? 'inherit';
    const child = spawn(resolved.file, resolved.args, {
      env,
      cwd: this.params.cwd,
      stdio: ['pipe', 'pipe', stderrMode === 'ignore' ? 'ignore' : 'pipe'],
      shell: false,
      windowsHide: true,
      windowsVerbatimArguments: resolved.windowsVerbatimArguments,
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        this.child = undefined;
        reject(
          new SdkError(
            'TRANSPORT_ERROR',
            error.code === 'ENOENT'
              ? `Could not start "${this.params.command}": no such command. Check the command and the PATH of its environment.`
              : `Could not start "${this.params.command}": ${error.message}`,
            { cause: error },
          ),
        );
      };
      child.once('error', onError);
      child.once('spawn', () => {
        child.off('error', onError);
        resolve();
      });
    });
    this.wire(child);
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    if (!this.writer || this.closing) {
      throw new SdkError(
        'CONNECTION_CLOSED',
        `${this.description}: cannot send, the server process is not running`,
      );
    }
    this.writer.write(JSON.stringify(message));
  }

  /**
   * Stops the server: ends its stdin and waits; then SIGTERM and waits; then SIGKILL. Resolves
   * once the process is gone.
   */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || this.closing) {
      await this.exited;
      return;
    }
    this.closing = true;
    const timeout = this.params.shutdownTimeoutMs ?? 2000;
    await this.writer?.drained();
    child.stdin?.end();
    if (await this.waitForExit(timeout)) return;
    child.kill('SIGTERM');
    if (await this.waitForExit(timeout)) return;
    child.kill('SIGKILL');
    await this.exited;
  }

  private wire(child: ChildProcess): void {
    const stdout = child.stdout as Readable;
    const stdin = child.stdin;
    const decoder = new LineDecoder(
      (line) => this.receiveLine(line),
      (bytes) =>
        this.onerror?.(
          new SdkError(
            'PROTOCOL_VIOLATION',
            `${this.description} wrote a ${bytes}-byte line, over the maxLineBytes limit; it was discarded.`,
          ),
        ),
      this.params.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    );
    stdout.on('data', (chunk: Buffer) => decoder.push(chunk));
    if (stdin) {
      this.writer = new LineWriter(stdin, (error) => this.onerror?.(error));
      // EPIPE after the child died is reported by the exit, not as a second error
      stdin.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') this.onerror?.(error);
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      this.rememberStderr(chunk);
      if (this.stderrStream) this.stderrStream.write(chunk);
      else process.stderr.write(chunk);
    });
    this.exited = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        decoder.flush();
        const info = this.exitInfo(code, signal);
        this.child = undefined;
        this.writer?.close();
        this.writer = undefined;
        resolve();
        this.onclose?.(info);
      });
    });
  }

  private receiveLine(line: string): void {
    const decoded = decodeMessage(line);
    if (decoded.ok) {
      this.onmessage?.(decoded.message);
      return;
    }
    // A server that prints to stdout breaks the protocol; report it and keep the connection.
    this.logger.warn(
      `${this.description} wrote a line that is not JSON-RPC: ${truncate(line, 200)}`,
    );
    this.onerror?.(
      new SdkError(
        'PROTOCOL_VIOLATION',
        `${this.description} wrote something that is not a JSON-RPC message to stdout (${decoded.reason}): ${truncate(line, 120)}`,
      ),
    );
  }

  private rememberStderr(chunk: Buffer): void {
    const lines = chunk.toString('utf8').split('\n');
    const last = this.stderrTail.pop() ?? '';
    lines[0] = last + lines[0];
    this.stderrTail.push(...lines);
    if (this.stderrTail.length > STDERR_TAIL_LINES + 1)
      this.stderrTail.splice(0, this.stderrTail.length - STDERR_TAIL_LINES - 1);
  }

  private exitInfo(code: number | null, signal: NodeJS.Signals | null): TransportCloseInfo {
    if (this.closing) return { reason: 'the client stopped the server process' };
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const tail = this.stderrTail
      .map((l) => l.trimEnd())
      .filter(Boolean)
      .slice(-5);
    const stderr = tail.length > 0 ? `; its last stderr lines: ${tail.join(' | ')}` : '';
    return { reason: `the server process ${how}${stderr}` };
  }

  private waitForExit(ms: number): Promise<boolean> {
    const exited = this.exited;
    if (!exited) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
