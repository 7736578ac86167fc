// Checks that keyword values have the shape the meta-schemas require. Each reader records a
// problem and returns undefined when the value is malformed, so compilation can carry on and
// report every problem at once.
import { escapeSegment } from '../pointer';
import { describe } from './describe';
import { isObject, jsonTypeOf } from './json-type';
import type { Compiler, Location } from './location';

/** Schema path of keyword `key` in the schema at `loc`. */
export function keywordPath(loc: Location, key: string): string {
  return `${loc.path}/${escapeSegment(key)}`;
}

function got(value: unknown): string {
  const type = jsonTypeOf(value);
  return type === 'number' || type === 'string' ? `${describe(value)}` : type;
}

/** A non-negative integer (minLength, maxItems, ...). */
export function readCount(
  s: Record<string, unknown>,
  key: string,
  loc: Location,
  cc: Compiler,
): number | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  cc.problem(keywordPath(loc, key), `must be a non-negative integer, got ${got(value)}`);
  return undefined;
}

/** A finite number (minimum, maximum, ...). */
export function readNumber(
  s: Record<string, unknown>,
  key: string,
  loc: Location,
  cc: Compiler,
): number | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  cc.problem(keywordPath(loc, key), `must be a number, got ${got(value)}`);
  return undefined;
}

/** A string (pattern, format, $ref, ...). */
export function readString(
  s: Record<string, unknown>,
  key: string,
  loc: Location,
  cc: Compiler,
): string | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  cc.problem(keywordPath(loc, key), `must be a string, got ${got(value)}`);
  return undefined;
}

/** An array of strings (required, dependentRequired values). */
export function readStringArray(
  value: unknown,
  path: string,
  cc: Compiler,
): readonly string[] | undefined {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  const what = Array.isArray(value) ? 'an array with a non-string item' : got(value);
  cc.problem(path, `must be an array of property-name strings, got ${what}`);
  return undefined;
}

/** An array of subschemas (allOf, prefixItems, ...); `nonEmpty` for the combinators. */
export function readSchemaArray(
  s: Record<string, unknown>,
  key: string,
  loc: Location,
  cc: Compiler,
  nonEmpty: boolean,
): readonly unknown[] | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    cc.problem(keywordPath(loc, key), `must be an array of schemas, got ${got(value)}`);
    return undefined;
  }
  if (nonEmpty && value.length === 0) {
    cc.problem(keywordPath(loc, key), 'must be a non-empty array of schemas');
    return undefined;
  }
  return value;
}

/** An object whose values are subschemas (properties, $defs, ...). */
export function readSchemaMap(
  s: Record<string, unknown>,
  key: string,
  loc: Location,
  cc: Compiler,
): Record<string, unknown> | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (isObject(value)) return value;
  cc.problem(
    keywordPath(loc, key),
    `must be an object mapping names to schemas, got ${got(value)}`,
  );
  return undefined;
}
