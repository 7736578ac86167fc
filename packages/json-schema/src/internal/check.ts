import type { Check, Ctx } from './context';
import { isObject } from './json-type';

export const alwaysTrue: Check = () => true;

/** All checks must pass; keeps going after a failure while issues are still being collected. */
export function every(checks: readonly Check[]): Check {
  const list = checks.filter((check) => check !== alwaysTrue);
  const n = list.length;
  if (n === 0) return alwaysTrue;
  if (n === 1) return list[0]!;
  if (n === 2) {
    const a = list[0]!;
    const b = list[1]!;
    return (v, c) => {
      if (a(v, c)) return b(v, c);
      if (!c.failFast) b(v, c);
      return false;
    };
  }
  return (v, c) => {
    let ok = true;
    for (let i = 0; i < n; i++) {
      if (!list[i]!(v, c)) {
        if (c.failFast) return false;
        ok = false;
      }
    }
    return ok;
  };
}

/** Runs `check` only when the value is a JSON object. */
export function forObjects(check: Check): Check {
  return (v, c) => !isObject(v) || check(v, c);
}

/** Runs `check` only when the value is an array. */
export function forArrays(check: Check): Check {
  return (v, c) => !Array.isArray(v) || check(v, c);
}

/** Runs `check` only when the value is a string. */
export function forStrings(check: Check): Check {
  return (v, c) => typeof v !== 'string' || check(v, c);
}

/** Runs `check` only when the value is a number. */
export function forNumbers(check: Check): Check {
  return (v, c) => typeof v !== 'number' || check(v, c);
}

/**
 * Validates a child value (property or item) at `key` below the current instance path. The
 * child is a different instance, so the parent's evaluated-annotation collectors do not apply.
 */
export function checkChild(check: Check, value: unknown, key: string | number, c: Ctx): boolean {
  const props = c.props;
  const items = c.items;
  c.props = null;
  c.items = null;
  c.path.push(key);
  const ok = check(value, c);
  c.path.pop();
  c.props = props;
  c.items = items;
  return ok;
}
