import { Client } from '@mcpkit/client';
import type { JSONRPCMessage } from '@mcpkit/protocol';
import { SdkError } from '@mcpkit/protocol';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StdioClientTransport } from '../src/index';
import { fixture } from './helpers';

async function connect(name = 'echo-server.ts') {
  const transport = new StdioClientTransport(fixture(name));
  const client = new Client({ name: 'test', version: '1' }, { discoveryCache: false });
  const errors: Error[] = [];
  client.onerror = (e) => errors.push(e);
  await client.connect(transport);
  onTestFinished(() => client.close());
  return { client, transport, errors };
}

describe('StdioClientTransport with a real child process', () => {
  it('lists and calls tools on a spawned server', async () => {
    const { client } = await connect();
    expect(client.era).toBe('stateless');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['echo', 'die', 'garbage']);
    const result = await client.callTool({ name: 'echo', arguments: { message: 'over stdio' } });
    expect(result.content).toEqual([{ type: 'text', text: 'over stdio' }]);
  });

  it('rejects pending requests with the exit code and last stderr lines when the child dies', async () => {
    const { client } = await connect();
    const error = await client.callTool({ name: 'die', arguments: {} }).catch((e: unknown) => e);
    expect(SdkError.is(error, 'CONNECTION_CLOSED')).toBe(true);
    expect((error as Error).message).toMatch(
      /exited with code 3; its last stderr lines: about to fail: the database is on fire/,
    );
  });

  it('reports garbage on stdout and keeps the connection', async () => {
    const { client, errors } = await connect();
    const result = await client.callTool({
      name: 'garbage',
      arguments: { message: 'after garbage' },
    });
    expect(result.content).toEqual([{ type: 'text', text: 'after garbage' }]);
    expect(errors.map((e) => e.message).join('\n')).toMatch(
      /not a JSON-RPC message to stdout.*this is not json/,
    );
  });

  it('says what is wrong when the command does not exist', async () => {
    const transport = new StdioClientTransport({ command: 'definitely-not-a-command-xyz' });
    await expect(transport.start()).rejects.toThrow(
      /Could not start "definitely-not-a-command-xyz": no such command/,
    );
  });

  it('stops the server gracefully on close, and can start it again', async () => {
    const transport = new StdioClientTransport(fixture('echo-server.ts'));
    const closes: Array<string | undefined> = [];
    const seen: JSONRPCMessage[] = [];
    transport.onclose = (info) => closes.push(info?.reason);
    transport.onmessage = (m) => seen.push(m);
    await transport.start();
    const firstPid = transport.pid;
    await transport.close();
    expect(closes).toEqual(['the client stopped the server process']);
    await transport.start();
    expect(transport.pid).not.toBe(firstPid);
    await transport.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/list',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    });
    await new Promise<void>((resolve) => {
      const check = () => (seen.length > 0 ? resolve() : setImmediate(check));
      check();
    });
    expect(seen[0]).toMatchObject({ id: 1, result: { resultType: 'complete' } });
    await transport.close();
  });

  it('gives the child only a small default environment', async () => {
    process.env.MCPKIT_SECRET_FOR_TEST = 'leak';
    onTestFinished(() => {
      delete process.env.MCPKIT_SECRET_FOR_TEST;
    });
    const { getDefaultEnvironment } = await import('../src/index');
    expect(getDefaultEnvironment()).not.toHaveProperty('MCPKIT_SECRET_FOR_TEST');
    expect(getDefaultEnvironment()).toHaveProperty('PATH');
  });
});
