import { describe, expect, it } from 'vitest';
import { issuesOf, isValid } from './helpers';

describe('properties', () => {
  const schema = { properties: { a: { type: 'string' }, b: { type: 'number' } } };

  it.each([
    [{ a: 'x', b: 1 }, true],
    [{ a: 'x' }, true],
    [{}, true],
    [{ a: 1 }, false],
    [{ a: 'x', b: 'y' }, false],
    [{ c: 'anything' }, true],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('ignores values that are not objects', () => {
    expect(isValid(schema, ['a'])).toBe(true);
    expect(isValid(schema, 'a')).toBe(true);
  });

  it('treats a property whose value is undefined as absent', () => {
    expect(isValid(schema, { a: undefined })).toBe(true);
  });

  it('does not look at inherited properties', () => {
    const inherited = Object.create({ a: 1 }) as object;
    expect(isValid(schema, inherited)).toBe(true);
    expect(isValid({ properties: { toString: { type: 'string' } } }, {})).toBe(true);
    expect(isValid({ properties: { constructor: { type: 'string' } } }, {})).toBe(true);
  });

  it('validates own properties named like Object.prototype members', () => {
    const parsed = JSON.parse('{"__proto__": 1, "constructor": 2}');
    const protoSchema = JSON.parse('{"properties": {"__proto__": {"type": "string"}}}');
    expect(isValid(protoSchema, parsed)).toBe(false);
    expect(isValid(protoSchema, JSON.parse('{"__proto__": "x"}'))).toBe(true);
    expect(isValid({ properties: { constructor: { type: 'string' } } }, parsed)).toBe(false);
  });

  it('validates objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(isValid(schema, bare)).toBe(false);
  });

  it('reports nested failures with JSON pointer paths', () => {
    const nested = {
      properties: { address: { properties: { street: { type: 'string' } }, required: ['city'] } },
    };
    expect(issuesOf(nested, { address: { street: 5 } })).toEqual([
      {
        instancePath: '/address',
        schemaPath: '#/properties/address/required',
        keyword: 'required',
        message: 'must have required property "city"',
      },
      {
        instancePath: '/address/street',
        schemaPath: '#/properties/address/properties/street/type',
        keyword: 'type',
        message: 'must be string, got number',
      },
    ]);
  });

  it('escapes ~ and / in instance and schema paths', () => {
    const issue = issuesOf({ properties: { 'a/b~c': { type: 'string' } } }, { 'a/b~c': 1 })[0];
    expect(issue?.instancePath).toBe('/a~1b~0c');
    expect(issue?.schemaPath).toBe('#/properties/a~1b~0c/type');
  });

  it('rejects a present property whose schema is false', () => {
    expect(isValid({ properties: { secret: false } }, { secret: 1 })).toBe(false);
    expect(isValid({ properties: { secret: false } }, {})).toBe(true);
    expect(issuesOf({ properties: { secret: false } }, { secret: 1 })[0]?.instancePath).toBe(
      '/secret',
    );
  });
});

describe('required', () => {
  it.each([
    [{ a: 1, b: 2 }, true],
    [{ a: 1 }, false],
    [{ a: 1, b: null }, true],
    [{ a: 1, b: undefined }, false],
    [{}, false],
  ])('with required [a, b], judges %j as valid: %s', (value, expected) => {
    expect(isValid({ required: ['a', 'b'] }, value)).toBe(expected);
  });

  it('is not satisfied by inherited properties', () => {
    expect(isValid({ required: ['toString'] }, {})).toBe(false);
    expect(isValid({ required: ['constructor'] }, {})).toBe(false);
    expect(isValid({ required: ['a'] }, Object.create({ a: 1 }))).toBe(false);
  });

  it('ignores non-objects', () => {
    expect(isValid({ required: ['a'] }, [])).toBe(true);
  });

  it('accepts an empty required list', () => {
    expect(isValid({ required: [] }, {})).toBe(true);
  });

  it('reports every missing property', () => {
    expect(issuesOf({ required: ['email', 'name'] }, {}).map((issue) => issue.message)).toEqual([
      'must have required property "email"',
      'must have required property "name"',
    ]);
  });
});

describe('patternProperties', () => {
  const schema = { patternProperties: { '^s_': { type: 'string' }, '^n_': { type: 'number' } } };

  it.each([
    [{ s_a: 'x', n_b: 1 }, true],
    [{ s_a: 1 }, false],
    [{ n_b: 'x' }, false],
    [{ other: null }, true],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('applies every matching pattern', () => {
    const both = { patternProperties: { a: { type: 'string' }, b: { minLength: 3 } } };
    expect(isValid(both, { ab: 'xyz' })).toBe(true);
    expect(isValid(both, { ab: 'xy' })).toBe(false);
  });

  it('uses unicode-aware patterns', () => {
    expect(isValid({ patternProperties: { '^\\p{L}+$': { type: 'number' } } }, { ünï: 'x' })).toBe(
      false,
    );
  });
});

describe('additionalProperties', () => {
  const schema = {
    properties: { a: {} },
    patternProperties: { '^x-': {} },
    additionalProperties: false,
  };

  it.each([
    [{ a: 1 }, true],
    [{ a: 1, 'x-custom': 2 }, true],
    [{ a: 1, b: 2 }, false],
    [{}, true],
    [{ b: undefined }, true],
  ])('with additionalProperties false, judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('names each additional property', () => {
    expect(issuesOf(schema, { b: 1, c: 2 }).map((issue) => issue.message)).toEqual([
      'must not have additional property "b"',
      'must not have additional property "c"',
    ]);
  });

  it('validates additional properties against a schema', () => {
    const typed = {
      properties: { id: { type: 'integer' } },
      additionalProperties: { type: 'string' },
    };
    expect(isValid(typed, { id: 1, name: 'x' })).toBe(true);
    expect(isValid(typed, { id: 1, name: 2 })).toBe(false);
    expect(issuesOf(typed, { id: 1, name: 2 })[0]?.instancePath).toBe('/name');
  });

  it('rejects every property when alone and false', () => {
    expect(isValid({ additionalProperties: false }, {})).toBe(true);
    expect(isValid({ additionalProperties: false }, { a: 1 })).toBe(false);
  });

  it('does not count properties whose name matches Object.prototype as known', () => {
    expect(
      isValid(
        { properties: { a: {} }, additionalProperties: false },
        JSON.parse('{"toString": 1}'),
      ),
    ).toBe(false);
  });

  it('finds additional properties on objects with a custom prototype', () => {
    class Point {
      x = 1;
      z = 2;
    }
    expect(isValid({ properties: { x: {} }, additionalProperties: false }, new Point())).toBe(
      false,
    );
  });
});

describe('propertyNames', () => {
  it.each([
    [{ propertyNames: { maxLength: 3 } }, { abc: 1, de: 2 }, true],
    [{ propertyNames: { maxLength: 3 } }, { abcd: 1 }, false],
    [{ propertyNames: { pattern: '^[a-z]+$' } }, { Abc: 1 }, false],
    [{ propertyNames: false }, {}, true],
    [{ propertyNames: false }, { a: 1 }, false],
    [{ propertyNames: { type: 'string' } }, { 1: 1 }, true],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('explains which property name is invalid and why', () => {
    expect(issuesOf({ propertyNames: { pattern: '^[a-z]+$' } }, { Abc: 1 })[0]).toMatchObject({
      instancePath: '',
      schemaPath: '#/propertyNames',
      keyword: 'propertyNames',
      message: 'property name "Abc" is invalid: must match pattern "^[a-z]+$"',
    });
  });
});

describe('minProperties, maxProperties', () => {
  it.each([
    [{ minProperties: 1 }, {}, false],
    [{ minProperties: 1 }, { a: 1 }, true],
    [{ minProperties: 1 }, { a: undefined }, false],
    [{ maxProperties: 1 }, { a: 1 }, true],
    [{ maxProperties: 1 }, { a: 1, b: 2 }, false],
    [{ maxProperties: 0 }, [], true],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('says how many properties are allowed', () => {
    expect(issuesOf({ minProperties: 2 }, { a: 1 })[0]?.message).toBe(
      'must have at least 2 properties',
    );
    expect(issuesOf({ maxProperties: 1 }, { a: 1, b: 2 })[0]?.message).toBe(
      'must have at most 1 property',
    );
  });
});

describe('dependentRequired and dependentSchemas', () => {
  const required = { dependentRequired: { creditCard: ['billingAddress'] } };

  it.each([
    [{ creditCard: 1, billingAddress: 'x' }, true],
    [{ creditCard: 1 }, false],
    [{ billingAddress: 'x' }, true],
    [{}, true],
  ])('with dependentRequired, judges %j as valid: %s', (value, expected) => {
    expect(isValid(required, value)).toBe(expected);
  });

  it('explains which property requires which', () => {
    expect(issuesOf(required, { creditCard: 1 })[0]).toMatchObject({
      keyword: 'dependentRequired',
      schemaPath: '#/dependentRequired/creditCard',
      message: 'must have property "billingAddress" when property "creditCard" is present',
    });
  });

  const schemas = {
    dependentSchemas: {
      creditCard: { properties: { cvv: { type: 'string' } }, required: ['cvv'] },
    },
  };

  it.each([
    [{ creditCard: 1, cvv: '123' }, true],
    [{ creditCard: 1 }, false],
    [{ creditCard: 1, cvv: 123 }, false],
    [{ cvv: 123 }, true],
  ])('with dependentSchemas, judges %j as valid: %s', (value, expected) => {
    expect(isValid(schemas, value)).toBe(expected);
  });

  it('rejects a present trigger property whose dependent schema is false', () => {
    expect(isValid({ dependentSchemas: { a: false } }, { a: 1 })).toBe(false);
    expect(isValid({ dependentSchemas: { a: false } }, { b: 1 })).toBe(true);
  });
});

describe('dependencies (draft-07 and earlier)', () => {
  const $schema = 'http://json-schema.org/draft-07/schema#';
  const schema = {
    $schema,
    dependencies: {
      bar: ['foo'],
      quux: { properties: { foo: { type: 'integer' } }, required: ['foo'] },
    },
  };

  it.each([
    [{ bar: 1, foo: 2 }, true],
    [{ bar: 1 }, false],
    [{ quux: 1, foo: 2 }, true],
    [{ quux: 1, foo: 'x' }, false],
    [{ quux: 1 }, false],
    [{ foo: 'x' }, true],
    ['not an object', true],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('reports the array form under dependencies', () => {
    expect(issuesOf(schema, { bar: 1 })[0]).toMatchObject({
      keyword: 'dependencies',
      schemaPath: '#/dependencies/bar',
      message: 'must have property "foo" when property "bar" is present',
    });
  });

  it('is also understood in newer dialects', () => {
    expect(isValid({ dependencies: { a: ['b'] } }, { a: 1 })).toBe(false);
  });
});
