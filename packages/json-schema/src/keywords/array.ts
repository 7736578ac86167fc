import { isAtLeast } from '../dialect';
import { canonicalKey, deepEqual } from '../equal';
import { alwaysTrue, checkChild, every, forArrays } from '../internal/check';
import type { Check, Ctx } from '../internal/context';
import { plural } from '../internal/describe';
import type { Compiler, Location } from '../internal/location';
import { keywordPath, readCount, readSchemaArray } from '../internal/shape';

interface ItemsPlan {
  prefix: Check[];
  rest: Check | null;
  restSchema: unknown;
  restKeyword: string;
}

/**
 * Normalises the two tuple spellings: `items: [..]` + `additionalItems` (up to 2019-09) and
 * `prefixItems: [..]` + `items` (2020-12). The array form of `items` in a 2020-12 schema is still
 * understood the old way, since schemas without $schema are often written for draft-07.
 */
function planItems(s: Record<string, unknown>, loc: Location, cc: Compiler): ItemsPlan {
  const modern = isAtLeast(loc.dialect, '2020-12');
  const plan: ItemsPlan = {
    prefix: [],
    rest: null,
    restSchema: undefined,
    restKeyword: 'items',
  };
  const items = s.items;
  const tuple = Array.isArray(items);
  if (modern && !tuple) {
    const prefix = readSchemaArray(s, 'prefixItems', loc, cc, false);
    if (prefix !== undefined) {
      plan.prefix = prefix.map((schema, i) => cc.child(loc, ['prefixItems', i], schema));
    }
    if (items !== undefined) {
      plan.rest = cc.child(loc, ['items'], items);
      plan.restSchema = items;
    }
    if (s.additionalItems !== undefined) {
      cc.warn(
        `${keywordPath(loc, 'additionalItems')}: additionalItems is not a 2020-12 keyword and ` +
          'was ignored; use prefixItems for the tuple and items for the rest.',
      );
    }
    return plan;
  }
  if (modern) {
    cc.warn(
      `${keywordPath(loc, 'items')}: array-form items is draft 2019-09 syntax; it was applied as ` +
        'prefixItems (and additionalItems as items). Use prefixItems in 2020-12 schemas.',
    );
  } else if (s.prefixItems !== undefined) {
    cc.warn(
      `${keywordPath(loc, 'prefixItems')}: prefixItems is a 2020-12 keyword and was ignored in ` +
        `this ${loc.dialect} schema; use array-form items, or declare 2020-12 in $schema.`,
    );
  }
  if (tuple) {
    plan.prefix = (items as unknown[]).map((schema, i) => cc.child(loc, ['items', i], schema));
    if (s.additionalItems !== undefined) {
      plan.rest = cc.child(loc, ['additionalItems'], s.additionalItems);
      plan.restSchema = s.additionalItems;
      plan.restKeyword = 'additionalItems';
    }
  } else if (items !== undefined) {
    plan.rest = cc.child(loc, ['items'], items);
    plan.restSchema = items;
  }
  return plan;
}

function compileItems(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const { prefix, rest, restSchema, restKeyword } = planItems(s, loc, cc);
  const n = prefix.length;
  if (n === 0 && rest === null) return null;
  const restPath = keywordPath(loc, restKeyword);
  const restMessage = `must have at most ${plural(n, 'item')}`;
  const restFalse = restSchema === false;
  return (v, c) => {
    const list = v as unknown[];
    const length = list.length;
    let ok = true;
    const upTo = Math.min(length, n);
    for (let i = 0; i < upTo; i++) {
      if (!checkChild(prefix[i]!, list[i], i, c)) {
        if (c.failFast) return false;
        ok = false;
      }
    }
    if (c.items !== null) c.items.prefix(upTo);
    if (rest === null || length <= n) return ok;
    if (restFalse) {
      if (!c.failFast) c.report(restPath, restKeyword, restMessage);
      return false;
    }
    if (rest !== alwaysTrue) {
      for (let i = n; i < length; i++) {
        if (!checkChild(rest, list[i], i, c)) {
          if (c.failFast) return false;
          ok = false;
        }
      }
    }
    if (c.items !== null) c.items.prefix(Number.POSITIVE_INFINITY);
    return ok;
  };
}

function compileContains(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const minContains = readCount(s, 'minContains', loc, cc);
  const maxContains = readCount(s, 'maxContains', loc, cc);
  if (s.contains === undefined) return null;
  const schema = cc.child(loc, ['contains'], s.contains);
  const min = minContains ?? 1;
  const max = maxContains ?? Number.POSITIVE_INFINITY;
  // 2020-12 counts items matched by contains as evaluated (for unevaluatedItems); 2019-09 does not
  const annotates = isAtLeast(loc.dialect, '2020-12');
  const containsPath = keywordPath(loc, 'contains');
  const minPath = minContains === undefined ? containsPath : keywordPath(loc, 'minContains');
  const maxPath = keywordPath(loc, 'maxContains');
  const what = 'matching the "contains" schema';
  return (v, c) => {
    const list = v as unknown[];
    const track = annotates && c.items !== null;
    let count = 0;
    c.enterQuiet();
    for (let i = 0; i < list.length; i++) {
      if (checkChild(schema, list[i], i, c)) {
        count++;
        if (track) c.items!.add(i);
        else if (count >= min && max === Number.POSITIVE_INFINITY) break;
      }
    }
    c.exitQuiet();
    if (count < min) {
      if (!c.failFast) {
        c.report(
          minPath,
          minContains === undefined ? 'contains' : 'minContains',
          `must contain at least ${plural(min, 'item')} ${what}`,
        );
      }
      return false;
    }
    if (count > max) {
      if (!c.failFast)
        c.report(maxPath, 'maxContains', `must contain at most ${plural(max, 'item')} ${what}`);
      return false;
    }
    return true;
  };
}

function findDuplicate(list: readonly unknown[]): [number, number] | undefined {
  if (list.length <= 20) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (deepEqual(list[i], list[j])) return [i, j];
    }
    return undefined;
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < list.length; j++) {
    const key = canonicalKey(list[j]);
    const i = seen.get(key);
    if (i !== undefined) return [i, j];
    seen.set(key, j);
  }
  return undefined;
}

/**
 * items, prefixItems, additionalItems, contains, minContains, maxContains, minItems, maxItems,
 * uniqueItems; arrays only.
 */
export function compileArrayKeywords(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
): Check | null {
  const checks: Check[] = [];
  const min = readCount(s, 'minItems', loc, cc);
  if (min !== undefined && min > 0) {
    const path = keywordPath(loc, 'minItems');
    const message = `must have at least ${plural(min, 'item')}`;
    checks.push((v, c) => {
      if ((v as unknown[]).length >= min) return true;
      if (!c.failFast) c.report(path, 'minItems', message);
      return false;
    });
  }
  const max = readCount(s, 'maxItems', loc, cc);
  if (max !== undefined) {
    const path = keywordPath(loc, 'maxItems');
    const message = `must have at most ${plural(max, 'item')}`;
    checks.push((v, c) => {
      if ((v as unknown[]).length <= max) return true;
      if (!c.failFast) c.report(path, 'maxItems', message);
      return false;
    });
  }
  const unique = s.uniqueItems;
  if (unique !== undefined && typeof unique !== 'boolean') {
    cc.problem(keywordPath(loc, 'uniqueItems'), 'must be a boolean');
  } else if (unique === true) {
    const path = keywordPath(loc, 'uniqueItems');
    checks.push((v: unknown, c: Ctx) => {
      const pair = findDuplicate(v as unknown[]);
      if (pair === undefined) return true;
      if (!c.failFast) {
        c.report(
          path,
          'uniqueItems',
          `must not have duplicate items (items ${pair[0]} and ${pair[1]} are equal)`,
        );
      }
      return false;
    });
  }
  const items = compileItems(s, loc, cc);
  if (items !== null) checks.push(items);
  const contains = compileContains(s, loc, cc);
  if (contains !== null) checks.push(contains);
  return checks.length === 0 ? null : forArrays(every(checks));
}
