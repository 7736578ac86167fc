import { describe, expect, it } from 'vitest';
import { compileSchema, InvalidSchemaError, type JsonSchema } from '../src/index';
import { problemsOf } from './helpers';

describe('InvalidSchemaError', () => {
  it.each<[string, unknown, string]>([
    [
      'a string instead of a schema',
      'string',
      '#: must be a schema (an object or a boolean), got string',
    ],
    ['null instead of a schema', null, '#: must be a schema (an object or a boolean), got null'],
    ['an array instead of a schema', [], '#: must be a schema (an object or a boolean), got array'],
    ['an unknown type name', { type: 'strng' }, '#/type: unknown type "strng"'],
    [
      'a type array with an unknown name',
      { type: ['string', 'int'] },
      '#/type: unknown type "int"',
    ],
    ['an empty type array', { type: [] }, '#/type: must be a type name or a non-empty array'],
    [
      'required that is not an array',
      { required: 'name' },
      '#/required: must be an array of property-name strings',
    ],
    [
      'required with a non-string',
      { required: ['a', 1] },
      '#/required: must be an array of property-name strings',
    ],
    [
      'properties that is not an object',
      { properties: [] },
      '#/properties: must be an object mapping names to schemas',
    ],
    [
      'a property schema that is not a schema',
      { properties: { a: 'string' } },
      '#/properties/a: must be a schema',
    ],
    [
      'a pattern that does not compile',
      { pattern: '[' },
      '#/pattern: "[" is not a valid regular expression',
    ],
    [
      'a patternProperties key that does not compile',
      { patternProperties: { '(': {} } },
      '#/patternProperties/(: "(" is not a valid regular expression',
    ],
    ['enum that is not an array', { enum: 'a' }, '#/enum: must be an array'],
    [
      'a local $ref that points nowhere',
      { $ref: '#/$defs/missing' },
      '#/$ref: "#/$defs/missing" points to nothing',
    ],
    [
      'a $ref to an undeclared anchor',
      { $ref: '#nowhere' },
      '#/$ref: "#nowhere" names anchor "nowhere"',
    ],
    [
      'a negative minLength',
      { minLength: -1 },
      '#/minLength: must be a non-negative integer, got -1',
    ],
    [
      'a fractional minLength',
      { minLength: 1.5 },
      '#/minLength: must be a non-negative integer, got 1.5',
    ],
    ['a string maxItems', { maxItems: '3' }, '#/maxItems: must be a non-negative integer, got "3"'],
    ['a string minimum', { minimum: '0' }, '#/minimum: must be a number, got "0"'],
    ['a zero multipleOf', { multipleOf: 0 }, '#/multipleOf: must be a number greater than 0'],
    ['a negative multipleOf', { multipleOf: -2 }, '#/multipleOf: must be a number greater than 0'],
    ['an allOf that is not an array', { allOf: {} }, '#/allOf: must be an array of schemas'],
    ['an empty anyOf', { anyOf: [] }, '#/anyOf: must be a non-empty array of schemas'],
    ['a oneOf branch that is not a schema', { oneOf: [1] }, '#/oneOf/0: must be a schema'],
    ['a not that is not a schema', { not: 'x' }, '#/not: must be a schema'],
    ['a non-boolean uniqueItems', { uniqueItems: 'yes' }, '#/uniqueItems: must be a boolean'],
    ['a non-string format', { format: 5 }, '#/format: must be a string'],
    ['a non-string $ref', { $ref: 5 }, '#/$ref: must be a string'],
    [
      'dependentRequired values that are not string arrays',
      { dependentRequired: { a: 'b' } },
      '#/dependentRequired/a: must be an array of property-name strings',
    ],
    [
      'a boolean exclusiveMinimum that is not a boolean or number',
      { exclusiveMinimum: 'x' },
      '#/exclusiveMinimum: must be a number',
    ],
    [
      'an invalid schema deep inside',
      { properties: { a: { items: { type: 'nope' } } } },
      '#/properties/a/items/type: unknown type "nope"',
    ],
    [
      'an invalid schema in an unused $defs entry',
      { $defs: { unused: { minimum: 'x' } } },
      '#/$defs/unused/minimum: must be a number',
    ],
  ])('is thrown for %s', (_label, schema, problem) => {
    const problems = problemsOf(schema);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  it('lists every problem with its location', () => {
    const problems = problemsOf({
      type: 'strng',
      properties: { a: { minLength: -1 } },
      required: 'a',
    });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      '#/properties/a/minLength',
      '#/required',
      '#/type',
    ]);
  });

  it('is an Error with a message that says what to do', () => {
    let caught: unknown;
    try {
      compileSchema({ type: 'strng' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidSchemaError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as InvalidSchemaError;
    expect(error.name).toBe('InvalidSchemaError');
    expect(error.message).toContain('#/type: unknown type "strng"');
    expect(error.message).toContain('Fix the schema definition');
  });

  it('summarises many problems in the message and keeps them all in problems', () => {
    const schema = {
      properties: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}`, { type: 'x' }])),
    };
    let error: InvalidSchemaError | undefined;
    try {
      compileSchema(schema);
    } catch (caught) {
      error = caught as InvalidSchemaError;
    }
    expect(error?.problems).toHaveLength(6);
    expect(error?.message).toContain('and 3 more');
  });

  it('is not thrown for unknown keywords, which are ignored', () => {
    expect(() =>
      compileSchema({ 'x-vendor': { type: 'nope' }, description: 5 } as JsonSchema),
    ).not.toThrow();
  });

  it('is not thrown for an external $ref, which only warns', () => {
    expect(() => compileSchema({ $ref: 'https://example.com/a.json' })).not.toThrow();
  });

  it('rejects an invalid maxIssues option with a RangeError', () => {
    expect(() => compileSchema({}, { maxIssues: 0 })).toThrow(RangeError);
    expect(() => compileSchema({}, { maxIssues: 1.5 })).toThrow(/positive integer/);
  });
});
