import type { JSONRPCMessage } from '@mcpkit/protocol';
import { describe, expect, it } from 'vitest';
import { createInMemoryTransportPair } from '../src/index';

describe('the in-memory transport pair', () => {
  it('delivers in order, holding messages that arrive before start', async () => {
    const [a, b] = createInMemoryTransportPair();
    const got: JSONRPCMessage[] = [];
    b.onmessage = (m) => got.push(m);
    await a.start();
    for (let i = 0; i < 3; i++) await a.send({ jsonrpc: '2.0', method: `m${i}` });
    await Promise.resolve();
    expect(got).toEqual([]);
    await b.start();
    await a.send({ jsonrpc: '2.0', method: 'm3' });
    await Promise.resolve();
    expect(got.map((m) => (m as { method: string }).method)).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('closes both sides once, with a reason, and refuses later sends', async () => {
    const [a, b] = createInMemoryTransportPair();
    const closes: Array<string | undefined> = [];
    a.onclose = (info) => closes.push(`a: ${info?.reason}`);
    b.onclose = (info) => closes.push(`b: ${info?.reason}`);
    await a.start();
    await b.start();
    await b.close();
    await b.close();
    expect(closes).toEqual([
      'b: this side closed the in-memory connection',
      'a: the other side closed the in-memory connection',
    ]);
    await expect(a.send({ jsonrpc: '2.0', method: 'x' })).rejects.toThrow(/pair is closed/);
  });

  it('attaches the configured extra to what the server side receives', async () => {
    const [a, b] = createInMemoryTransportPair({
      extra: { authInfo: { token: 't', clientId: 'c', scopes: ['s'] } },
    });
    const extras: unknown[] = [];
    b.onmessage = (_m, extra) => extras.push(extra);
    await a.start();
    await b.start();
    await a.send({ jsonrpc: '2.0', method: 'x' });
    await Promise.resolve();
    expect(extras).toEqual([{ authInfo: { token: 't', clientId: 'c', scopes: ['s'] } }]);
  });
});
