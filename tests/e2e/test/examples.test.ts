/**
 * Runs every example under examples/ the way its README says: each client as a child process
 * (stdio clients start their own server), each HTTP server as a child that the client then
 * reaches over 127.0.0.1. A client asserts its answers and exits non-zero on a mismatch; here we
 * check the exit code and the lines it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, type OnTestFinishedHandler } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

type Cleanup = (fn: OnTestFinishedHandler) => void;

/** `node --conditions=@mcpkit/source --import tsx <example file> …args`, from the repo root. */
function spawnExample(file: string, args: readonly string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@mcpkit/source', '--import', tsx, path.join(root, 'examples', file), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Stops a child that is still running, and waits until it is gone. */
async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an example program to its end. */
async function run(file: string, args: readonly string[], cleanup: Cleanup): Promise<Finished> {
  const child = spawnExample(file, args);
  cleanup(() => stop(child));
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Runs a client and checks it succeeded and printed every expected line. */
async function expectClient(
  file: string,
  args: readonly string[],
  lines: ReadonlyArray<string | RegExp>,
  cleanup: Cleanup,
): Promise<Finished> {
  const result = await run(file, args, cleanup);
  const output = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  expect(result.code, output).toBe(0);
  const printed = result.stdout.split('\n');
  for (const line of lines) {
    const seen = printed.some((p) => (typeof line === 'string' ? p === line : line.test(p)));
    expect(seen, `a line ${String(line)} in\n${output}`).toBe(true);
  }
  return result;
}

interface Served {
  /** The URL from the "listening on <url>" line. */
  url: string;
  /** Sends SIGTERM and resolves with the exit code and everything written to stderr. */
  terminate(): Promise<{ code: number | null; stderr: string }>;
}

/** Starts an HTTP example server on a free port and waits for its "listening" line. */
async function serve(file: string, cleanup: Cleanup): Promise<Served> {
  const child = spawnExample(file, ['--port', '0']);
  cleanup(() => stop(child));
  let stderr = '';
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1] as string);
    });
    void exited.then(([code]) =>
      reject(new Error(`${file} exited with ${code} before listening:\n${stderr}`)),
    );
  });
  return {
    url,
    async terminate() {
      child.kill('SIGTERM');
      const [code] = await exited;
      return { code, stderr };
    },
  };
}

describe.concurrent('the stdio examples, each client driving its own server', () => {
  it.for([
    [
      'quickstart',
      [
        'Tools: add',
        'add(1, 2) = 3',
        'greeting://World → Hello, World!',
        'All answers as expected.',
      ],
    ],
    [
      'echo',
      [
        'read echo://hello → Resource echo: hello',
        'call echo_tool(message: "hello") → Tool echo: hello',
        'get echo_prompt(message: "hello") → [user] Please process this message: hello',
      ],
    ],
    [
      'sqlite-explorer',
      [
        /^ {4}CREATE TABLE users \(/,
        '    ["Ada Lovelace",15.5]',
        '    Error: no such table: no_such_table',
      ],
    ],
    [
      'images',
      [/^create_thumbnail → image\/png, \d+ bytes, 100×75$/, 'The thumbnail is as expected.'],
    ],
    [
      'context',
      [
        '  log (info): Processing notes.txt',
        '  log (debug): Read data.csv: 21 characters (text/plain)',
        '  progress: 0/3',
        '  progress: 3/3',
        'long_task → Processing complete',
      ],
    ],
    [
      'lifespan',
      [
        '  server stderr: [lifespan] database connected',
        /^db_status → .*"queries": 2/,
        '  server stderr: [lifespan] database disconnected after 2 queries',
      ],
    ],
    [
      'low-level-server',
      [
        'Prompt: example-prompt: An example prompt template [arg1 (required)]',
        'get example-prompt(arg1: "value") → Example prompt: [user] Example prompt text',
        'query_db(query: "ada") → [{"id":1,"name":"Ada Lovelace"}]',
        /^get no-such-prompt → error -32602: /,
      ],
    ],
  ] as const)('%s', { timeout: 60_000 }, async ([name, lines], { onTestFinished }) => {
    await expectClient(`${name}/src/client.ts`, [], lines, onTestFinished);
  });
});

describe.concurrent('the Streamable HTTP examples, a server process and the HTTP client', () => {
  const client = 'streamable-http/src/client.ts';
  const counted = [
    '  progress: 1/3 (counted 1)',
    '  progress: 3/3 (counted 3)',
    'count_to({"n":3}) → Counted to 3',
  ];
  const countTo = ['count_to', '{"n":3}', '--expect', 'Counted to 3'];

  it('stateful.ts gives a 2025-11-25 client a session and streams progress', {
    timeout: 60_000,
  }, async ({ onTestFinished }) => {
    const server = await serve('streamable-http/src/stateful.ts', onTestFinished);
    await expectClient(
      client,
      [server.url],
      [
        /^Connected to "StatefulServer", protocol 2026-07-28/,
        'echo({"message":"hello"}) → Echo: hello',
      ],
      onTestFinished,
    );
    await expectClient(
      client,
      [server.url, ...countTo, '--protocol-version', '2025-11-25'],
      [
        /^Connected to "StatefulServer", protocol 2025-11-25 \(stateful era, session [\w-]+\)\.$/,
        ...counted,
      ],
      onTestFinished,
    );
    expect(await server.terminate()).toMatchObject({ code: 0 });
  });

  it('stateless.ts keeps no session and streams progress', { timeout: 60_000 }, async ({
    onTestFinished,
  }) => {
    const server = await serve('streamable-http/src/stateless.ts', onTestFinished);
    await expectClient(
      client,
      [server.url, ...countTo, '--protocol-version', '2025-11-25'],
      [
        'Connected to "StatelessServer", protocol 2025-11-25 (stateful era, no session).',
        ...counted,
      ],
      onTestFinished,
    );
    // the client's own check fails loudly on a wrong answer
    const wrong = await run(
      client,
      [server.url, 'echo', '{"message":"hi"}', '--expect', 'Echo: bye'],
      onTestFinished,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('✗ expected "Echo: bye"');
    expect(await server.terminate()).toMatchObject({ code: 0 });
  });

  it('json-response.ts answers with plain JSON, so no progress reaches the client', {
    timeout: 60_000,
  }, async ({ onTestFinished }) => {
    const server = await serve('streamable-http/src/json-response.ts', onTestFinished);
    for (const pinned of [[], ['--protocol-version', '2025-11-25']]) {
      const { stdout } = await expectClient(
        client,
        [server.url, ...countTo, ...pinned],
        ['count_to({"n":3}) → Counted to 3'],
        onTestFinished,
      );
      expect(stdout).not.toContain('progress:');
    }
    expect(await server.terminate()).toMatchObject({ code: 0 });
  });

  it('mount-many.ts serves EchoServer at /echo/mcp and MathServer at /math/mcp from one app', {
    timeout: 60_000,
  }, async ({ onTestFinished }) => {
    const server = await serve('streamable-http/src/mount-many.ts', onTestFinished);
    await expectClient(
      client,
      [`${server.url}/echo/mcp`],
      ['Tools: echo', 'echo({"message":"hello"}) → Echo: hello'],
      onTestFinished,
    );
    await expectClient(
      client,
      [`${server.url}/math/mcp`, 'add_two', '{"n":40}', '--expect', '42'],
      ['Tools: add_two', 'add_two({"n":40}) → 42'],
      onTestFinished,
    );
    const stopped = await server.terminate();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('mount-many stopped');
  });
});
