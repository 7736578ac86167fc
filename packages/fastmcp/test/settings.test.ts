import process from 'node:process';
import { SdkError } from '@mcpkit/protocol';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FastMCP } from '../src/index';

const VARIABLES = [
  'FASTMCP_HOST',
  'FASTMCP_PORT',
  'FASTMCP_STREAMABLE_HTTP_PATH',
  'FASTMCP_STATELESS_HTTP',
  'FASTMCP_JSON_RESPONSE',
  'FASTMCP_LOG_LEVEL',
] as const;

/** Sets FASTMCP_* variables for one test (clearing the others), restoring them afterwards. */
function withEnv(values: Partial<Record<(typeof VARIABLES)[number], string>>): void {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  onTestFinished(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}

function settingsError(make: () => unknown): Error {
  try {
    make();
  } catch (error) {
    expect(SdkError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    return error as Error;
  }
  throw new Error('expected the settings to be refused');
}

describe('FastMCP settings', () => {
  it('has defaults when neither options nor FASTMCP_* variables are given', () => {
    withEnv({});
    expect(new FastMCP('defaults').settings).toEqual({
      host: '127.0.0.1',
      port: 8000,
      streamableHttpPath: '/mcp',
      statelessHttp: false,
      jsonResponse: false,
      logLevel: 'info',
    });
  });

  it('reads every FASTMCP_* variable', () => {
    withEnv({
      FASTMCP_HOST: '0.0.0.0',
      FASTMCP_PORT: '9123',
      FASTMCP_STREAMABLE_HTTP_PATH: '/api/mcp',
      FASTMCP_STATELESS_HTTP: 'true',
      FASTMCP_JSON_RESPONSE: '1',
      FASTMCP_LOG_LEVEL: 'ERROR',
    });
    expect(new FastMCP('from-env').settings).toEqual({
      host: '0.0.0.0',
      port: 9123,
      streamableHttpPath: '/api/mcp',
      statelessHttp: true,
      jsonResponse: true,
      logLevel: 'error',
    });
  });

  it.each([
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['off', false],
  ])('reads FASTMCP_STATELESS_HTTP=%s as %s', (value, expected) => {
    withEnv({ FASTMCP_STATELESS_HTTP: value });
    expect(new FastMCP('flag').settings.statelessHttp).toBe(expected);
  });

  it('accepts the Python spelling FASTMCP_LOG_LEVEL=WARNING', () => {
    withEnv({ FASTMCP_LOG_LEVEL: 'WARNING' });
    expect(new FastMCP('warn').settings.logLevel).toBe('warn');
  });

  it('ignores empty variables', () => {
    withEnv({ FASTMCP_PORT: '', FASTMCP_HOST: '' });
    expect(new FastMCP('empty').settings).toMatchObject({ host: '127.0.0.1', port: 8000 });
  });

  it('lets options beat the environment', () => {
    withEnv({
      FASTMCP_PORT: '9123',
      FASTMCP_HOST: '0.0.0.0',
      FASTMCP_JSON_RESPONSE: 'true',
      FASTMCP_LOG_LEVEL: 'debug',
    });
    const mcp = new FastMCP('options', {
      port: 3000,
      jsonResponse: false,
      logLevel: 'silent',
    });
    expect(mcp.settings).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      jsonResponse: false,
      logLevel: 'silent',
    });
  });

  it('refuses a bad variable, naming it and its value', () => {
    withEnv({ FASTMCP_PORT: 'abc' });
    const error = settingsError(() => new FastMCP('bad-port'));
    expect(error.message).toMatch(/FASTMCP_PORT \("abc"\)/);
  });

  it.each([
    ['FASTMCP_PORT', '70000'],
    ['FASTMCP_PORT', '80.5'],
    ['FASTMCP_STATELESS_HTTP', 'maybe'],
    ['FASTMCP_STREAMABLE_HTTP_PATH', 'mcp'],
    ['FASTMCP_LOG_LEVEL', 'loud'],
  ] as const)('refuses %s=%s, naming the variable', (name, value) => {
    withEnv({ [name]: value });
    expect(settingsError(() => new FastMCP('bad')).message).toContain(name);
  });

  it('refuses a bad option, naming the option rather than a variable', () => {
    withEnv({ FASTMCP_PORT: '8080' });
    const error = settingsError(() => new FastMCP('bad-option', { port: -1 }));
    expect(error.message).toMatch(/the port option/);
    expect(error.message).not.toMatch(/FASTMCP_PORT/);
  });

  it('names every bad setting at once', () => {
    withEnv({ FASTMCP_PORT: 'abc', FASTMCP_LOG_LEVEL: 'loud' });
    const error = settingsError(() => new FastMCP('two-bad'));
    expect(error.message).toMatch(/FASTMCP_PORT/);
    expect(error.message).toMatch(/FASTMCP_LOG_LEVEL/);
  });
});
