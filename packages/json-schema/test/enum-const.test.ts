import { describe, expect, it } from 'vitest';
import { issuesOf, isValid } from './helpers';

describe('enum', () => {
  it.each([
    ['a listed string', 'b', true],
    ['an unlisted string', 'z', false],
    ['a listed number', 2, true],
    ['a number equal to a listed one written differently', 2.0, true],
    ['null when listed', null, true],
    ['a string that looks like a listed number', '2', false],
    ['a boolean not listed', false, false],
  ])('checks %s', (_label, value, expected) => {
    expect(isValid({ enum: ['a', 'b', 2, null, true] }, value)).toBe(expected);
  });

  it('compares objects and arrays deeply, ignoring property order', () => {
    const schema = { enum: [{ a: 1, b: [1, 2] }, [1, { x: 'y' }]] };
    expect(isValid(schema, { b: [1, 2], a: 1 })).toBe(true);
    expect(isValid(schema, [1, { x: 'y' }])).toBe(true);
    expect(isValid(schema, { a: 1, b: [2, 1] })).toBe(false);
    expect(isValid(schema, { a: 1, b: [1, 2], c: 3 })).toBe(false);
    expect(isValid(schema, [1, { x: 'y' }, 2])).toBe(false);
  });

  it('does not confuse false with 0 or true with 1', () => {
    expect(isValid({ enum: [false] }, 0)).toBe(false);
    expect(isValid({ enum: [0] }, false)).toBe(false);
    expect(isValid({ enum: [1] }, true)).toBe(false);
  });

  it('treats 0 and -0 as the same number', () => {
    expect(isValid({ enum: [0] }, -0)).toBe(true);
  });

  it('lists the allowed values in the message', () => {
    expect(issuesOf({ enum: ['phone', 'email'] }, 'fax')[0]).toMatchObject({
      keyword: 'enum',
      schemaPath: '#/enum',
      message: 'must be one of "phone", "email"',
    });
  });

  it('shortens the message of a very long enum', () => {
    const values = Array.from({ length: 30 }, (_, i) => `v${i}`);
    const message = issuesOf({ enum: values }, 'x')[0]?.message ?? '';
    expect(message).toContain('(30 in all)');
    expect(message).not.toContain('v29');
  });

  it('accepts nothing when the enum is empty', () => {
    expect(isValid({ enum: [] }, 'a')).toBe(false);
  });
});

describe('const', () => {
  it.each([
    ['the same string', 'phone', 'phone', true],
    ['a different string', 'phone', 'email', false],
    ['the same number in another spelling', 1, 1.0, true],
    ['null against null', null, null, true],
    ['null against false', null, false, false],
    ['false against 0', false, 0, false],
    [
      'an equal object in another key order',
      { a: 1, b: { c: [1] } },
      { b: { c: [1] }, a: 1 },
      true,
    ],
    ['an object with an extra property', { a: 1 }, { a: 1, b: 2 }, false],
    ['an equal nested array', [[1], [2, [3]]], [[1], [2, [3]]], true],
    ['an array in another order', [1, 2], [2, 1], false],
    ['an empty object against an empty array', {}, [], false],
  ])('compares %s', (_label, expected, value, valid) => {
    expect(isValid({ const: expected }, value)).toBe(valid);
  });

  it('treats properties whose value is undefined as absent', () => {
    expect(isValid({ const: { a: 1 } }, { a: 1, b: undefined })).toBe(true);
  });

  it('checks a const of null (present but null, not missing)', () => {
    expect(isValid({ const: null }, null)).toBe(true);
    expect(isValid({ const: null }, 0)).toBe(false);
  });

  it('names the expected value in the message', () => {
    expect(issuesOf({ const: 'phone' }, 'email')[0]).toMatchObject({
      keyword: 'const',
      message: 'must be equal to "phone"',
    });
  });
});
