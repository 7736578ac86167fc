import { Client } from '@mcpkit/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StdioClientTransport } from '../src/index';
import { fixture, jsFixture } from './helpers';

/**
 * Regression: clients that moved to the 2026 era broke on real legacy servers. Each of these
 * deliberately old-fashioned servers meets the `server/discover` probe differently; the client
 * must fall back to `initialize` every time and end up fully usable.
 */
describe('the client against deliberately old-fashioned stdio servers', () => {
  it.each([
    ['answers -32601', 'method-not-found'],
    ['exits the process on unknown methods', 'exit'],
    ['answers a parse error with id null', 'parse-error'],
    ['stays silent', 'silent'],
    ['answers {} to anything', 'empty'],
  ])('falls back to initialize when the server %s', async (_label, mode) => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const client = new Client(
      { name: 't', version: '1' },
      { discoveryCache: false, probeTimeoutMs: 500, logger },
    );
    await client.connect(new StdioClientTransport(jsFixture('legacy-server.mjs', [mode])));
    onTestFinished(() => client.close());
    expect(client.era).toBe('stateful');
    expect(client.protocolVersion).toBe('2024-11-05');
    expect(client.getServerVersion()).toEqual({ name: 'legacy', version: '0.0.1' });
    // a draft-07 tool is accepted; the one invalid definition is left out with a warning
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add']);
    expect(warnings.join('\n')).toMatch(
      /left out tool "broken": it is not a valid tool definition \(inputSchema.type/,
    );
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result.structuredContent).toEqual({ sum: 5 });
  });

  it('does not mistake a modern server that starts slowly for a legacy one', async () => {
    const client = new Client(
      { name: 't', version: '1' },
      { discoveryCache: false, probeTimeoutMs: 50 },
    );
    // the server reads nothing for a second: the probe times out, initialize is sent beside it,
    // and discover (asked first) is answered first
    await client.connect(new StdioClientTransport(fixture('slow-start-server.ts', ['1000'])));
    onTestFinished(() => client.close());
    expect(client.era).toBe('stateless');
    expect(client.getServerVersion()?.name).toBe('slow-starter');
    expect((await client.listTools()).tools).toEqual([]);
  });

  it('remembers the verdict per server, so the next connection skips the probe', async () => {
    const cache = new Map();
    const discoveryCache = {
      get: (k: string) => cache.get(k),
      set: (k: string, v: unknown) => cache.set(k, v),
    };
    const params = jsFixture('legacy-server.mjs', ['silent']);
    const first = new Client({ name: 't', version: '1' }, { discoveryCache, probeTimeoutMs: 300 });
    await first.connect(new StdioClientTransport(params));
    await first.close();
    expect([...cache.values()]).toEqual([expect.objectContaining({ era: 'stateful' })]);
    const second = new Client(
      { name: 't', version: '1' },
      { discoveryCache, probeTimeoutMs: 60_000 },
    );
    const started = Date.now();
    await second.connect(new StdioClientTransport(params));
    onTestFinished(() => second.close());
    // with the probe skipped the silent server costs no wait at all
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(second.era).toBe('stateful');
  });
});
