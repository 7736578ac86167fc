import { alwaysTrue, checkChild, every, forObjects } from '../internal/check';
import type { Check, Ctx } from '../internal/context';
import { plural } from '../internal/describe';
import type { Compiler, Location } from '../internal/location';
import { keywordPath, readCount, readSchemaMap, readStringArray } from '../internal/shape';
import { escapeSegment } from '../pointer';

// Instances are plain JSON-like objects. Only own properties count, and a property whose value
// is `undefined` counts as absent, as it would after JSON.stringify.

type Obj = Record<string, unknown>;

function present(o: Obj, key: string): boolean {
  return o[key] !== undefined && Object.hasOwn(o, key);
}

// On an object whose prototype is Object.prototype (or null), a name that Object.prototype does
// not have can only be found as an own property, which spares an Object.hasOwn call per property
function hasPlainProto(o: Obj): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

function countProps(o: Obj): number {
  let count = 0;
  for (const key in o) if (Object.hasOwn(o, key) && o[key] !== undefined) count++;
  return count;
}

function countDefined(o: Obj): number {
  let count = 0;
  for (const key in o) if (o[key] !== undefined) count++;
  return count;
}

interface PatternCheck {
  regex: RegExp;
  check: Check;
}

/**
 * properties, patternProperties and additionalProperties as one check: they share the work of
 * finding which properties are present, and with no patternProperties, "no additional property"
 * is just "every own property was one of `properties`", which counting settles cheaply.
 */
function compileProperties(s: Obj, loc: Location, cc: Compiler): Check | null {
  const properties = readSchemaMap(s, 'properties', loc, cc);
  const patternMap = readSchemaMap(s, 'patternProperties', loc, cc);
  const additional = s.additionalProperties;
  const names = properties === undefined ? [] : Object.keys(properties);
  const subs = names.map((name) => cc.child(loc, ['properties', name], properties![name]));
  const inherited = names.map((name) => name in Object.prototype);
  const known = new Set(names);
  const patterns: PatternCheck[] = [];
  for (const source of patternMap === undefined ? [] : Object.keys(patternMap)) {
    const path = `${keywordPath(loc, 'patternProperties')}/${escapeSegment(source)}`;
    const regex = cc.regex(source, path);
    const check = cc.child(loc, ['patternProperties', source], patternMap![source]);
    if (regex !== undefined) patterns.push({ regex, check });
  }
  const extra =
    additional === undefined ? null : cc.child(loc, ['additionalProperties'], additional);
  if (names.length === 0 && patterns.length === 0 && extra === null) return null;
  const extraPath = keywordPath(loc, 'additionalProperties');
  const extraFalse = additional === false;
  const n = names.length;

  const isAdditional = (key: string): boolean => {
    if (known.has(key)) return false;
    for (const { regex } of patterns) if (regex.test(key)) return false;
    return true;
  };

  const checkPatterns = (o: Obj, c: Ctx): boolean => {
    let ok = true;
    for (const key in o) {
      const value = o[key];
      if (value === undefined || !Object.hasOwn(o, key)) continue;
      for (const { regex, check } of patterns) {
        if (!regex.test(key)) continue;
        if (c.props !== null) c.props.add(key);
        if (!checkChild(check, value, key, c)) {
          if (c.failFast) return false;
          ok = false;
        }
      }
    }
    return ok;
  };

  const checkAdditional = (o: Obj, c: Ctx): boolean => {
    let ok = true;
    for (const key in o) {
      const value = o[key];
      if (value === undefined || !Object.hasOwn(o, key) || !isAdditional(key)) continue;
      if (extraFalse) {
        if (c.failFast) return false;
        ok = false;
        c.report(
          extraPath,
          'additionalProperties',
          `must not have additional property ${JSON.stringify(key)}`,
        );
      } else if (!checkChild(extra!, value, key, c)) {
        if (c.failFast) return false;
        ok = false;
      }
    }
    return ok;
  };

  return (v, c) => {
    const o = v as Obj;
    const plain = hasPlainProto(o);
    let ok = true;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      const key = names[i]!;
      const value = o[key];
      if (value === undefined || ((!plain || inherited[i]) && !Object.hasOwn(o, key))) continue;
      seen++;
      if (c.props !== null) c.props.add(key);
      if (!checkChild(subs[i]!, value, key, c)) {
        if (c.failFast) return false;
        ok = false;
      }
    }
    if (patterns.length > 0 && !checkPatterns(o, c)) {
      if (c.failFast) return false;
      ok = false;
    }
    if (extra === null) return ok;
    // With a plain prototype, for-in visits exactly the own enumerable properties
    const onlyKnown = patterns.length === 0 && plain && countDefined(o) === seen;
    if (!onlyKnown && extra !== alwaysTrue && !checkAdditional(o, c)) return false;
    // Together with properties and patternProperties, every property is now evaluated
    if (c.props !== null) c.props.all = true;
    return ok;
  };
}

function requiredCheck(
  path: string,
  keyword: string,
  names: readonly string[],
  because?: string,
): Check {
  const suffix =
    because === undefined ? '' : ` when property ${JSON.stringify(because)} is present`;
  const inherited = names.map((name) => name in Object.prototype);
  const n = names.length;
  return (v, c) => {
    const o = v as Obj;
    const plain = hasPlainProto(o);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const name = names[i]!;
      if (o[name] !== undefined && ((plain && !inherited[i]) || Object.hasOwn(o, name))) continue;
      if (c.failFast) return false;
      ok = false;
      const what = because === undefined ? 'required property' : 'property';
      c.report(path, keyword, `must have ${what} ${JSON.stringify(name)}${suffix}`);
    }
    return ok;
  };
}

function dependentCheck(name: string, check: Check): Check {
  return (v, c) => !present(v as Obj, name) || check(v, c);
}

function compileDependencies(s: Obj, loc: Location, cc: Compiler): Check[] {
  const checks: Check[] = [];
  const required = s.dependentRequired;
  if (required !== undefined) {
    const map = readSchemaMap(s, 'dependentRequired', loc, cc);
    for (const name of map === undefined ? [] : Object.keys(map)) {
      const path = `${keywordPath(loc, 'dependentRequired')}/${escapeSegment(name)}`;
      const names = readStringArray(map![name], path, cc);
      if (names !== undefined && names.length > 0) {
        checks.push(dependentCheck(name, requiredCheck(path, 'dependentRequired', names, name)));
      }
    }
  }
  const schemas = readSchemaMap(s, 'dependentSchemas', loc, cc);
  for (const name of schemas === undefined ? [] : Object.keys(schemas)) {
    const check = cc.child(loc, ['dependentSchemas', name], schemas![name]);
    if (check !== alwaysTrue) checks.push(dependentCheck(name, check));
  }
  // Draft-07 and earlier: `dependencies` holds both forms; accepted in every dialect
  const legacy = readSchemaMap(s, 'dependencies', loc, cc);
  for (const name of legacy === undefined ? [] : Object.keys(legacy)) {
    const value = legacy![name];
    const path = `${keywordPath(loc, 'dependencies')}/${escapeSegment(name)}`;
    if (Array.isArray(value)) {
      const names = readStringArray(value, path, cc);
      if (names !== undefined && names.length > 0) {
        checks.push(dependentCheck(name, requiredCheck(path, 'dependencies', names, name)));
      }
    } else {
      const check = cc.child(loc, ['dependencies', name], value);
      if (check !== alwaysTrue) checks.push(dependentCheck(name, check));
    }
  }
  return checks;
}

function compilePropertyNames(s: Obj, loc: Location, cc: Compiler): Check | null {
  if (s.propertyNames === undefined) return null;
  const check = cc.child(loc, ['propertyNames'], s.propertyNames);
  if (check === alwaysTrue) return null;
  const path = keywordPath(loc, 'propertyNames');
  return (v: unknown, c: Ctx) => {
    const o = v as Obj;
    let ok = true;
    for (const key in o) {
      if (o[key] === undefined || !Object.hasOwn(o, key)) continue;
      c.enterQuiet();
      const valid = checkChild(check, key, key, c);
      c.exitQuiet();
      if (valid) continue;
      if (c.failFast) return false;
      ok = false;
      // Explain with the name's own first issue; the name is checked at the object's path
      const issue = c.firstIssue(check, key);
      const reason =
        issue === undefined ? 'does not match the propertyNames schema' : issue.message;
      c.report(path, 'propertyNames', `property name ${JSON.stringify(key)} is invalid: ${reason}`);
    }
    return ok;
  };
}

/**
 * properties, patternProperties, additionalProperties, required, propertyNames, minProperties,
 * maxProperties, dependentRequired, dependentSchemas, dependencies; objects only.
 */
export function compileObjectKeywords(s: Obj, loc: Location, cc: Compiler): Check | null {
  const checks: Check[] = [];
  const required = s.required;
  if (required !== undefined) {
    const path = keywordPath(loc, 'required');
    const names = readStringArray(required, path, cc);
    if (names !== undefined && names.length > 0)
      checks.push(requiredCheck(path, 'required', names));
  }
  const min = readCount(s, 'minProperties', loc, cc);
  if (min !== undefined && min > 0) {
    const path = keywordPath(loc, 'minProperties');
    const message = `must have at least ${plural(min, 'property', 'properties')}`;
    checks.push((v, c) => {
      if (countProps(v as Obj) >= min) return true;
      if (!c.failFast) c.report(path, 'minProperties', message);
      return false;
    });
  }
  const max = readCount(s, 'maxProperties', loc, cc);
  if (max !== undefined) {
    const path = keywordPath(loc, 'maxProperties');
    const message = `must have at most ${plural(max, 'property', 'properties')}`;
    checks.push((v, c) => {
      if (countProps(v as Obj) <= max) return true;
      if (!c.failFast) c.report(path, 'maxProperties', message);
      return false;
    });
  }
  const props = compileProperties(s, loc, cc);
  if (props !== null) checks.push(props);
  const names = compilePropertyNames(s, loc, cc);
  if (names !== null) checks.push(names);
  checks.push(...compileDependencies(s, loc, cc));
  return checks.length === 0 ? null : forObjects(every(checks));
}
