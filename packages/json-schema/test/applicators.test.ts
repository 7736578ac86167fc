import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';
import { issuesOf, isValid } from './helpers';

describe('boolean schemas', () => {
  const values = [null, 0, 'x', [], {}, { a: [1] }, false];

  it('true accepts every value', () => {
    for (const value of values) expect(isValid(true, value)).toBe(true);
  });

  it('false rejects every value', () => {
    for (const value of values) expect(isValid(false, value)).toBe(false);
  });

  it('false explains that nothing is allowed', () => {
    expect(issuesOf(false, 1)).toEqual([
      {
        instancePath: '',
        schemaPath: '#',
        keyword: 'false',
        message: 'is not allowed here: the schema at this location is false',
      },
    ]);
  });

  it('an empty object schema accepts every value', () => {
    for (const value of values) expect(isValid({}, value)).toBe(true);
  });
});

describe('allOf', () => {
  const schema = { allOf: [{ type: 'string' }, { minLength: 2 }, { maxLength: 3 }] };

  it.each([
    ['ab', true],
    ['a', false],
    ['abcd', false],
    [12, false],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('reports the failing branch issues themselves', () => {
    expect(issuesOf(schema, 'a')).toEqual([
      expect.objectContaining({ schemaPath: '#/allOf/1/minLength', keyword: 'minLength' }),
    ]);
  });

  it('fails if any branch is false', () => {
    expect(isValid({ allOf: [true, false] }, 1)).toBe(false);
  });
});

describe('anyOf', () => {
  const schema = {
    anyOf: [
      { type: 'string', maxLength: 2 },
      { type: 'number', minimum: 10 },
    ],
  };

  it.each([
    ['ab', true],
    [12, true],
    ['abc', false],
    [5, false],
    [null, false],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('explains why each branch failed, in one issue', () => {
    const issues = issuesOf(schema, 5);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ keyword: 'anyOf', schemaPath: '#/anyOf' });
    expect(issues[0]?.message).toBe(
      'must match at least one schema in anyOf: [0] must be string, got number; [1] must be >= 10',
    );
  });

  it('includes the relative location of a nested branch failure', () => {
    const nested = { anyOf: [{ properties: { a: { type: 'string' } } }, { required: ['b'] }] };
    expect(issuesOf(nested, { a: 1 })[0]?.message).toContain('[0] /a must be string, got number');
  });

  it('passes when any branch is true', () => {
    expect(isValid({ anyOf: [false, true] }, 1)).toBe(true);
  });
});

describe('oneOf', () => {
  const schema = { oneOf: [{ type: 'integer' }, { minimum: 2 }] };

  it.each([
    [1, true],
    [2.5, true],
    [3, false],
    [1.5, false],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('names the branches that both matched', () => {
    expect(issuesOf(schema, 3)[0]?.message).toBe(
      'must match exactly one schema in oneOf, but matches schemas 0 and 1',
    );
  });

  it('explains the branches when none matched', () => {
    expect(issuesOf(schema, 1.5)[0]?.message).toBe(
      'must match exactly one schema in oneOf, but matches none: ' +
        '[0] must be integer, got number; [1] must be >= 2',
    );
  });

  it('fails when two branches are true', () => {
    expect(isValid({ oneOf: [true, true] }, 1)).toBe(false);
    expect(isValid({ oneOf: [true, false] }, 1)).toBe(true);
  });
});

describe('not', () => {
  it.each([
    [{ not: { type: 'string' } }, 1, true],
    [{ not: { type: 'string' } }, 'x', false],
    [{ not: true }, 1, false],
    [{ not: false }, 1, true],
    [{ not: { not: { const: 1 } } }, 1, true],
    [{ not: { not: { const: 1 } } }, 2, false],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('reports a single issue, not the inner schema issues', () => {
    expect(issuesOf({ not: { type: 'string' } }, 'x')).toEqual([
      {
        instancePath: '',
        schemaPath: '#/not',
        keyword: 'not',
        message: 'must not match the schema in "not"',
      },
    ]);
  });
});

describe('if / then / else', () => {
  const schema = {
    if: { properties: { country: { const: 'US' } } },
    then: { properties: { postcode: { pattern: '^[0-9]{5}$' } } },
    else: { properties: { postcode: { pattern: '^[A-Z0-9 ]+$' } } },
  };

  it.each([
    [{ country: 'US', postcode: '12345' }, true],
    [{ country: 'US', postcode: 'AB1 2CD' }, false],
    [{ country: 'GB', postcode: 'AB1 2CD' }, true],
    [{ country: 'GB', postcode: 'ab1' }, false],
    [{ postcode: '12345' }, true],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('reports the issues of the branch that applies', () => {
    expect(issuesOf(schema, { country: 'US', postcode: 'x' })[0]).toMatchObject({
      instancePath: '/postcode',
      schemaPath: '#/then/properties/postcode/pattern',
    });
  });

  it('never reports the issues of the if schema itself', () => {
    expect(issuesOf({ if: { type: 'string' }, then: true, else: true }, 1)).toEqual([]);
  });

  it('does nothing with then or else but no if', () => {
    expect(isValid({ then: false }, 1)).toBe(true);
    expect(isValid({ else: false }, 1)).toBe(true);
  });

  it('applies only then when there is no else', () => {
    expect(isValid({ if: { minimum: 10 }, then: { multipleOf: 2 } }, 11)).toBe(false);
    expect(isValid({ if: { minimum: 10 }, then: { multipleOf: 2 } }, 5)).toBe(true);
  });

  it('applies only else when there is no then', () => {
    expect(isValid({ if: { minimum: 10 }, else: { multipleOf: 2 } }, 5)).toBe(false);
    expect(isValid({ if: { minimum: 10 }, else: { multipleOf: 2 } }, 11)).toBe(true);
  });

  it('works in draft-07', () => {
    const draft07 = { $schema: 'http://json-schema.org/draft-07/schema#', ...schema };
    expect(isValid(draft07, { country: 'US', postcode: 'AB' })).toBe(false);
  });
});

describe('combined keywords', () => {
  it('applies every keyword of a schema together', () => {
    const compiled = compileSchema({
      type: 'object',
      required: ['tags'],
      properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
      not: { required: ['forbidden'] },
    });
    expect(compiled.validate({ tags: ['a', 'b'] }).valid).toBe(true);
    expect(compiled.validate({ tags: ['a', 'a'] }).valid).toBe(false);
    expect(compiled.validate({ tags: [], forbidden: 1 }).valid).toBe(false);
  });
});
