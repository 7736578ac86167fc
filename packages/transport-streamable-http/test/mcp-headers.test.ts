import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeHeaderValue,
  encodeHeaderValue,
  isSafeHeaderText,
  nameFieldOf,
  paramHeaders,
  standardHeadersFor,
} from '../src/mcp-headers';

const wrapped = (text: string) => `=?base64?${Buffer.from(text, 'utf8').toString('base64')}?=`;

describe('encodeHeaderValue and decodeHeaderValue', () => {
  it.each([
    ['the empty string', ''],
    ['leading and trailing spaces', ' padded '],
    ['a leading space', ' us-west1'],
    ['a trailing space', 'us-west1 '],
    ['a tab', '\tindented'],
    ['a tab inside', 'a\tb'],
    ['a line feed', 'line1\nline2'],
    ['CR LF', 'line1\r\nline2'],
    ['non-ASCII text', 'Hello, 世界'],
    ['an emoji', 'rocket 🚀'],
    ['text shaped like the wrapper itself', '=?base64?SGVsbG8=?='],
  ])('wraps %s in base64 and decodes it back', (_label, value) => {
    const encoded = encodeHeaderValue(value);
    expect(encoded).toBe(wrapped(value));
    expect(decodeHeaderValue(encoded)).toBe(value);
  });

  it.each([
    'us-west1',
    'us west 1',
    'SELECT * FROM users',
    'file:///path/to/file%20name.txt',
    '42',
  ])('sends safe text %j as it is', (value) => {
    expect(isSafeHeaderText(value)).toBe(true);
    expect(encodeHeaderValue(value)).toBe(value);
    expect(decodeHeaderValue(value)).toBe(value);
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const encoded = encodeHeaderValue(value);
        // what fetch accepts as a header value: visible ASCII and inner spaces
        expect(encoded).toMatch(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/);
        expect(decodeHeaderValue(encoded)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a wrapper whose base64 is not canonical and padded', () => {
    expect(decodeHeaderValue('=?base64?SGVsbG8?=')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?SGVsbG8=?=')).toBe('Hello');
    expect(decodeHeaderValue('=?base64?SGV sbG8=?=')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?SGVsbG8==?=')).toBeUndefined();
  });

  it('rejects a wrapper whose bytes are not UTF-8', () => {
    expect(decodeHeaderValue('=?base64?/w==?=')).toBeUndefined();
  });

  it('reads plain values without their surrounding whitespace', () => {
    expect(decodeHeaderValue('  us-west1 ')).toBe('us-west1');
    expect(decodeHeaderValue(' =?base64?SGVsbG8=?= ')).toBe('Hello');
  });
});

describe('standardHeadersFor', () => {
  it('derives Mcp-Method and Mcp-Name from the body', () => {
    expect(
      standardHeadersFor({ method: 'tools/call', params: { name: 'my-hyphenated-tool' } }),
    ).toEqual({
      'Mcp-Method': 'tools/call',
      'Mcp-Name': 'my-hyphenated-tool',
    });
    expect(standardHeadersFor({ method: 'prompts/get', params: { name: 'test_prompt' } })).toEqual({
      'Mcp-Method': 'prompts/get',
      'Mcp-Name': 'test_prompt',
    });
  });

  it('keeps a resource URI byte-equal, percent-encoding included', () => {
    expect(
      standardHeadersFor({
        method: 'resources/read',
        params: { uri: 'file:///path/to/file%20name.txt' },
      }),
    ).toEqual({ 'Mcp-Method': 'resources/read', 'Mcp-Name': 'file:///path/to/file%20name.txt' });
  });

  it('wraps a name that is not safe header text', () => {
    expect(
      standardHeadersFor({ method: 'tools/call', params: { name: 'héllo' } })['Mcp-Name'],
    ).toBe(wrapped('héllo'));
  });

  it('sends only Mcp-Method for methods without a name, and nothing without a method', () => {
    expect(standardHeadersFor({ method: 'tools/list', params: { name: 'ignored' } })).toEqual({
      'Mcp-Method': 'tools/list',
    });
    expect(standardHeadersFor({ method: 'tools/call', params: { name: 7 } })).toEqual({
      'Mcp-Method': 'tools/call',
    });
    expect(standardHeadersFor({ result: {} } as { method?: unknown })).toEqual({});
  });

  it('knows which field names each method', () => {
    expect(nameFieldOf('resources/read')).toBe('uri');
    expect(nameFieldOf('tasks/get')).toBe('taskId');
    expect(nameFieldOf('ping')).toBeUndefined();
  });
});

describe('paramHeaders', () => {
  const specs = [
    { property: 'region', name: 'Region' },
    { property: 'priority', name: 'Priority' },
    { property: 'verbose', name: 'Verbose' },
    { property: 'debug', name: 'Debug' },
    { property: 'empty_val', name: 'EmptyVal' },
    { property: 'method_val', name: 'Method' },
    { property: 'leading_space_val', name: 'LeadingSpace' },
    { property: 'crlf_val', name: 'CrLf' },
    { property: 'missing', name: 'Missing' },
  ];

  it('mirrors strings, integers and booleans, wrapping unsafe text', () => {
    expect(
      paramHeaders(specs, {
        region: 'us-west1',
        priority: 42,
        verbose: false,
        debug: true,
        empty_val: '',
        method_val: 'test-method',
        leading_space_val: ' us-west1',
        crlf_val: 'line1\r\nline2',
        float_val: 2.5,
      }),
    ).toEqual({
      'Mcp-Param-Region': 'us-west1',
      'Mcp-Param-Priority': '42',
      'Mcp-Param-Verbose': 'false',
      'Mcp-Param-Debug': 'true',
      'Mcp-Param-EmptyVal': '=?base64??=',
      'Mcp-Param-Method': 'test-method',
      'Mcp-Param-LeadingSpace': wrapped(' us-west1'),
      'Mcp-Param-CrLf': wrapped('line1\r\nline2'),
    });
  });

  it('leaves out null, absent and non-finite values, and everything without arguments', () => {
    expect(
      paramHeaders(
        [
          { property: 'verbose', name: 'Verbose' },
          { property: 'n', name: 'N' },
          { property: 'o', name: 'O' },
        ],
        { verbose: null, n: Number.POSITIVE_INFINITY, o: { nested: true } },
      ),
    ).toEqual({});
    expect(paramHeaders(specs, undefined)).toEqual({});
  });
});
