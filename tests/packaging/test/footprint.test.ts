import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// the pnpm running this test (pnpm sets npm_execpath), or the pinned one through npx
const pnpm = process.env.npm_execpath?.includes('pnpm')
  ? { command: process.execPath, args: [process.env.npm_execpath] }
  : { command: 'npx', args: ['-y', 'pnpm@10.34.8'] };
let dir: string;
const tarballs = new Map<string, string>();

/** Every package installed under node_modules (scoped ones as @scope/name). */
function installedPackages(nodeModules: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(path.join(nodeModules, entry)))
        out.push(`${entry}/${scoped}`);
    } else {
      out.push(entry);
    }
  }
  return out.sort();
}

async function install(into: string, names: string[]): Promise<void> {
  writeFileSync(
    path.join(into, 'package.json'),
    JSON.stringify({ name: 'footprint', private: true }),
  );
  await run(
    npm,
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...names.map((n) => tarballs.get(n) as string),
    ],
    {
      cwd: into,
      timeout: 240_000,
    },
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mcpkit-packaging-'));
  // tsup builds (turbo runs them first, as ^build of this package's test task); then pack each
  // pnpm pack turns workspace:^ ranges into real versions, as publishing does
  for (const name of [
    'protocol',
    'jsonrpc',
    'server',
    'client',
    'json-schema',
    'transport-stdio',
    'transport-streamable-http',
    'fastmcp',
  ]) {
    await run(pnpm.command, [...pnpm.args, 'pack', '--pack-destination', dir], {
      cwd: path.join(root, 'packages', name),
    });
    const file = readdirSync(dir).find(
      (f) => f.startsWith(`mcpkit-${name}-`) && f.endsWith('.tgz'),
    );
    if (!file) throw new Error(`pnpm pack produced no tarball for @mcpkit/${name}`);
    tarballs.set(`@mcpkit/${name}`, path.join(dir, file));
  }
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the published packages', () => {
  it('@mcpkit/server + @mcpkit/transport-stdio install zod and our own packages, nothing else', async () => {
    const app = mkdtempSync(path.join(dir, 'server-stdio-'));
    await install(app, [
      '@mcpkit/protocol',
      '@mcpkit/jsonrpc',
      '@mcpkit/server',
      '@mcpkit/transport-stdio',
    ]);
    expect(installedPackages(path.join(app, 'node_modules'))).toEqual([
      '@mcpkit/jsonrpc',
      '@mcpkit/protocol',
      '@mcpkit/server',
      '@mcpkit/transport-stdio',
      'zod',
    ]);
  });

  it('@mcpkit/server + @mcpkit/transport-streamable-http pull no HTTP framework (express stays optional)', async () => {
    const app = mkdtempSync(path.join(dir, 'server-http-'));
    await install(app, [
      '@mcpkit/protocol',
      '@mcpkit/jsonrpc',
      '@mcpkit/server',
      '@mcpkit/transport-streamable-http',
    ]);
    expect(installedPackages(path.join(app, 'node_modules'))).toEqual([
      '@mcpkit/jsonrpc',
      '@mcpkit/protocol',
      '@mcpkit/server',
      '@mcpkit/transport-streamable-http',
      'zod',
    ]);
    // every entry point loads without express installed, with import and with require
    for (const entry of ['', '/node', '/express']) {
      const name = `@mcpkit/transport-streamable-http${entry}`;
      const esm = await run(
        process.execPath,
        ['--input-type=module', '-e', `console.log(Object.keys(await import('${name}')).length)`],
        { cwd: app },
      );
      const cjs = await run(
        process.execPath,
        ['-e', `console.log(Object.keys(require('${name}')).length)`],
        { cwd: app },
      );
      expect(Number(esm.stdout)).toBeGreaterThan(0);
      expect(cjs.stdout).toBe(esm.stdout);
    }
  });

  it('@mcpkit/fastmcp installs our packages and zod only, and runs a server from the tarballs', async () => {
    const app = mkdtempSync(path.join(dir, 'fastmcp-'));
    const ours = [
      '@mcpkit/client',
      '@mcpkit/fastmcp',
      '@mcpkit/json-schema',
      '@mcpkit/jsonrpc',
      '@mcpkit/protocol',
      '@mcpkit/server',
      '@mcpkit/transport-stdio',
      '@mcpkit/transport-streamable-http',
    ];
    await install(app, ours);
    expect(installedPackages(path.join(app, 'node_modules'))).toEqual([...ours, 'zod']);
    writeFileSync(
      path.join(app, 'demo.mjs'),
      `import { FastMCP } from '@mcpkit/fastmcp';
import { z } from 'zod';
const mcp = new FastMCP('packed');
mcp.tool('add', { input: { a: z.number(), b: z.number() } }, ({ a, b }) => a + b);
const client = await mcp.connectClient();
const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
console.log(result.content[0].text);
await client.close();
await mcp.close();
`,
    );
    const { stdout } = await run(process.execPath, ['demo.mjs'], { cwd: app, timeout: 30_000 });
    expect(stdout.trim()).toBe('5');
    const cjs = await run(
      process.execPath,
      ['-e', `console.log(typeof require('@mcpkit/fastmcp').FastMCP)`],
      { cwd: app },
    );
    expect(cjs.stdout.trim()).toBe('function');
  });

  it('load with both import and require', async () => {
    const app = mkdtempSync(path.join(dir, 'both-'));
    await install(app, [
      '@mcpkit/protocol',
      '@mcpkit/jsonrpc',
      '@mcpkit/server',
      '@mcpkit/client',
      '@mcpkit/json-schema',
      '@mcpkit/transport-stdio',
    ]);
    for (const name of [
      '@mcpkit/protocol',
      '@mcpkit/jsonrpc',
      '@mcpkit/server',
      '@mcpkit/client',
      '@mcpkit/json-schema',
      '@mcpkit/transport-stdio',
    ]) {
      const esm = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import('${name}'); console.log(Object.keys(m).length)`,
        ],
        { cwd: app },
      );
      const cjs = await run(
        process.execPath,
        ['-e', `console.log(Object.keys(require('${name}')).length)`],
        { cwd: app },
      );
      expect(Number(esm.stdout)).toBeGreaterThan(0);
      expect(cjs.stdout).toBe(esm.stdout);
    }
  });

  it('a server and a client from the tarballs talk over stdio', async () => {
    const app = mkdtempSync(path.join(dir, 'talk-'));
    await install(app, [
      '@mcpkit/protocol',
      '@mcpkit/jsonrpc',
      '@mcpkit/server',
      '@mcpkit/client',
      '@mcpkit/json-schema',
      '@mcpkit/transport-stdio',
    ]);
    writeFileSync(
      path.join(app, 'server.mjs'),
      `import { Server } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transport-stdio';
const server = new Server({ name: 'packed', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler('tools/call', (p) => ({ content: [{ type: 'text', text: p.arguments.message }] }));
await server.connect(new StdioServerTransport());
`,
    );
    writeFileSync(
      path.join(app, 'client.cjs'),
      `const { Client } = require('@mcpkit/client');
const { StdioClientTransport } = require('@mcpkit/transport-stdio');
(async () => {
  const client = new Client({ name: 'c', version: '1' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['server.mjs'] }));
  const result = await client.callTool({ name: 'echo', arguments: { message: 'from tarballs' } });
  console.log(client.era + ' ' + result.content[0].text);
  await client.close();
})();
`,
    );
    const { stdout } = await run(process.execPath, ['client.cjs'], { cwd: app, timeout: 30_000 });
    expect(stdout.trim()).toBe('stateless from tarballs');
  });
});
