// A small RFC 3986 reference resolver. `URL` would do for http(s), but schemas also use `urn:`
// and other opaque bases for which `URL` resolution differs between runtimes.

interface UriParts {
  scheme: string | undefined;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

const PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

function parse(uri: string): UriParts {
  const m = PARTS.exec(uri)!;
  return { scheme: m[1], authority: m[2], path: m[3] ?? '', query: m[4], fragment: m[5] };
}

function format(parts: UriParts): string {
  let out = '';
  if (parts.scheme !== undefined) out += `${parts.scheme}:`;
  if (parts.authority !== undefined) out += `//${parts.authority}`;
  out += parts.path;
  if (parts.query !== undefined) out += `?${parts.query}`;
  if (parts.fragment !== undefined) out += `#${parts.fragment}`;
  return out;
}

function removeDotSegments(path: string): string {
  const input = path.split('/');
  const output: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const segment = input[i]!;
    if (segment === '.') {
      if (i === input.length - 1) output.push('');
    } else if (segment === '..') {
      if (output.length > 1 || (output.length === 1 && output[0] !== '')) output.pop();
      if (i === input.length - 1) output.push('');
    } else {
      output.push(segment);
    }
  }
  return output.join('/');
}

function merge(base: UriParts, path: string): string {
  if (base.authority !== undefined && base.path === '') return `/${path}`;
  const slash = base.path.lastIndexOf('/');
  return slash === -1 ? path : base.path.slice(0, slash + 1) + path;
}

/** Resolves `reference` against the absolute `base` URI (RFC 3986 section 5.2.2). */
export function resolveUri(reference: string, base: string): string {
  const r = parse(reference);
  if (r.scheme !== undefined) return format({ ...r, path: removeDotSegments(r.path) });
  const b = parse(base);
  const t: UriParts = {
    scheme: b.scheme,
    authority: b.authority,
    path: b.path,
    query: b.query,
    fragment: r.fragment,
  };
  if (r.authority !== undefined) {
    t.authority = r.authority;
    t.path = removeDotSegments(r.path);
    t.query = r.query;
  } else if (r.path === '') {
    if (r.query !== undefined) t.query = r.query;
  } else {
    t.path = removeDotSegments(r.path.startsWith('/') ? r.path : merge(b, r.path));
    t.query = r.query;
  }
  return format(t);
}

/** Splits a URI into the part before `#` and the fragment (`''` when there is none). */
export function splitFragment(uri: string): [string, string] {
  const hash = uri.indexOf('#');
  return hash === -1 ? [uri, ''] : [uri.slice(0, hash), uri.slice(hash + 1)];
}
