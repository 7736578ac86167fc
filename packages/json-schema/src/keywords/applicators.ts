import { alwaysTrue, every } from '../internal/check';
import type { Check, Ctx } from '../internal/context';
import { EvaluatedItems, EvaluatedProps } from '../internal/evaluated';
import type { Compiler, Location } from '../internal/location';
import { keywordPath, readSchemaArray } from '../internal/shape';

/**
 * Runs `check` quietly, as a branch whose failure is not itself an error. While an enclosing
 * schema tracks evaluated properties/items, the branch gets fresh collectors that are merged
 * only if it passes: annotations of failed subschemas are dropped.
 */
function tryBranch(check: Check, v: unknown, c: Ctx): boolean {
  const props = c.props;
  const items = c.items;
  if (props === null && items === null) {
    c.enterQuiet();
    const ok = check(v, c);
    c.exitQuiet();
    return ok;
  }
  const branchProps = props === null ? null : new EvaluatedProps();
  const branchItems = items === null ? null : new EvaluatedItems();
  c.props = branchProps;
  c.items = branchItems;
  c.enterQuiet();
  const ok = check(v, c);
  c.exitQuiet();
  c.props = props;
  c.items = items;
  if (ok) {
    if (branchProps !== null) props!.merge(branchProps);
    if (branchItems !== null) items!.merge(branchItems);
  }
  return ok;
}

/** Why each branch failed, from its first issue: `[0] must be string, got number; [1] ...`. */
function explainBranches(branches: readonly Check[], v: unknown, c: Ctx): string {
  const here = c.pointer();
  const reasons: string[] = [];
  for (let i = 0; i < branches.length && i < 5; i++) {
    const issue = c.firstIssue(branches[i]!, v);
    if (issue === undefined) continue;
    const at = issue.instancePath === here ? '' : `${issue.instancePath.slice(here.length)} `;
    reasons.push(`[${i}] ${at}${issue.message}`);
  }
  if (branches.length > 5) reasons.push(`... (${branches.length} branches in all)`);
  return reasons.join('; ');
}

function compileAllOf(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const list = readSchemaArray(s, 'allOf', loc, cc, true);
  if (list === undefined) return null;
  // Every branch applies in full, so its issues are the schema's issues
  return every(list.map((schema, i) => cc.child(loc, ['allOf', i], schema)));
}

function compileAnyOf(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const list = readSchemaArray(s, 'anyOf', loc, cc, true);
  if (list === undefined) return null;
  const branches = list.map((schema, i) => cc.child(loc, ['anyOf', i], schema));
  if (branches.includes(alwaysTrue) && !cc.tracking) return null;
  const path = keywordPath(loc, 'anyOf');
  return (v, c) => {
    let ok = false;
    // Without annotation tracking the first passing branch settles it; with it, every passing
    // branch contributes evaluated properties
    const all = c.props !== null || c.items !== null;
    for (const branch of branches) {
      if (tryBranch(branch, v, c)) {
        ok = true;
        if (!all) break;
      }
    }
    if (ok) return true;
    if (!c.failFast) {
      c.report(
        path,
        'anyOf',
        `must match at least one schema in anyOf: ${explainBranches(branches, v, c)}`,
      );
    }
    return false;
  };
}

function compileOneOf(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  const list = readSchemaArray(s, 'oneOf', loc, cc, true);
  if (list === undefined) return null;
  const branches = list.map((schema, i) => cc.child(loc, ['oneOf', i], schema));
  const path = keywordPath(loc, 'oneOf');
  return (v, c) => {
    let first = -1;
    for (let i = 0; i < branches.length; i++) {
      if (!tryBranch(branches[i]!, v, c)) continue;
      if (first !== -1) {
        if (!c.failFast) {
          c.report(
            path,
            'oneOf',
            `must match exactly one schema in oneOf, but matches schemas ${first} and ${i}`,
          );
        }
        return false;
      }
      first = i;
    }
    if (first !== -1) return true;
    if (!c.failFast) {
      c.report(
        path,
        'oneOf',
        `must match exactly one schema in oneOf, but matches none: ` +
          explainBranches(branches, v, c),
      );
    }
    return false;
  };
}

function compileNot(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  if (s.not === undefined) return null;
  const check = cc.child(loc, ['not'], s.not);
  const path = keywordPath(loc, 'not');
  return (v, c) => {
    // A passing `not` subschema fails the schema, so none of its annotations survive
    const props = c.props;
    const items = c.items;
    c.props = c.items = null;
    c.enterQuiet();
    const matched = check(v, c);
    c.exitQuiet();
    c.props = props;
    c.items = items;
    if (!matched) return true;
    if (!c.failFast) c.report(path, 'not', 'must not match the schema in "not"');
    return false;
  };
}

function compileConditional(s: Record<string, unknown>, loc: Location, cc: Compiler): Check | null {
  if (s.if === undefined) {
    // then/else without if are ignored, but still compiled so malformed ones are reported
    if (s.then !== undefined) cc.child(loc, ['then'], s.then);
    if (s.else !== undefined) cc.child(loc, ['else'], s.else);
    return null;
  }
  const condition = cc.child(loc, ['if'], s.if);
  const then = s.then === undefined ? alwaysTrue : cc.child(loc, ['then'], s.then);
  const otherwise = s.else === undefined ? alwaysTrue : cc.child(loc, ['else'], s.else);
  if (then === alwaysTrue && otherwise === alwaysTrue && !cc.tracking) return null;
  // then/else report their own issues (e.g. `must have required property "phone"` at #/then)
  return (v, c) => (tryBranch(condition, v, c) ? then(v, c) : otherwise(v, c));
}

/** allOf, anyOf, oneOf, not, if/then/else. */
export function compileApplicators(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
): Check[] {
  const checks: Check[] = [];
  for (const compile of [
    compileAllOf,
    compileAnyOf,
    compileOneOf,
    compileNot,
    compileConditional,
  ]) {
    const check = compile(s, loc, cc);
    if (check !== null) checks.push(check);
  }
  return checks;
}
