// Compiled patterns are shared across compileSchema calls: MCP clients compile the same tool
// schemas repeatedly, and RegExp construction dominates compile time for pattern-heavy schemas.
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

/** Result of compiling a schema `pattern`. */
export type PatternResult =
  | { ok: true; regex: RegExp; unicode: boolean }
  | { ok: false; error: string };

/**
 * Compiles a JSON Schema pattern with the `u` flag, as ECMA-262 regexes in JSON Schema are
 * meant to be unicode-aware. Many real schemas escape characters the `u` flag rejects (`\_`),
 * so a pattern that only compiles without it is still accepted, reported via `unicode: false`.
 */
export function compilePattern(pattern: string): PatternResult {
  const cached = cache.get(pattern);
  if (cached !== undefined) return { ok: true, regex: cached, unicode: true };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    try {
      regex = new RegExp(pattern);
    } catch {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, regex, unicode: false };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, regex);
  return { ok: true, regex, unicode: true };
}
