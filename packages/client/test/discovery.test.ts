import { McpError } from '@mcpkit/protocol';
import { describe, expect, it } from 'vitest';
import { judgeProbe } from '../src/index';

const modern = {
  supportedVersions: ['2026-07-28'],
  capabilities: { tools: {} },
  resultType: 'complete',
  ttlMs: 0,
  cacheScope: 'private',
};

describe('judging the server/discover probe', () => {
  it('calls a well-formed answer sharing a stateless version modern', () => {
    expect(judgeProbe({ result: modern }, ['2025-11-25', '2026-07-28'])).toMatchObject({
      era: 'stateless',
      version: '2026-07-28',
    });
  });

  it.each([
    ['method not found', { error: new McpError(-32601, 'Method not found') }],
    [
      'any other error',
      { error: new Error('HTTP 400: Bad Request: No valid session ID provided') },
    ],
    ['an empty result', { result: {} }],
    ['a result without supported versions', { result: { capabilities: {} } }],
    ['only stateful versions', { result: { ...modern, supportedVersions: ['2025-11-25'] } }],
    ['only unknown versions', { result: { ...modern, supportedVersions: ['2099-01-01'] } }],
  ])('calls %s legacy, with the reason', (_label, outcome) => {
    const verdict = judgeProbe(outcome, ['2025-11-25', '2026-07-28']);
    expect(verdict.era).toBe('stateful');
    expect(verdict.era === 'stateful' && verdict.reason).toBeTruthy();
  });
});
