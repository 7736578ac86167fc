import { describe, expect, it } from 'vitest';
import * as protocol from '../src/index';
import {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  classifyMessage,
  errorResponse,
  getSchema,
  ToolSchema,
} from '../src/index';

describe('the neutral schemas', () => {
  it('accept results of either era', () => {
    expect(CallToolResultSchema.safeParse({ content: [] }).success).toBe(true);
    expect(CallToolResultSchema.safeParse({ content: [], resultType: 'complete' }).success).toBe(
      true,
    );
    expect(CallToolResultSchema.safeParse({ content: [{ type: 'nope' }] }).success).toBe(false);
  });

  it('keep unknown fields, as the spec leaves objects open', () => {
    const parsed = ToolSchema.parse({
      name: 't',
      inputSchema: { type: 'object', $defs: { a: {} }, additionalProperties: false },
      vendorExtension: { x: 1 },
    });
    expect(parsed).toMatchObject({ vendorExtension: { x: 1 }, inputSchema: { $defs: { a: {} } } });
  });

  it('name the bad path in their errors', () => {
    const result = CallToolRequestParamsSchema.safeParse({ name: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
  });

  it('differ from the strict per-revision schemas only in what each era requires', () => {
    const strict = getSchema('2026-07-28', 'CallToolRequestParams');
    expect(strict?.safeParse({ name: 'x' }).success).toBe(false);
    expect(CallToolRequestParamsSchema.safeParse({ name: 'x' }).success).toBe(true);
    expect(getSchema('2026-07-28', 'InitializeRequest')).toBeUndefined();
    expect(getSchema('1999-01-01', 'Tool')).toBeUndefined();
  });
});

describe('classifyMessage', () => {
  it.each([
    [{ jsonrpc: '2.0', id: 1, method: 'ping' }, 'request'],
    [{ jsonrpc: '2.0', method: 'notifications/initialized' }, 'notification'],
    [{ jsonrpc: '2.0', id: 'a', result: {} }, 'result'],
    [{ jsonrpc: '2.0', id: 1, error: { code: -1, message: 'x' } }, 'error'],
    [{ jsonrpc: '2.0', error: { code: -32700, message: 'x' } }, 'error'],
    [{ jsonrpc: '1.0', id: 1, method: 'ping' }, 'invalid'],
    [{ jsonrpc: '2.0', id: {}, method: 'ping' }, 'invalid'],
    [{ jsonrpc: '2.0', id: null, method: 'ping' }, 'invalid'],
    [{ jsonrpc: '2.0', id: 1, method: 'ping', params: 3 }, 'invalid'],
    [{ jsonrpc: '2.0', id: 1, result: {}, error: {} }, 'invalid'],
    [[{ jsonrpc: '2.0', id: 1, method: 'ping' }], 'invalid'],
    ['text', 'invalid'],
    [null, 'invalid'],
  ])('classifies %j as %s', (value, kind) => {
    expect(classifyMessage(value)).toBe(kind);
  });

  it('builds error responses without an id when the request id is unknown', () => {
    expect(errorResponse(null, -32700, 'Parse error')).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error' },
    });
    expect(errorResponse(7, -32601, 'nope', { m: 1 })).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32601, message: 'nope', data: { m: 1 } },
    });
  });
});

describe('the public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(protocol).sort()).toMatchSnapshot();
  });
});
