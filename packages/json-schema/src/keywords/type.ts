import type { Check, Ctx } from '../internal/context';
import { orList } from '../internal/describe';
import { isObject, jsonTypeOf } from '../internal/json-type';
import type { Compiler, Location } from '../internal/location';
import { keywordPath } from '../internal/shape';

const TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  object: isObject,
  array: Array.isArray,
  // NaN and Infinity are not JSON numbers
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
};
const NAMES = Object.keys(TESTS);

/** `type`: one type name or an array of them; `integer` is a number with no fraction. */
export function compileType(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const type = s.type;
  if (type === undefined) return null;
  const path = keywordPath(loc, 'type');
  const names = typeof type === 'string' ? [type] : type;
  if (!Array.isArray(names) || names.length === 0) {
    cc.problem(path, 'must be a type name or a non-empty array of type names');
    return null;
  }
  let ok = true;
  for (const name of names) {
    if (typeof name !== 'string' || !Object.hasOwn(TESTS, name)) {
      cc.problem(path, `unknown type ${JSON.stringify(name)}; use one of ${NAMES.join(', ')}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const expected = `must be ${orList(names as string[])}`;
  const fail = (v: unknown, c: Ctx): false => {
    if (!c.failFast) c.report(path, 'type', `${expected}, got ${jsonTypeOf(v)}`);
    return false;
  };
  if (names.length === 1) {
    // The common single-type cases are inlined: they run on every value
    switch (names[0]) {
      case 'string':
        return (v, c) => typeof v === 'string' || fail(v, c);
      case 'object':
        return (v, c) => (typeof v === 'object' && v !== null && !Array.isArray(v)) || fail(v, c);
      case 'number':
        return (v, c) => (typeof v === 'number' && Number.isFinite(v)) || fail(v, c);
      case 'integer':
        return (v, c) => Number.isInteger(v) || fail(v, c);
      case 'boolean':
        return (v, c) => typeof v === 'boolean' || fail(v, c);
      case 'array':
        return (v, c) => Array.isArray(v) || fail(v, c);
      default:
        return (v, c) => v === null || fail(v, c);
    }
  }
  const tests = (names as string[]).map((name) => TESTS[name]!);
  return (v, c) => {
    for (const test of tests) if (test(v)) return true;
    return fail(v, c);
  };
}
