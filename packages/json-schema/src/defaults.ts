import { detectDialect } from './dialect';
import { isObject } from './internal/json-type';
import type { Location } from './internal/location';
import { buildIndex, locate, resolveRef, type SchemaIndex } from './schema-index';
import type { JsonSchema } from './types';

type Obj = Record<string, unknown>;

function isPlain(value: unknown): value is Obj {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Assigning `o.__proto__ = x` would replace the prototype instead of adding a property
function setOwn(o: Obj, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    o[key] = value;
  }
}

/** Copies arrays and plain objects deeply (cycles preserved); other values are shared. */
function clone(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(clone(item, seen));
    return copy;
  }
  if (!isPlain(value)) return value;
  const copy: Obj = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) setOwn(copy, key, clone(value[key], seen));
  return copy;
}

/** The schemas that apply at `loc` without descending: itself, its local `$ref`s and allOf. */
function applicable(index: SchemaIndex, loc: Location): Location[] {
  const found: Location[] = [];
  const seen = new Set<unknown>();
  const visit = (at: Location): void => {
    if (!isObject(at.node) || seen.has(at.node)) return;
    seen.add(at.node);
    found.push(at);
    if (typeof at.node.$ref === 'string') {
      const resolution = resolveRef(index, at, at.node.$ref);
      if (resolution.kind === 'found') visit(resolution.location);
    }
    if (Array.isArray(at.node.allOf)) {
      const branches: unknown[] = at.node.allOf;
      for (let i = 0; i < branches.length; i++) visit(locate(index, at, ['allOf', i], branches[i]));
    }
  };
  visit(loc);
  return found;
}

function defaultOf(index: SchemaIndex, loc: Location): { value: unknown } | undefined {
  for (const at of applicable(index, loc)) {
    if (Object.hasOwn(at.node as Obj, 'default')) return { value: (at.node as Obj).default };
  }
  return undefined;
}

function fill(index: SchemaIndex, loc: Location, value: unknown, depth: number): void {
  if (depth > 1000) return;
  for (const at of applicable(index, loc)) {
    const node = at.node as Obj;
    if (isPlain(value) && isObject(node.properties)) {
      const properties = node.properties;
      for (const key of Object.keys(properties)) {
        const child = locate(index, at, ['properties', key], properties[key]);
        const current = Object.hasOwn(value, key) ? value[key] : undefined;
        if (current === undefined) {
          const fallback = defaultOf(index, child);
          if (fallback !== undefined) setOwn(value, key, clone(fallback.value));
        } else {
          fill(index, child, current, depth + 1);
        }
      }
    }
    if (Array.isArray(value)) {
      const tuple = Array.isArray(node.prefixItems)
        ? { key: 'prefixItems', list: node.prefixItems }
        : Array.isArray(node.items)
          ? { key: 'items', list: node.items }
          : undefined;
      const rest = tuple?.key === 'prefixItems' || tuple === undefined ? node.items : undefined;
      value.forEach((item, i) => {
        if (tuple !== undefined && i < tuple.list.length) {
          fill(index, locate(index, at, [tuple.key, i], tuple.list[i]), item, depth + 1);
        } else if (isObject(rest)) {
          fill(index, locate(index, at, ['items'], rest), item, depth + 1);
        }
      });
    }
  }
}

/**
 * Returns a copy of `value` in which every omitted object property whose schema has a `default`
 * is filled with (a deep copy of) that default, recursing into nested objects (and array items)
 * that are present. Local `$ref`s and `allOf` are followed. The input is never mutated. Used by
 * MCP clients to apply elicitation schema defaults to the fields a user left out.
 *
 * @example
 * applyDefaults(
 *   { type: 'object', properties: { name: { type: 'string', default: 'John Doe' },
 *     age: { type: 'integer', default: 30 } } },
 *   { age: 41 },
 * ); // { age: 41, name: 'John Doe' }
 */
export function applyDefaults(schema: JsonSchema, value: unknown): unknown {
  const copy = clone(value);
  if (!isObject(schema)) return copy;
  const index = buildIndex(schema, detectDialect(schema));
  if (copy === undefined) {
    const fallback = defaultOf(index, index.root);
    return fallback === undefined ? undefined : clone(fallback.value);
  }
  fill(index, index.root, copy, 0);
  return copy;
}
