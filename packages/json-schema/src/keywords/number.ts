import { every, forNumbers } from '../internal/check';
import type { Check, Ctx } from '../internal/context';
import type { Compiler, Location } from '../internal/location';
import { decimalPlaces, isMultipleOf } from '../internal/number';
import { keywordPath, readNumber } from '../internal/shape';

type Op = '>=' | '>' | '<=' | '<';

function bound(path: string, keyword: string, op: Op, limit: number): Check {
  const message = `must be ${op} ${limit}`;
  const fail = (c: Ctx): false => {
    if (!c.failFast) c.report(path, keyword, message);
    return false;
  };
  switch (op) {
    case '>=':
      return (v, c) => (v as number) >= limit || fail(c);
    case '>':
      return (v, c) => (v as number) > limit || fail(c);
    case '<=':
      return (v, c) => (v as number) <= limit || fail(c);
    default:
      return (v, c) => (v as number) < limit || fail(c);
  }
}

/**
 * One side of a range: `minimum` with `exclusiveMinimum`, or the maximum pair. Draft-04 spells
 * exclusivity as a boolean modifier of `minimum`; later drafts as a number of its own. The other
 * draft's spelling is still understood (with a warning), as tools emit both regardless of $schema.
 */
function compileSide(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
  inclusiveKey: 'minimum' | 'maximum',
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  inclusiveOp: Op,
  exclusiveOp: Op,
): Check[] {
  const checks: Check[] = [];
  const inclusive = readNumber(s, inclusiveKey, loc, cc);
  const exclusive = s[exclusiveKey];
  const exclusivePath = keywordPath(loc, exclusiveKey);
  const draft04 = loc.dialect === 'draft-04';
  let exclusiveFlag = false;
  if (typeof exclusive === 'boolean') {
    if (!draft04) {
      cc.warn(
        `${exclusivePath}: boolean ${exclusiveKey} is draft-04 syntax; it was applied as ` +
          `draft-04 does. Use a number (${exclusiveKey}: <limit>) or declare draft-04 in $schema.`,
      );
    }
    exclusiveFlag = exclusive;
  } else if (typeof exclusive === 'number' && Number.isFinite(exclusive)) {
    if (draft04) {
      cc.warn(
        `${exclusivePath}: numeric ${exclusiveKey} is not draft-04 syntax; it was applied as ` +
          'draft-06 and later do.',
      );
    }
    checks.push(bound(exclusivePath, exclusiveKey, exclusiveOp, exclusive));
  } else if (exclusive !== undefined) {
    cc.problem(exclusivePath, `must be a number${draft04 ? ' or a boolean' : ''}`);
  }
  if (inclusive !== undefined) {
    checks.push(
      exclusiveFlag
        ? bound(keywordPath(loc, inclusiveKey), inclusiveKey, exclusiveOp, inclusive)
        : bound(keywordPath(loc, inclusiveKey), inclusiveKey, inclusiveOp, inclusive),
    );
  }
  return checks;
}

/** minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf; numbers only. */
export function compileNumberKeywords(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
): Check | null {
  const checks = [
    ...compileSide(s, loc, cc, 'minimum', 'exclusiveMinimum', '>=', '>'),
    ...compileSide(s, loc, cc, 'maximum', 'exclusiveMaximum', '<=', '<'),
  ];
  const divisor = readNumber(s, 'multipleOf', loc, cc);
  if (divisor !== undefined) {
    const path = keywordPath(loc, 'multipleOf');
    if (divisor <= 0) {
      cc.problem(path, `must be a number greater than 0, got ${divisor}`);
    } else {
      const decimals = decimalPlaces(divisor);
      const message = `must be a multiple of ${divisor}`;
      checks.push((v, c) => {
        if (isMultipleOf(v as number, divisor, decimals)) return true;
        if (!c.failFast) c.report(path, 'multipleOf', message);
        return false;
      });
    }
  }
  return checks.length === 0 ? null : forNumbers(every(checks));
}
