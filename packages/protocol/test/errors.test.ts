import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  HeaderMismatchError,
  McpError,
  MissingRequiredClientCapabilityError,
  SdkError,
  UnsupportedProtocolVersionError,
  UrlElicitationRequiredError,
} from '../src/index';

describe('McpError', () => {
  it('is recognised by brand, so a second copy of the package still matches', () => {
    const foreign = Object.assign(new Error('x'), { code: 1 });
    Object.defineProperty(foreign, Symbol.for('mcpkit.McpError'), { value: true });
    expect(foreign instanceof McpError).toBe(true);
    expect(McpError.is(foreign)).toBe(true);
    expect(new Error('plain') instanceof McpError).toBe(false);
    expect(McpError.is(null)).toBe(false);
  });

  it('keeps subclass checks exact', () => {
    const err = new UnsupportedProtocolVersionError('2030-01-01', ['2026-07-28']);
    expect(err instanceof McpError).toBe(true);
    expect(err instanceof UnsupportedProtocolVersionError).toBe(true);
    expect(err instanceof HeaderMismatchError).toBe(false);
    expect(err.toJSON()).toEqual({
      code: -32022,
      message: expect.stringContaining('2026-07-28'),
      data: { requested: '2030-01-01', supported: ['2026-07-28'] },
    });
  });

  it('rebuilds the specific class from a wire error', () => {
    expect(McpError.fromWire(-32022, 'm', { requested: 'a', supported: ['b'] })).toBeInstanceOf(
      UnsupportedProtocolVersionError,
    );
    expect(
      McpError.fromWire(-32021, 'm', { requiredCapabilities: { sampling: {} } }),
    ).toBeInstanceOf(MissingRequiredClientCapabilityError);
    expect(McpError.fromWire(-32020, 'm')).toBeInstanceOf(HeaderMismatchError);
    expect(McpError.fromWire(-32042, 'm', { elicitations: [] })).toBeInstanceOf(
      UrlElicitationRequiredError,
    );
    const plain = McpError.fromWire(ErrorCode.InvalidParams, 'bad', { uri: 'x' });
    expect(plain.constructor).toBe(McpError);
    expect(plain.toJSON()).toEqual({ code: -32602, message: 'bad', data: { uri: 'x' } });
    // malformed data falls back to the base class rather than throwing
    expect(McpError.fromWire(-32022, 'm', 'nonsense').constructor).toBe(McpError);
  });
});

describe('SdkError', () => {
  it('carries a string code and matches by brand and code', () => {
    const err = new SdkError('REQUEST_TIMEOUT', 'late', { cause: new Error('inner') });
    expect(SdkError.is(err, 'REQUEST_TIMEOUT')).toBe(true);
    expect(SdkError.is(err, 'CONNECTION_CLOSED')).toBe(false);
    expect(err instanceof SdkError).toBe(true);
    expect(err instanceof McpError).toBe(false);
    expect(err.cause).toBeInstanceOf(Error);
  });
});
