import { classifyMessage, type JSONRPCMessage } from '@mcpkit/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, decodeValue, JsonRpcSession, type Transport } from '../src/index';

const id = fc.oneof(fc.string(), fc.integer());
const params = fc.dictionary(fc.string(), fc.jsonValue());
const method = fc.string({ minLength: 1 });

/** Any valid JSON-RPC message of the four kinds. */
const validMessage: fc.Arbitrary<JSONRPCMessage> = fc.oneof(
  fc.record(
    { jsonrpc: fc.constant('2.0' as const), id, method, params },
    { requiredKeys: ['jsonrpc', 'id', 'method'] },
  ),
  fc.record(
    { jsonrpc: fc.constant('2.0' as const), method, params },
    { requiredKeys: ['jsonrpc', 'method'] },
  ),
  fc.record({ jsonrpc: fc.constant('2.0' as const), id, result: params }),
  fc.record({
    jsonrpc: fc.constant('2.0' as const),
    id,
    error: fc.record(
      { code: fc.integer(), message: fc.string(), data: fc.jsonValue() },
      { requiredKeys: ['code', 'message'] },
    ),
  }),
) as fc.Arbitrary<JSONRPCMessage>;

describe('decoding messages (property-based)', () => {
  it('round-trips every valid message through its JSON text', () => {
    fc.assert(
      fc.property(validMessage, (message) => {
        const decoded = decodeMessage(JSON.stringify(message));
        expect(decoded.ok).toBe(true);
        // JSON drops -0 and undefined; compare with what JSON itself keeps
        expect(decoded.ok && decoded.message).toEqual(JSON.parse(JSON.stringify(message)));
      }),
    );
  });

  it('never throws on arbitrary text, and answers every failure with -32700 or -32600', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const decoded = decodeMessage(text);
        if (!decoded.ok) {
          expect([-32700, -32600]).toContain(decoded.response.error.code);
          expect(decoded.response.jsonrpc).toBe('2.0');
        }
      }),
    );
  });

  it('accepts exactly what the classifier accepts, for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const decoded = decodeValue(value);
        expect(decoded.ok).toBe(classifyMessage(value) !== 'invalid');
      }),
    );
  });

  it('never lets arbitrary JSON escape the session engine: errors are answered or reported', async () => {
    const sent: JSONRPCMessage[] = [];
    const transport: Transport = {
      async start() {},
      async send(message) {
        sent.push(message);
      },
      async close() {},
    };
    const session = new JsonRpcSession({ name: 'server' });
    const reported: Error[] = [];
    session.onerror = (e) => reported.push(e);
    session.setRequestHandler('echo', (p) => p);
    await session.connect(transport);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(() => session.receive(value as JSONRPCMessage)).not.toThrow();
        // let any handler settle; a rejection escaping here would fail the run
        await new Promise((r) => setTimeout(r, 0));
      }),
      { numRuns: 300 },
    );
    for (const message of sent) expect(classifyMessage(message)).not.toBe('invalid');
    expect(session.inflightRequestCount).toBe(0);
  });
});
