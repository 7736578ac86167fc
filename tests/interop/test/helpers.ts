import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Command and args that run mcpkit's everything server on stdio, from source. */
export const everythingServer = {
  command: process.execPath,
  args: [
    tsxCli,
    '--conditions=@mcpkit/source',
    path.join(root, 'examples/everything-server/src/main.ts'),
    '--stdio',
  ],
};

/** The two builds of the everything server (same content): extra command-line arguments. */
export const EVERYTHING_BUILDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['low-level API', []],
  ['FastMCP', ['--fastmcp']],
];

/** The everything server on stdio, as stdio client transport parameters. */
export function everythingStdio(extraArgs: readonly string[]) {
  return {
    command: everythingServer.command,
    args: [...everythingServer.args, ...extraArgs],
    stderr: 'pipe' as const,
  };
}

/** Command and args that run one of the official-SDK fixture servers. */
export function officialServer(name: 'official-v1-server.mjs' | 'official-v2-server.mjs') {
  return { command: process.execPath, args: [path.join(here, 'fixtures', name)] };
}

/**
 * Starts mcpkit's everything server on Streamable HTTP (a random port) as a child process and
 * resolves with its endpoint URL once it prints that it is listening.
 */
export async function startEverythingHttp(
  extraArgs: readonly string[] = [],
): Promise<{ url: URL; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    everythingServer.command,
    [...everythingServer.args.slice(0, -1), '--port', '0', ...extraArgs],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<URL>((resolve, reject) => {
    let text = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(new URL(match[1] as string));
    });
    child.once('exit', (code) =>
      reject(new Error(`the everything server exited with code ${code}: ${text}`)),
    );
  });
  return { url, stop: () => child.kill() };
}

/** Starts one of the official-SDK HTTP fixture servers and resolves with its URL. */
export async function startOfficialHttp(
  name: 'official-v1-http-server.mjs' | 'official-v2-http-server.mjs',
): Promise<{ url: URL; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [path.join(here, 'fixtures', name)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<URL>((resolve, reject) => {
    let text = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(new URL(match[1] as string));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code}: ${text}`)));
  });
  return { url, stop: () => child.kill() };
}

/** The text of a text content block, or '' for anything else. */
export function textOf(content: unknown): string {
  return typeof content === 'object' && content !== null && 'text' in content
    ? String(content.text)
    : '';
}
