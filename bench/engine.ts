/**
 * In-memory request round trips per second: the mcpkit session engine against the official
 * @modelcontextprotocol/sdk (1.x) Protocol engine, both answering `ping` over their in-memory
 * transport pairs, in the same process and run. Target: ≥ 2×.
 *
 *   pnpm bench:engine
 */
import { createInMemoryTransportPair, JsonRpcSession } from '@mcpkit/jsonrpc';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { EmptyResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { type Measurement, measure, report } from './harness';

async function ours() {
  const [clientSide, serverSide] = createInMemoryTransportPair();
  const server = new JsonRpcSession({ name: 'server' });
  server.setRequestHandler('ping', () => ({}));
  const client = new JsonRpcSession({ name: 'client' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  return { request: () => client.request('ping'), close: () => client.close() };
}

async function official() {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  // Server and Client are the official engine (Protocol) plus their MCP handlers; `ping` is
  // answered by Protocol itself, so this measures the engine, not any tool code.
  const server = new Server({ name: 'bench', version: '1.0.0' }, { capabilities: {} });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    request: () => client.request({ method: 'ping' }, EmptyResultSchema),
    close: () => client.close(),
  };
}

async function main() {
  const rows: Measurement[] = [];
  for (const [name, make] of [
    ['mcpkit @mcpkit/jsonrpc', ours],
    ['official @modelcontextprotocol/sdk 1.x', official],
  ] as const) {
    const engine = await make();
    rows.push(await measure(`${name}, sequential`, () => engine.request(), 1));
    rows.push(
      await measure(
        `${name}, 16 in flight`,
        () => Promise.all(Array.from({ length: 16 }, engine.request)),
        16,
      ),
    );
    await engine.close();
  }
  report(
    'in-memory ping round trips per second (median of 5 rounds)',
    rows,
    'official @modelcontextprotocol/sdk 1.x, sequential',
  );
  const ratio = (a: number, b: number) => (rows[a]!.opsPerSec / rows[b]!.opsPerSec).toFixed(2);
  console.log(
    `\nmcpkit / official: sequential ${ratio(0, 2)}×, 16 in flight ${ratio(1, 3)}× (target ≥ 2×)`,
  );
}

await main();
