import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareWithExpected,
  type ExpectedFailure,
  formatResults,
  runClientSuite,
  runServerSuite,
  SUITE_VERSION,
} from '../src/suite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const nodeWithSources = `${process.execPath} --conditions=@mcpkit/source --import ${tsx}`;

function expected(leg: string): Record<string, ExpectedFailure> {
  return JSON.parse(readFileSync(path.join(here, '../expected', `${leg}.json`), 'utf8'));
}

/** Prints a leg's table (the suite's summary line included), then checks it against expectations. */
function check(
  label: string,
  results: Awaited<ReturnType<typeof runServerSuite>>,
  leg: string,
): void {
  process.stdout.write(`\n${formatResults(label, results)}\n`);
  expect(compareWithExpected(results, expected(leg))).toEqual([]);
}

/** Starts the everything server on a free port (`--fastmcp`: the FastMCP build); its URL. */
async function startEverythingServer(
  extraArgs: string[],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@mcpkit/source',
      '--import',
      tsx,
      path.join(root, 'examples/everything-server/src/main.ts'),
      '--port',
      '0',
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) =>
      reject(new Error(`the everything server exited with code ${code}: ${text}`)),
    );
  });
  return { child, url };
}

let server: ChildProcess;
let url: string;
let fastmcp: ChildProcess;
let fastmcpUrl: string;

beforeAll(async () => {
  const [lowLevel, high] = await Promise.all([
    startEverythingServer([]),
    startEverythingServer(['--fastmcp']),
  ]);
  ({ child: server, url } = lowLevel);
  ({ child: fastmcp, url: fastmcpUrl } = high);
}, 120_000);

afterAll(() => {
  server?.kill();
  fastmcp?.kill();
});

describe(`the official conformance suite ${SUITE_VERSION}`, () => {
  it('server, --suite all (default wires): every scenario but the extensions passes', async () => {
    check(
      'server conformance --suite all',
      await runServerSuite(url, ['--suite', 'all']),
      'server-all',
    );
  });

  it('server, --requirements 2026-07-28 (the stateless wire)', async () => {
    check(
      'server conformance --requirements 2026-07-28',
      await runServerSuite(url, ['--requirements', '2026-07-28']),
      'server-2026',
    );
  });

  // the same content written on @mcpkit/fastmcp: the high-level layer passes what the low-level
  // server passes, with the same expected failures (extensions only)
  it('server built on FastMCP, --suite all', async () => {
    check(
      'FastMCP server conformance --suite all',
      await runServerSuite(fastmcpUrl, ['--suite', 'all']),
      'server-all',
    );
  });

  it('server built on FastMCP, --requirements 2026-07-28', async () => {
    check(
      'FastMCP server conformance --requirements 2026-07-28',
      await runServerSuite(fastmcpUrl, ['--requirements', '2026-07-28']),
      'server-2026',
    );
  });

  it('client, every scenario on its default wire', async () => {
    const command = `${nodeWithSources} ${path.join(root, 'examples/everything-client/src/main.ts')}`;
    check('client conformance', await runClientSuite(command, []), 'client');
  });

  it('client, --requirements 2026-07-28 (the stateless wire)', async () => {
    const command = `${nodeWithSources} ${path.join(root, 'examples/everything-client/src/main.ts')}`;
    check(
      'client conformance --requirements 2026-07-28',
      await runClientSuite(command, ['--requirements', '2026-07-28']),
      'client-2026',
    );
  });
});
