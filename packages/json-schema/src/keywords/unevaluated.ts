import { checkChild } from '../internal/check';
import type { Check, Ctx } from '../internal/context';
import { EvaluatedItems, EvaluatedProps } from '../internal/evaluated';
import { isObject } from '../internal/json-type';
import type { Compiler, Location } from '../internal/location';
import { keywordPath } from '../internal/shape';

function checkProps(
  o: Record<string, unknown>,
  seen: EvaluatedProps,
  sub: Check,
  isFalse: boolean,
  path: string,
  c: Ctx,
): boolean {
  if (seen.all) return true;
  let ok = true;
  for (const key in o) {
    const value = o[key];
    if (value === undefined || !Object.hasOwn(o, key) || seen.has(key)) continue;
    if (isFalse) {
      if (c.failFast) return false;
      ok = false;
      c.report(
        path,
        'unevaluatedProperties',
        `must not have unevaluated property ${JSON.stringify(key)}`,
      );
    } else if (!checkChild(sub, value, key, c)) {
      if (c.failFast) return false;
      ok = false;
    }
  }
  return ok;
}

function checkItems(
  list: readonly unknown[],
  seen: EvaluatedItems,
  sub: Check,
  isFalse: boolean,
  path: string,
  c: Ctx,
): boolean {
  let ok = true;
  for (let i = seen.upTo; i < list.length; i++) {
    if (seen.has(i)) continue;
    if (isFalse) {
      if (!c.failFast)
        c.report(path, 'unevaluatedItems', `must not have unevaluated item at index ${i}`);
      return false;
    }
    if (!checkChild(sub, list[i], i, c)) {
      if (c.failFast) return false;
      ok = false;
    }
  }
  return ok;
}

/**
 * unevaluatedProperties / unevaluatedItems: run the schema's other keywords with fresh
 * collectors, then validate whatever none of them (nor their passing subschemas) evaluated.
 */
export function wrapUnevaluated(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
  inner: Check,
): Check {
  const propsSchema = s.unevaluatedProperties;
  const itemsSchema = s.unevaluatedItems;
  if (propsSchema === undefined && itemsSchema === undefined) return inner;
  const propsSub =
    propsSchema === undefined ? null : cc.child(loc, ['unevaluatedProperties'], propsSchema);
  const itemsSub =
    itemsSchema === undefined ? null : cc.child(loc, ['unevaluatedItems'], itemsSchema);
  const propsPath = keywordPath(loc, 'unevaluatedProperties');
  const itemsPath = keywordPath(loc, 'unevaluatedItems');
  const propsFalse = propsSchema === false;
  const itemsFalse = itemsSchema === false;
  return (v, c) => {
    const obj = propsSub !== null && isObject(v);
    const arr = itemsSub !== null && Array.isArray(v);
    if (!obj && !arr) return inner(v, c);
    const parentProps = c.props;
    const parentItems = c.items;
    const props = obj ? new EvaluatedProps() : null;
    const items = arr ? new EvaluatedItems() : null;
    if (props !== null) c.props = props;
    if (items !== null) c.items = items;
    let ok = inner(v, c);
    c.props = parentProps;
    c.items = parentItems;
    if (!ok && c.failFast) return false;
    if (props !== null) {
      ok =
        checkProps(v as Record<string, unknown>, props, propsSub!, propsFalse, propsPath, c) && ok;
      // Everything is evaluated now, as far as enclosing schemas are concerned
      if (parentProps !== null) parentProps.all = true;
    }
    if (items !== null) {
      ok = checkItems(v as unknown[], items, itemsSub!, itemsFalse, itemsPath, c) && ok;
      if (parentItems !== null) parentItems.prefix(Number.POSITIVE_INFINITY);
    }
    return ok;
  };
}
