import { describe, expect, it } from 'vitest';
import { issuesOf, isValid } from './helpers';

describe('unevaluatedProperties', () => {
  it('rejects properties no keyword evaluated', () => {
    const schema = { properties: { a: {} }, unevaluatedProperties: false };
    expect(isValid(schema, { a: 1 })).toBe(true);
    expect(isValid(schema, { a: 1, b: 2 })).toBe(false);
  });

  it('names each unevaluated property', () => {
    expect(issuesOf({ unevaluatedProperties: false }, { x: 1 })[0]).toMatchObject({
      instancePath: '',
      schemaPath: '#/unevaluatedProperties',
      keyword: 'unevaluatedProperties',
      message: 'must not have unevaluated property "x"',
    });
  });

  it('sees properties evaluated by allOf branches', () => {
    const schema = {
      allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'number' } } }],
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { a: 'x', b: 1 })).toBe(true);
    expect(isValid(schema, { a: 'x', b: 1, c: true })).toBe(false);
  });

  it('is the point of unevaluatedProperties: additionalProperties cannot see into allOf', () => {
    const withAdditional = {
      allOf: [{ properties: { a: {} } }],
      properties: { b: {} },
      additionalProperties: false,
    };
    expect(isValid(withAdditional, { a: 1, b: 2 })).toBe(false);
    const withUnevaluated = {
      allOf: [{ properties: { a: {} } }],
      properties: { b: {} },
      unevaluatedProperties: false,
    };
    expect(isValid(withUnevaluated, { a: 1, b: 2 })).toBe(true);
  });

  it('sees properties from the then branch when if passes, and from if itself', () => {
    const schema = {
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      then: { properties: { alpha: { type: 'string' } } },
      else: { properties: { beta: { type: 'string' } } },
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { kind: 'a', alpha: 'x' })).toBe(true);
    expect(isValid(schema, { kind: 'a', beta: 'x' })).toBe(false);
  });

  it('sees properties from the else branch, but not from the failed if', () => {
    const schema = {
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      then: { properties: { alpha: { type: 'string' } } },
      else: { properties: { beta: { type: 'string' } } },
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { beta: 'x' })).toBe(true);
    expect(isValid(schema, { kind: 'b', beta: 'x' })).toBe(false);
    expect(isValid(schema, { alpha: 'x' })).toBe(false);
  });

  it('only counts anyOf branches that passed', () => {
    const schema = {
      anyOf: [
        { properties: { a: { type: 'string' } }, required: ['a'] },
        { properties: { b: { type: 'string' } }, required: ['b'] },
      ],
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { a: 'x' })).toBe(true);
    expect(isValid(schema, { a: 'x', b: 'y' })).toBe(true);
    expect(isValid(schema, { a: 'x', b: 1 })).toBe(false);
  });

  it('counts only the oneOf branch that passed', () => {
    const schema = {
      oneOf: [
        { properties: { a: {} }, required: ['a'] },
        { properties: { b: {} }, required: ['b'] },
      ],
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { a: 1 })).toBe(true);
    expect(isValid(schema, { b: 1 })).toBe(true);
  });

  it('ignores annotations from not', () => {
    const schema = { not: { not: { properties: { a: {} } } }, unevaluatedProperties: false };
    expect(isValid(schema, { a: 1 })).toBe(false);
  });

  it('sees properties evaluated through $ref', () => {
    const schema = {
      $defs: { base: { properties: { id: { type: 'integer' } } } },
      $ref: '#/$defs/base',
      properties: { name: { type: 'string' } },
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { id: 1, name: 'x' })).toBe(true);
    expect(isValid(schema, { id: 1, name: 'x', extra: 1 })).toBe(false);
  });

  it('sees properties evaluated by dependentSchemas that applied', () => {
    const schema = {
      properties: { a: {} },
      dependentSchemas: { a: { properties: { b: {} } } },
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { a: 1, b: 2 })).toBe(true);
    expect(isValid(schema, { b: 2 })).toBe(false);
  });

  it('sees patternProperties and additionalProperties as evaluating', () => {
    expect(
      isValid({ patternProperties: { '^x': {} }, unevaluatedProperties: false }, { xa: 1 }),
    ).toBe(true);
    expect(isValid({ additionalProperties: true, unevaluatedProperties: false }, { q: 1 })).toBe(
      true,
    );
  });

  it('validates unevaluated properties against a schema', () => {
    const schema = { properties: { a: {} }, unevaluatedProperties: { type: 'string' } };
    expect(isValid(schema, { a: 1, b: 'x' })).toBe(true);
    expect(isValid(schema, { a: 1, b: 2 })).toBe(false);
    expect(issuesOf(schema, { a: 1, b: 2 })[0]?.instancePath).toBe('/b');
  });

  it('does not see into properties of nested objects', () => {
    const schema = {
      properties: { inner: { properties: { a: {} } } },
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { inner: { a: 1, z: 2 } })).toBe(true);
    expect(isValid(schema, { a: 1 })).toBe(false);
  });

  it('treats a nested unevaluatedProperties as evaluating everything for the outer one', () => {
    const schema = {
      allOf: [{ properties: { a: {} }, unevaluatedProperties: true }],
      unevaluatedProperties: false,
    };
    expect(isValid(schema, { a: 1, b: 2 })).toBe(true);
  });

  it('does not let a nested unevaluatedProperties see the outer properties', () => {
    const schema = {
      properties: { a: {} },
      allOf: [{ unevaluatedProperties: false }],
    };
    expect(isValid(schema, { a: 1 })).toBe(false);
  });

  it('ignores values that are not objects', () => {
    expect(isValid({ unevaluatedProperties: false }, [1, 2])).toBe(true);
    expect(isValid({ unevaluatedProperties: false }, 'x')).toBe(true);
  });

  it('works in a recursive schema', () => {
    const schema = {
      $defs: {
        node: {
          properties: { value: {}, next: { $ref: '#/$defs/node' } },
          unevaluatedProperties: false,
        },
      },
      $ref: '#/$defs/node',
    };
    expect(isValid(schema, { value: 1, next: { value: 2, next: { value: 3 } } })).toBe(true);
    expect(isValid(schema, { value: 1, next: { value: 2, oops: 3 } })).toBe(false);
  });
});

describe('unevaluatedItems', () => {
  it('rejects items no keyword evaluated', () => {
    const schema = { prefixItems: [{ type: 'string' }], unevaluatedItems: false };
    expect(isValid(schema, ['a'])).toBe(true);
    expect(isValid(schema, ['a', 'b'])).toBe(false);
    expect(issuesOf(schema, ['a', 'b'])[0]).toMatchObject({
      keyword: 'unevaluatedItems',
      message: 'must not have unevaluated item at index 1',
    });
  });

  it('sees items evaluated in allOf branches', () => {
    const schema = {
      allOf: [{ prefixItems: [true, true] }],
      prefixItems: [true],
      unevaluatedItems: false,
    };
    expect(isValid(schema, [1, 2])).toBe(true);
    expect(isValid(schema, [1, 2, 3])).toBe(false);
  });

  it('sees items matched by contains in 2020-12', () => {
    const schema = { contains: { type: 'string' }, unevaluatedItems: { type: 'number' } };
    expect(isValid(schema, ['a', 1, 'b', 2])).toBe(true);
    expect(isValid(schema, ['a', true])).toBe(false);
  });

  it('does not count contains matches in 2019-09', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      contains: { type: 'string' },
      unevaluatedItems: false,
    };
    expect(isValid(schema, ['a'])).toBe(false);
  });

  it('sees array-form items and additionalItems in 2019-09', () => {
    const $schema = 'https://json-schema.org/draft/2019-09/schema';
    expect(isValid({ $schema, items: [true], unevaluatedItems: false }, [1, 2])).toBe(false);
    expect(
      isValid({ $schema, items: [true], additionalItems: true, unevaluatedItems: false }, [1, 2]),
    ).toBe(true);
    expect(isValid({ $schema, items: true, unevaluatedItems: false }, [1, 2])).toBe(true);
  });

  it('sees items evaluated through if/then', () => {
    const schema = {
      if: { prefixItems: [{ const: 'tuple' }] },
      then: { prefixItems: [true, { type: 'number' }] },
      unevaluatedItems: false,
    };
    expect(isValid(schema, ['tuple', 1])).toBe(true);
    expect(isValid(schema, ['tuple', 1, 2])).toBe(false);
    expect(isValid(schema, ['other'])).toBe(false);
  });

  it('validates unevaluated items against a schema', () => {
    const schema = { prefixItems: [true], unevaluatedItems: { type: 'boolean' } };
    expect(isValid(schema, [1, true, false])).toBe(true);
    expect(issuesOf(schema, [1, true, 'x'])[0]?.instancePath).toBe('/2');
  });
});
