import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transport-stdio';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ERAS } from './helpers/harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'stdio-server.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const nodeArgs = ['--conditions=@mcpkit/source', '--import', tsx, fixture];

describe.each(ERAS)('run() over stdio in protocol %s', (era) => {
  it('serves a Client in a real child process', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: nodeArgs,
      env: { FASTMCP_LOG_LEVEL: 'debug' },
      stderr: 'pipe',
    });
    const client = new Client(
      { name: 'stdio-test', version: '1.0.0' },
      { discoveryCache: false, protocolVersion: era === '2025-11-25' ? era : undefined },
    );
    const errors: Error[] = [];
    client.onerror = (error) => errors.push(error);
    await client.connect(transport);
    onTestFinished(() => client.close());
    expect(client.protocolVersion).toBe(era);
    expect(client.getServerVersion()).toMatchObject({ name: 'stdio-fixture', version: '1.2.3' });
    expect(client.getInstructions()).toBe('A test server');

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add', 'lifespan', 'boom', 'chatty']);
    expect((await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } })).content).toEqual([
      { type: 'text', text: '42' },
    ]);
    expect((await client.callTool({ name: 'lifespan' })).content).toEqual([
      { type: 'text', text: 'boot' },
    ]);
    expect((await client.readResource({ uri: 'greeting://stdio' })).contents[0]).toMatchObject({
      text: 'Hello, stdio!',
    });
    // the server logs the failure at debug level: on stderr, so the wire stays clean
    expect((await client.callTool({ name: 'boom' })).isError).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the stdout of a stdio server', () => {
  it('carries only JSON-RPC lines while the server logs to stderr, and the process exits on EOF', async () => {
    const child = spawn(process.execPath, nodeArgs, {
      env: { ...process.env, FASTMCP_LOG_LEVEL: 'debug' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill();
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = once(child, 'exit');
    const send = (message: Record<string, unknown>) =>
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    });
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'logging/setLevel', params: { level: 'debug' } });
    send({ id: 3, method: 'tools/call', params: { name: 'chatty', arguments: {} } });
    send({ id: 4, method: 'tools/call', params: { name: 'boom', arguments: {} } });
    send({ id: 5, method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } } });
    child.stdin.end();
    const [code] = await exited;
    expect(code).toBe(0);

    const lines = stdout.split('\n').filter((line) => line !== '');
    const messages = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const message of messages) expect(message.jsonrpc).toBe('2.0');
    const answered = messages.filter((m) => 'id' in m).map((m) => m.id);
    expect(answered.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(messages).toContainEqual(
      expect.objectContaining({
        method: 'notifications/message',
        params: { level: 'info', data: 'a log message for the client' },
      }),
    );
    expect(messages.find((m) => m.id === 4)).toMatchObject({ result: { isError: true } });
    expect(JSON.stringify(messages.find((m) => m.id === 4))).not.toMatch(/kaboom/);

    expect(stderr).toMatch(/\[stdio-fixture\] error: tool "boom" failed.*kaboom/);
    expect(stderr).toMatch(/fixture: lifespan cleaned up/);
    expect(stderr).toMatch(/fixture: run\(\) returned/);
  });
});
