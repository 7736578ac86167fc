import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@mcpkit/protocol';
import { Server } from '@mcpkit/server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StdioServerTransport } from '../src/index';

/** A stdio server on in-process streams: we write its stdin and read its stdout line by line. */
async function harness(maxLineBytes?: number) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const logs: string[] = [];
  const logger = {
    debug() {},
    info() {},
    warn: (m: string) => logs.push(m),
    error: (m: string) => logs.push(m),
  };
  const server = new Server({ name: 't', version: '1' }, { capabilities: { tools: {} } });
  server.setRequestHandler('tools/call', (params) => ({
    content: [{ type: 'text', text: String(params.arguments?.message) }],
  }));
  const transport = new StdioServerTransport({ stdin, stdout, logger, maxLineBytes });
  const session = await server.connect(transport);
  const closed = new Promise<string | undefined>((resolve) => {
    session.onclose = (info) => resolve(info?.reason);
  });
  const lines: JSONRPCMessage[] = [];
  let buffer = '';
  const waiters: Array<() => void> = [];
  stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let i = buffer.indexOf('\n');
    while (i !== -1) {
      lines.push(JSON.parse(buffer.slice(0, i)));
      buffer = buffer.slice(i + 1);
      i = buffer.indexOf('\n');
    }
    for (const w of waiters.splice(0)) w();
  });
  const next = async (count: number) => {
    while (lines.length < count) await new Promise<void>((r) => waiters.push(r));
    return lines.slice(0, count);
  };
  onTestFinished(() => server.close());
  return { stdin, stdout, next, logs, closed };
}

const call = (id: number, message: string) =>
  `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { message } } })}\n`;

describe('StdioServerTransport', () => {
  it('answers garbage with -32700, wrong shapes and batches with -32600, and keeps serving', async () => {
    const { stdin, next, logs } = await harness();
    stdin.write('this is not json\n');
    stdin.write('{"jsonrpc":"2.0","id":7,"method":42}\n');
    stdin.write('[{"jsonrpc":"2.0","id":1,"method":"ping"}]\n');
    stdin.write(call(8, 'still here'));
    const [parse, invalid, batch, ok] = await next(4);
    expect(parse).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });
    expect(parse).not.toHaveProperty('id');
    expect(invalid).toMatchObject({
      id: 7,
      error: { code: -32600, message: expect.stringContaining('"method"') },
    });
    expect(batch).toMatchObject({
      error: { code: -32600, message: expect.stringContaining('batches are not supported') },
    });
    expect(ok).toEqual({
      jsonrpc: '2.0',
      id: 8,
      result: { content: [{ type: 'text', text: 'still here' }] },
    });
    expect(logs.join('\n')).toMatch(/Parse error[\s\S]*this is not json/);
  });

  it('reassembles messages split across chunks and splits messages sharing a chunk', async () => {
    const { stdin, next } = await harness();
    const text = call(1, 'one') + call(2, 'two');
    for (const ch of text) stdin.write(ch);
    const answers = await next(2);
    expect(answers.map((a) => (a as { id: number }).id)).toEqual([1, 2]);
  });

  it('discards an oversize line with a message on stderr and keeps serving', async () => {
    const { stdin, next, logs } = await harness(1000);
    stdin.write(call(1, 'x'.repeat(5000)));
    stdin.write(call(2, 'small'));
    const [answer] = await next(1);
    expect(answer).toMatchObject({ id: 2 });
    expect(logs.join('\n')).toMatch(
      /discarded an input line of \d+ bytes: over the 1000-byte limit/,
    );
  });

  it('closes cleanly when stdin ends, after answering what it received', async () => {
    const { stdin, next, closed } = await harness();
    stdin.end(call(1, 'last words'));
    expect(await next(1)).toHaveLength(1);
    expect(await closed).toBe('stdin ended (the client went away)');
  });
});
