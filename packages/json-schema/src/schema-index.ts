import { dialectOfUri, isAtLeast } from './dialect';
import { isObject } from './internal/json-type';
import type { Location, Resource } from './internal/location';
import { escapeSegment, parseFragmentPointer } from './pointer';
import type { Dialect, JsonSchema } from './types';
import { resolveUri, splitFragment } from './uri';

/** Base URI of a document without a root `$id`; never fetched, only used to resolve refs. */
export const DEFAULT_BASE = 'mcpkit:/schema.json';

/** Keywords whose value is one subschema. */
const SINGLE = [
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const;
/** Keywords whose value is an array of subschemas. */
const ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to subschemas. */
const MAPS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
] as const;

/** Everything `$ref` resolution needs to know about one schema document. */
export interface SchemaIndex {
  readonly root: Location;
  /** Resources by absolute URI (without fragment). */
  readonly resources: Map<string, Resource>;
  /** Plain-name fragments (`$anchor`, `$dynamicAnchor`, draft-06/07 `$id: "#x"`) by `uri#name`. */
  readonly anchors: Map<string, Location>;
  /** Every subschema found by walking the known keywords, by schema path. */
  readonly locations: Map<string, Location>;
  readonly usesUnevaluated: boolean;
  readonly usesDynamic: boolean;
  readonly warnings: string[];
}

/** The outcome of resolving one reference. */
export type Resolution =
  | { kind: 'found'; location: Location }
  | { kind: 'external'; uri: string }
  | { kind: 'missing'; reason: string };

/** The id keyword of a dialect: draft-04 spells it `id`. */
export function idKeyword(dialect: Dialect): 'id' | '$id' {
  return dialect === 'draft-04' ? 'id' : '$id';
}

/** Up to draft-07, `$ref` makes every sibling keyword (including `$id`) be ignored. */
export function refHidesSiblings(node: Record<string, unknown>, dialect: Dialect): boolean {
  return !isAtLeast(dialect, '2019-09') && typeof node.$ref === 'string';
}

/** Walks a schema document once, finding its resources, anchors and subschema locations. */
export function buildIndex(schema: JsonSchema, dialect: Dialect): SchemaIndex {
  const resources = new Map<string, Resource>();
  const anchors = new Map<string, Location>();
  const locations = new Map<string, Location>();
  const warnings: string[] = [];
  let usesUnevaluated = false;
  let usesDynamic = false;
  const onStack = new Set<object>();

  const newResource = (uri: string, path: string, d: Dialect): Resource => {
    const existing = resources.get(uri);
    if (existing !== undefined) {
      warnings.push(
        `${path}: $id "${uri}" is already used at ${existing.path}; references to it resolve to ` +
          'the first. Give each embedded schema a distinct $id.',
      );
      return existing;
    }
    const resource: Resource = {
      uri,
      path,
      dialect: d,
      dynamicAnchors: new Map(),
      recursiveAnchor: false,
    };
    resources.set(uri, resource);
    return resource;
  };

  const walk = (
    node: unknown,
    path: string,
    base: string,
    d: Dialect,
    parent: Resource | null,
  ): void => {
    if (typeof node === 'boolean') {
      const resource = parent ?? newResource(base, path, d);
      locations.set(path, { node, path, base, dialect: d, resource });
      return;
    }
    if (!isObject(node) || onStack.has(node)) return;

    // $schema only counts on a resource root: the document root or a node with its own id
    if (typeof node.$schema === 'string') {
      const declared = dialectOfUri(node.$schema);
      if (
        declared !== undefined &&
        (parent === null || typeof node[idKeyword(declared)] === 'string')
      )
        d = declared;
    }
    let resource = parent;
    const id = refHidesSiblings(node, d) ? undefined : node[idKeyword(d)];
    if (typeof id === 'string') {
      const [uriPart, fragment] = splitFragment(id);
      if (uriPart !== '') {
        base = resolveUri(uriPart, base);
        resource = newResource(base, path, d);
      }
      if (resource === null) resource = newResource(base, path, d);
      // draft-06/07 (and draft-04 `id`) spell a plain-name anchor as `$id: "#name"`
      if (fragment !== '' && !fragment.startsWith('/')) {
        anchors.set(`${base}#${fragment}`, { node, path, base, dialect: d, resource });
      }
    }
    if (resource === null) resource = newResource(base, path, d);
    const location: Location = { node, path, base, dialect: d, resource };
    locations.set(path, location);

    if (typeof node.$anchor === 'string') anchors.set(`${base}#${node.$anchor}`, location);
    if (typeof node.$dynamicAnchor === 'string') {
      // A dynamic anchor is also an ordinary anchor for $ref
      if (!anchors.has(`${base}#${node.$dynamicAnchor}`)) {
        anchors.set(`${base}#${node.$dynamicAnchor}`, location);
      }
      resource.dynamicAnchors.set(node.$dynamicAnchor, path);
    }
    if (node.$recursiveAnchor === true && resource.path === path) resource.recursiveAnchor = true;
    if ('unevaluatedProperties' in node || 'unevaluatedItems' in node) usesUnevaluated = true;
    if ('$dynamicRef' in node || '$recursiveRef' in node) usesDynamic = true;

    onStack.add(node);
    const at = (...segments: (string | number)[]) =>
      `${path}/${segments.map(escapeSegment).join('/')}`;
    for (const key of SINGLE) {
      if (key in node) walk(node[key], at(key), base, d, resource);
    }
    const items = node.items;
    if (Array.isArray(items)) {
      for (let i = 0; i < items.length; i++) walk(items[i], at('items', i), base, d, resource);
    } else if (items !== undefined) {
      walk(items, at('items'), base, d, resource);
    }
    for (const key of ARRAYS) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) walk(list[i], at(key, i), base, d, resource);
    }
    for (const key of MAPS) {
      const map = node[key];
      if (!isObject(map)) continue;
      for (const name of Object.keys(map)) {
        // `dependencies` mixes schemas with arrays of property names
        if (!Array.isArray(map[name])) walk(map[name], at(key, name), base, d, resource);
      }
    }
    onStack.delete(node);
  };

  walk(schema, '#', DEFAULT_BASE, dialect, null);
  const root = locations.get('#') ?? {
    node: schema,
    path: '#',
    base: DEFAULT_BASE,
    dialect,
    resource: newResource(DEFAULT_BASE, '#', dialect),
  };
  return { root, resources, anchors, locations, usesUnevaluated, usesDynamic, warnings };
}

/** The location of subschema `node` found at `segments` below `parent`. */
export function locate(
  index: SchemaIndex,
  parent: Location,
  segments: readonly (string | number)[],
  node: unknown,
): Location {
  let path = parent.path;
  for (const segment of segments) path += `/${escapeSegment(segment)}`;
  const known = index.locations.get(path);
  if (known !== undefined && known.node === node) return known;
  return { node, path, base: parent.base, dialect: parent.dialect, resource: parent.resource };
}

/**
 * Resolves `ref` (as written in the schema) from `from`: a JSON pointer, an anchor, or an `$id`
 * of a subschema in the same document. Anything else is external and never fetched.
 */
export function resolveRef(index: SchemaIndex, from: Location, ref: string): Resolution {
  const absolute = resolveUri(ref, from.base);
  const [uri, fragment] = splitFragment(absolute);
  const resource = index.resources.get(uri);
  if (resource === undefined) return { kind: 'external', uri: absolute };
  const rootOf = index.locations.get(resource.path);
  if (rootOf === undefined) return { kind: 'missing', reason: `${ref} does not resolve` };
  if (fragment === '' || fragment.startsWith('/') || fragment.startsWith('%2F')) {
    const segments = parseFragmentPointer(fragment);
    if (segments === undefined) {
      return { kind: 'missing', reason: `"${ref}" is not a valid JSON pointer fragment` };
    }
    let node: unknown = rootOf.node;
    let path = rootOf.path;
    for (const segment of segments) {
      if (
        Array.isArray(node) &&
        /^(0|[1-9][0-9]*)$/.test(segment) &&
        Number(segment) < node.length
      ) {
        node = node[Number(segment)];
      } else if (isObject(node) && Object.hasOwn(node, segment)) {
        node = node[segment];
      } else {
        return {
          kind: 'missing',
          reason: `"${ref}" points to nothing: no "${segment}" in ${path}`,
        };
      }
      path = `${path}/${escapeSegment(segment)}`;
    }
    const known = index.locations.get(path);
    if (known !== undefined && known.node === node) return { kind: 'found', location: known };
    // A pointer into an unknown keyword (e.g. #/components/schemas/x) still names a schema
    const location: Location = {
      node,
      path,
      base: resource.uri,
      dialect: resource.dialect,
      resource,
    };
    return { kind: 'found', location };
  }
  let name: string;
  try {
    name = decodeURIComponent(fragment);
  } catch {
    return { kind: 'missing', reason: `"${ref}" has a malformed fragment` };
  }
  const anchored = index.anchors.get(`${uri}#${name}`);
  if (anchored === undefined) {
    return {
      kind: 'missing',
      reason: `"${ref}" names anchor "${name}", which no subschema declares`,
    };
  }
  return { kind: 'found', location: anchored };
}
