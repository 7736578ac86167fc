import { isAtLeast } from '../dialect';
import { alwaysTrue } from '../internal/check';
import type { Check, Entry, ScopeFrame } from '../internal/context';
import { isObject } from '../internal/json-type';
import type { Compiler, Location } from '../internal/location';
import { keywordPath, readString } from '../internal/shape';
import { splitFragment } from '../uri';

function call(entry: Entry): Check {
  return (v, c) => entry.fn!(v, c);
}

/** Calls the target, first entering its resource when it lies in another one (dynamic scope). */
function jump(loc: Location, target: Location, cc: Compiler): Check {
  const entry = cc.entry(target);
  if (!cc.dynamic || target.resource === loc.resource) return call(entry);
  const frame = cc.frame(target.resource);
  return (v, c) => {
    c.scope.push(frame);
    const ok = entry.fn!(v, c);
    c.scope.pop();
    return ok;
  };
}

/** `$ref`: applies the referenced schema in place. External refs accept anything (warned). */
export function compileRef(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const ref = readString(s, '$ref', loc, cc);
  if (ref === undefined) return null;
  const target = cc.resolve(loc, '$ref', ref);
  return target === undefined ? alwaysTrue : jump(loc, target, cc);
}

/** Searches the dynamic scope, outermost first, for a frame offering `pick`. */
function dynamicJump(
  fallback: Check,
  pick: (frame: ScopeFrame) => Entry | null | undefined,
): Check {
  return (v, c) => {
    const scope = c.scope;
    for (let i = 0; i < scope.length; i++) {
      const entry = pick(scope[i]!);
      if (entry !== null && entry !== undefined) return entry.fn!(v, c);
    }
    return fallback(v, c);
  };
}

function compileDynamicRef(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const ref = readString(s, '$dynamicRef', loc, cc);
  if (ref === undefined) return null;
  if (!isAtLeast(loc.dialect, '2020-12')) {
    cc.warn(
      `${keywordPath(loc, '$dynamicRef')}: $dynamicRef is a 2020-12 keyword and was ignored ` +
        `in this ${loc.dialect} schema.`,
    );
    return null;
  }
  const target = cc.resolve(loc, '$dynamicRef', ref);
  if (target === undefined) return alwaysTrue;
  const fallback = jump(loc, target, cc);
  const name = splitFragment(ref)[1];
  // Only a plain-name fragment whose static target declares the same $dynamicAnchor is dynamic
  const bookended = isObject(target.node) && target.node.$dynamicAnchor === name;
  if (name === '' || name.startsWith('/') || !bookended) return fallback;
  return dynamicJump(fallback, (frame) => frame.dynamicAnchors.get(name));
}

function compileRecursiveRef(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
): Check | null {
  const ref = readString(s, '$recursiveRef', loc, cc);
  if (ref === undefined) return null;
  if (loc.dialect !== '2019-09') {
    cc.warn(
      `${keywordPath(loc, '$recursiveRef')}: $recursiveRef is a 2019-09 keyword and was ignored ` +
        `in this ${loc.dialect} schema.`,
    );
    return null;
  }
  const target = cc.resolve(loc, '$recursiveRef', ref);
  if (target === undefined) return alwaysTrue;
  const fallback = jump(loc, target, cc);
  if (!isObject(target.node) || target.node.$recursiveAnchor !== true) return fallback;
  return dynamicJump(fallback, (frame) => frame.recursiveAnchor);
}

/** `$ref`, `$dynamicRef` (2020-12), `$recursiveRef` (2019-09). */
export function compileRefs(s: Record<string, unknown>, loc: Location, cc: Compiler): Check[] {
  const checks: Check[] = [];
  for (const compile of [compileRef, compileDynamicRef, compileRecursiveRef]) {
    const check = compile(s, loc, cc);
    if (check !== null) checks.push(check);
  }
  return checks;
}
