import { describe, expect, it } from 'vitest';
import { ResultCache } from '../src/index';

describe('ResultCache', () => {
  it('serves a result until its ttlMs runs out, and never caches ttlMs 0', () => {
    let now = 1000;
    const cache = new ResultCache({ now: () => now });
    const owner = {};
    cache.set('tools/list\u0000{}', { tools: [], ttlMs: 500, cacheScope: 'private' }, owner);
    cache.set('prompts/list\u0000{}', { prompts: [], ttlMs: 0, cacheScope: 'public' }, owner);
    expect(cache.get('tools/list\u0000{}', owner)).toEqual({
      tools: [],
      ttlMs: 500,
      cacheScope: 'private',
    });
    expect(cache.get('prompts/list\u0000{}', owner)).toBeUndefined();
    now = 1500;
    expect(cache.get('tools/list\u0000{}', owner)).toBeUndefined();
  });

  it('serves private results only to the client that fetched them, public ones to all', () => {
    const cache = new ResultCache();
    const alice = {};
    const bob = {};
    cache.set('a\u0000{}', { ttlMs: 1000, cacheScope: 'private' }, alice);
    cache.set('b\u0000{}', { ttlMs: 1000, cacheScope: 'public' }, alice);
    expect(cache.get('a\u0000{}', bob)).toBeUndefined();
    expect(cache.get('a\u0000{}', alice)).toBeDefined();
    expect(cache.get('b\u0000{}', bob)).toBeDefined();
  });

  it('evicts by method, and resource reads by uri', () => {
    const cache = new ResultCache();
    const o = {};
    cache.set(`resources/read\u0000${JSON.stringify({ uri: 'a://1' })}`, { ttlMs: 1000 }, o);
    cache.set(`resources/read\u0000${JSON.stringify({ uri: 'a://2' })}`, { ttlMs: 1000 }, o);
    cache.evict('resources/read', 'a://1');
    expect(cache.size).toBe(1);
    cache.evict('resources/read');
    expect(cache.size).toBe(0);
  });
});
