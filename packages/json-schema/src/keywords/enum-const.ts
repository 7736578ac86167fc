import { deepEqual } from '../equal';
import type { Check } from '../internal/context';
import { describe } from '../internal/describe';
import type { Compiler, Location } from '../internal/location';
import { keywordPath } from '../internal/shape';

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((value) => describe(value, 40));
  return values.length > 10
    ? `${shown.join(', ')}, ... (${values.length} in all)`
    : shown.join(', ');
}

/** `enum`: the value equals one of the listed values (JSON equality). */
export function compileEnum(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const values = s.enum;
  if (values === undefined) return null;
  const path = keywordPath(loc, 'enum');
  if (!Array.isArray(values)) {
    cc.problem(path, 'must be an array of the allowed values');
    return null;
  }
  const message = `must be one of ${listValues(values)}`;
  if (values.every(isPrimitive)) {
    // SameValueZero matches JSON equality for primitives (0 equals -0)
    const allowed = new Set(values);
    return (v, c) => {
      if (allowed.has(v)) return true;
      if (!c.failFast) c.report(path, 'enum', message);
      return false;
    };
  }
  return (v, c) => {
    for (const value of values) if (deepEqual(v, value)) return true;
    if (!c.failFast) c.report(path, 'enum', message);
    return false;
  };
}

/** `const`: the value equals this one value (JSON equality). */
export function compileConst(s: Record<string, unknown>, loc: Location): Check | null {
  if (!Object.hasOwn(s, 'const')) return null;
  const expected = s.const;
  const path = keywordPath(loc, 'const');
  const message = `must be equal to ${describe(expected)}`;
  if (isPrimitive(expected)) {
    return (v, c) => {
      if (v === expected) return true;
      if (!c.failFast) c.report(path, 'const', message);
      return false;
    };
  }
  return (v, c) => {
    if (deepEqual(v, expected)) return true;
    if (!c.failFast) c.report(path, 'const', message);
    return false;
  };
}
