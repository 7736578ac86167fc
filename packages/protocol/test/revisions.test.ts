import { describe, expect, it } from 'vitest';
import {
  eraOf,
  isSupportedProtocolVersion,
  LATEST_PROTOCOL_VERSION,
  negotiateStatefulVersion,
  negotiateStatelessVersion,
  pickCommonVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '../src/index';

describe('protocol revisions', () => {
  it('sorts every supported revision into its era', () => {
    expect(SUPPORTED_PROTOCOL_VERSIONS.map(eraOf)).toEqual([
      'stateful',
      'stateful',
      'stateful',
      'stateful',
      'stateless',
    ]);
    expect(LATEST_PROTOCOL_VERSION).toBe('2026-07-28');
  });

  it('treats unknown future dates as stateless and unknown past dates as stateful', () => {
    expect(eraOf('2027-01-01')).toBe('stateless');
    expect(eraOf('2024-01-01')).toBe('stateful');
    expect(isSupportedProtocolVersion('2027-01-01')).toBe(false);
    expect(isSupportedProtocolVersion(42)).toBe(false);
  });

  it('answers initialize with the client version when supported, else the newest stateful one', () => {
    expect(negotiateStatefulVersion('2025-03-26')).toBe('2025-03-26');
    expect(negotiateStatefulVersion('1999-01-01')).toBe('2025-11-25');
    // a stateless revision is never negotiated through initialize
    expect(negotiateStatefulVersion('2026-07-28')).toBe('2025-11-25');
    expect(negotiateStatefulVersion('2025-11-25', { supported: ['2024-11-05'] })).toBe(
      '2024-11-05',
    );
    expect(() => negotiateStatefulVersion('x', { supported: ['2026-07-28'] })).toThrow(
      /no stateful-era revision/,
    );
  });

  it('accepts or refuses a stateless request version, listing what is supported', () => {
    expect(negotiateStatelessVersion('2026-07-28')).toEqual({ ok: true, version: '2026-07-28' });
    expect(negotiateStatelessVersion('2030-01-01', { supported: ['2026-07-28'] })).toEqual({
      ok: false,
      requested: '2030-01-01',
      supported: ['2026-07-28'],
    });
  });

  it('picks the newest revision both sides support', () => {
    expect(pickCommonVersion(['2026-07-28', '2025-11-25'])).toBe('2026-07-28');
    expect(pickCommonVersion(['2025-06-18', '2030-01-01'])).toBe('2025-06-18');
    expect(pickCommonVersion(['2030-01-01'])).toBeUndefined();
  });
});
