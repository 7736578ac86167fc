import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';
import { issuesOf, isValid, problemsOf } from './helpers';

describe('string length', () => {
  it.each([
    [{ minLength: 2 }, 'ab', true],
    [{ minLength: 2 }, 'a', false],
    [{ minLength: 0 }, '', true],
    [{ maxLength: 2 }, 'ab', true],
    [{ maxLength: 2 }, 'abc', false],
    [{ maxLength: 0 }, '', true],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('counts an emoji (a surrogate pair) as one character for maxLength', () => {
    expect('💩💩'.length).toBe(4);
    expect(isValid({ maxLength: 2 }, '💩💩')).toBe(true);
    expect(isValid({ maxLength: 1 }, '💩💩')).toBe(false);
  });

  it('counts an emoji as one character for minLength', () => {
    expect(isValid({ minLength: 2 }, '💩')).toBe(false);
    expect(isValid({ minLength: 2 }, '💩a')).toBe(true);
    expect(isValid({ minLength: 3 }, '💩💩')).toBe(false);
  });

  it('counts a lone surrogate as one character', () => {
    expect(isValid({ maxLength: 1 }, '\ud83d')).toBe(true);
    expect(isValid({ minLength: 2 }, '\ud83da')).toBe(true);
  });

  it('counts combining characters separately, as code points', () => {
    expect(isValid({ maxLength: 1 }, 'e\u0301')).toBe(false);
  });

  it('ignores length keywords for values that are not strings', () => {
    expect(isValid({ minLength: 3 }, 1)).toBe(true);
    expect(isValid({ maxLength: 0 }, ['a'])).toBe(true);
  });

  it('says how many characters are allowed', () => {
    expect(issuesOf({ minLength: 1 }, '')[0]).toMatchObject({
      keyword: 'minLength',
      message: 'must have at least 1 character',
    });
    expect(issuesOf({ maxLength: 3 }, 'abcd')[0]?.message).toBe('must have at most 3 characters');
  });
});

describe('pattern', () => {
  it.each([
    ['^[a-z]+$', 'abc', true],
    ['^[a-z]+$', 'abC', false],
    ['b', 'abc', true],
    ['^\\d{3}$', '123', true],
    ['^\\d{3}$', '1234', false],
    ['^\\p{Lu}', 'Ünïcode', true],
    ['^\\p{Lu}', 'ünïcode', false],
    ['^.$', '💩', true],
  ])('with pattern %j, judges %j as valid: %s', (pattern, value, expected) => {
    expect(isValid({ pattern }, value)).toBe(expected);
  });

  it('is not anchored implicitly', () => {
    expect(isValid({ pattern: 'foo' }, 'xxfooxx')).toBe(true);
  });

  it('ignores non-strings', () => {
    expect(isValid({ pattern: '^a$' }, 42)).toBe(true);
  });

  it('gives the same answer on repeated validation (no lastIndex state)', () => {
    const compiled = compileSchema({ pattern: 'a' });
    for (let i = 0; i < 5; i++) expect(compiled.validate('a').valid).toBe(true);
  });

  it('names the pattern in the message', () => {
    expect(issuesOf({ pattern: '^a' }, 'b')[0]).toMatchObject({
      keyword: 'pattern',
      schemaPath: '#/pattern',
      message: 'must match pattern "^a"',
    });
  });

  it('rejects a pattern that is not a valid regular expression', () => {
    expect(problemsOf({ pattern: '([a-z' })[0]).toMatch(
      /^#\/pattern: "\(\[a-z" is not a valid regular expression/,
    );
  });

  it('accepts a pattern that is only valid without the u flag, with a warning', () => {
    const compiled = compileSchema({ pattern: '^\\_[a-z]+$' });
    expect(compiled.validate('_abc').valid).toBe(true);
    expect(compiled.warnings[0]).toContain('without the unicode (u) flag');
  });
});
