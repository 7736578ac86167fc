/** Escapes one JSON pointer segment (RFC 6901): `~` becomes `~0`, `/` becomes `~1`. */
export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reverses {@link escapeSegment}; `~01` decodes to `~1`, as RFC 6901 orders it. */
export function unescapeSegment(segment: string): string {
  if (segment.indexOf('~') === -1) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A JSON pointer (`/a/0/b`, or `''` for the root) from its unescaped segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += `/${escapeSegment(segment)}`;
  return out;
}

/**
 * The unescaped segments of a URI fragment that holds a JSON pointer (`/$defs/a%20b`), or
 * undefined when it is malformed. The fragment is percent-decoded first, as URIs require.
 */
export function parseFragmentPointer(fragment: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (decoded === '') return [];
  if (!decoded.startsWith('/')) return undefined;
  return decoded.slice(1).split('/').map(unescapeSegment);
}
