/**
 * An optional cache for the cacheable results of the stateless era (`tools/list`, `prompts/list`,
 * `resources/list`, `resources/templates/list`, `resources/read`), honouring the server's `ttlMs`
 * and `cacheScope` hints: a `private` result is only served back to the client that fetched it,
 * a `public` one to any client sharing the cache. List changes and resource updates evict.
 */

/** Methods whose results carry caching hints. */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);

interface Entry {
  value: unknown;
  expiresAt: number;
  /** For `private` entries: the only client that may read it. */
  owner: object | undefined;
}

/** Options of a {@link ResultCache}. */
export interface ResultCacheOptions {
  /** Most entries kept; the oldest go first. Default 500. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Results remembered for as long as the server said they stay fresh. Share one between clients
 * of the same server to share its `public` results.
 * @example
 * const cache = new ResultCache();
 * const client = new Client(info, { cache });
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ResultCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** A fresh result for this request, if one is cached and `owner` may see it. */
  get(key: string, owner: object): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.owner !== undefined && entry.owner !== owner) return undefined;
    return entry.value;
  }

  /** Remembers a result by its hints; a missing or zero `ttlMs` means "do not cache". */
  set(key: string, value: unknown, owner: object): void {
    const result = value as { ttlMs?: unknown; cacheScope?: unknown };
    if (typeof result?.ttlMs !== 'number' || result.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, {
      value,
      expiresAt: this.now() + result.ttlMs,
      owner: result.cacheScope === 'public' ? undefined : owner,
    });
  }

  /** Forgets every entry of `method` (and, for `resources/read`, only those of `uri` if given). */
  evict(method: string, uri?: string): void {
    for (const key of [...this.entries.keys()]) {
      if (!key.startsWith(`${method}\u0000`)) continue;
      if (uri !== undefined && !key.includes(JSON.stringify(uri))) continue;
      this.entries.delete(key);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** How many entries are held (fresh or not yet noticed stale). */
  get size(): number {
    return this.entries.size;
  }
}

/** The cache key of a request: its method and its params without the per-request `_meta`. */
export function cacheKey(method: string, params: Record<string, unknown> | undefined): string {
  const { _meta: _ignored, ...rest } = params ?? {};
  return `${method}\u0000${stableJson(rest)}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
