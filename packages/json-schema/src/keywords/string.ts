import { FORMATS } from '../formats';
import { every, forStrings } from '../internal/check';
import type { Check } from '../internal/context';
import { plural } from '../internal/describe';
import type { Compiler, Location } from '../internal/location';
import { keywordPath, readCount, readString } from '../internal/shape';
import { codePointLength } from '../internal/unicode';

/** minLength, maxLength (in code points), pattern, format; strings only. */
export function compileStringKeywords(
  s: Record<string, unknown>,
  loc: Location,
  cc: Compiler,
): Check | null {
  const checks: Check[] = [];
  const min = readCount(s, 'minLength', loc, cc);
  if (min !== undefined && min > 0) {
    const path = keywordPath(loc, 'minLength');
    const message = `must have at least ${plural(min, 'character')}`;
    checks.push((v, c) => {
      const text = v as string;
      // UTF-16 length is an upper bound on code points, and at most twice their count
      if (text.length >= 2 * min || (text.length >= min && codePointLength(text) >= min)) {
        return true;
      }
      if (!c.failFast) c.report(path, 'minLength', message);
      return false;
    });
  }
  const max = readCount(s, 'maxLength', loc, cc);
  if (max !== undefined) {
    const path = keywordPath(loc, 'maxLength');
    const message = `must have at most ${plural(max, 'character')}`;
    checks.push((v, c) => {
      const text = v as string;
      if (text.length <= max || codePointLength(text) <= max) return true;
      if (!c.failFast) c.report(path, 'maxLength', message);
      return false;
    });
  }
  const pattern = readString(s, 'pattern', loc, cc);
  if (pattern !== undefined) {
    const path = keywordPath(loc, 'pattern');
    const regex = cc.regex(pattern, path);
    if (regex !== undefined) {
      const message = `must match pattern ${JSON.stringify(pattern)}`;
      checks.push((v, c) => {
        if (regex.test(v as string)) return true;
        if (!c.failFast) c.report(path, 'pattern', message);
        return false;
      });
    }
  }
  const format = readString(s, 'format', loc, cc);
  const test = format === undefined || !cc.assertFormats ? undefined : FORMATS.get(format);
  if (test !== undefined) {
    const path = keywordPath(loc, 'format');
    const message = `must match format ${JSON.stringify(format)}`;
    checks.push((v, c) => {
      if (test(v as string)) return true;
      if (!c.failFast) c.report(path, 'format', message);
      return false;
    });
  }
  return checks.length === 0 ? null : forStrings(every(checks));
}
