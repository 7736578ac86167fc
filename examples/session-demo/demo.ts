/**
 * The mcpkit session engine end to end, in one process: a "server" session answers requests, a
 * "client" session calls it over the in-memory transport pair. Prints what happens and exits
 * non-zero if anything is not as expected.
 */
import { createInMemoryTransportPair, JsonRpcSession } from '@mcpkit/jsonrpc';
import { ErrorCode, McpError, SdkError } from '@mcpkit/protocol';
import { z } from 'zod';

function check(condition: unknown, what: string): void {
  if (!condition) {
    console.error(`✗ ${what}`);
    process.exit(1);
  }
  console.log(`✓ ${what}`);
}

const [clientTransport, serverTransport] = createInMemoryTransportPair();
const server = new JsonRpcSession({ name: 'server' });
const client = new JsonRpcSession({ name: 'client' });

server.setRequestHandler('math/add', ({ a, b }: { a: number; b: number }) => ({ sum: a + b }), {
  params: z.object({ a: z.number(), b: z.number() }),
});
server.setRequestHandler('work/long', async (_params, ctx) => {
  for (let step = 1; step <= 3; step++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ctx.reportProgress(step, 3, `step ${step} of 3`);
  }
  return { done: true };
});
server.setRequestHandler('work/forever', (_params, ctx) => {
  return new Promise((_resolve, reject) => {
    ctx.signal.addEventListener('abort', () => reject(new Error('stopped')));
  });
});

await server.connect(serverTransport);
await client.connect(clientTransport);
console.log('connected a client and a server session over the in-memory transport pair');

const sum = await client.request('math/add', { a: 2, b: 3 });
console.log('math/add {a: 2, b: 3} →', JSON.stringify(sum));
check((sum as { sum: number }).sum === 5, 'the server added the numbers');

const bad = await client.request('math/add', { a: 'two', b: 3 }).catch((e: unknown) => e);
console.log('math/add {a: "two"} →', (bad as Error).message);
check(
  bad instanceof McpError && bad.code === ErrorCode.InvalidParams,
  'invalid params come back as -32602 naming the path',
);

const progress: string[] = [];
const long = await client.request(
  'work/long',
  {},
  { onprogress: (p) => progress.push(p.message ?? '') },
);
console.log('work/long progress:', progress.join(', '), '→', JSON.stringify(long));
check(progress.length === 3, 'progress notifications reached the caller');

const controller = new AbortController();
const forever = client
  .request('work/forever', {}, { signal: controller.signal })
  .catch((e: unknown) => e);
setTimeout(() => controller.abort('the user changed their mind'), 10);
const cancelled = await forever;
console.log('work/forever →', (cancelled as Error).message);
check(SdkError.is(cancelled, 'REQUEST_CANCELLED'), 'an aborted request is cancelled on both sides');

await client.close();
check(
  client.pendingRequestCount === 0 && server.inflightRequestCount === 0,
  'nothing is left pending after close',
);
