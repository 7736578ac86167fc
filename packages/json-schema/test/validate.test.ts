import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';

describe('validate', () => {
  const schema = compileSchema({
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
  });

  it('returns { valid: true } for a valid value', () => {
    expect(schema.validate({ message: 'hi' })).toEqual({ valid: true });
  });

  it('returns the same frozen result for every valid value, allocating nothing', () => {
    const first = schema.validate({ message: 'a' });
    const second = schema.validate({ message: 'b' });
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('returns fresh issues for every invalid value', () => {
    const first = schema.validate({});
    const second = schema.validate({ message: 1 });
    expect(first).not.toBe(second);
    expect(first.valid === false && first.issues[0]?.message).toBe(
      'must have required property "message"',
    );
    expect(second.valid === false && second.issues[0]?.message).toBe('must be string, got number');
  });

  it('gives the same answer before and after an invalid value', () => {
    expect(schema.validate({}).valid).toBe(false);
    expect(schema.validate({ message: 'x' }).valid).toBe(true);
    expect(schema.validate({}).valid).toBe(false);
  });

  it('can be detached from the compiled schema', () => {
    const { validate } = schema;
    expect(validate({ message: 'x' }).valid).toBe(true);
    expect([{ message: 'x' }, {}].map(schema.validate).map((r) => r.valid)).toEqual([true, false]);
  });

  it('never mutates the value', () => {
    const value = Object.freeze({ message: Object.freeze(['not a string']) });
    expect(() => schema.validate(value)).not.toThrow();
  });

  it('stops after maxIssues issues (10 by default)', () => {
    const many = compileSchema({ items: { type: 'string' } });
    const result = many.validate(Array.from({ length: 50 }, (_, i) => i));
    expect(result.valid === false && result.issues).toHaveLength(10);
    const few = compileSchema({ items: { type: 'string' } }, { maxIssues: 2 });
    const limited = few.validate([1, 2, 3]);
    expect(limited.valid === false && limited.issues.map((i) => i.instancePath)).toEqual([
      '/0',
      '/1',
    ]);
  });

  it('reports issues in a shape a human can act on', () => {
    const address = compileSchema({
      type: 'object',
      properties: {
        address: {
          type: 'object',
          properties: {
            street: { type: 'string' },
            zip: { type: 'string', pattern: '^[0-9]{5}$' },
          },
          required: ['street'],
        },
        age: { type: 'integer', minimum: 0 },
      },
    });
    const result = address.validate({ address: { zip: '123' }, age: -1 });
    expect(result).toEqual({
      valid: false,
      issues: [
        {
          instancePath: '/address',
          schemaPath: '#/properties/address/required',
          keyword: 'required',
          message: 'must have required property "street"',
        },
        {
          instancePath: '/address/zip',
          schemaPath: '#/properties/address/properties/zip/pattern',
          keyword: 'pattern',
          message: 'must match pattern "^[0-9]{5}$"',
        },
        {
          instancePath: '/age',
          schemaPath: '#/properties/age/minimum',
          keyword: 'minimum',
          message: 'must be >= 0',
        },
      ],
    });
  });

  it('compiles deeply frozen schemas, never writing to them', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        for (const inner of Object.values(value)) deepFreeze(inner);
        Object.freeze(value);
      }
      return value;
    };
    const frozen = deepFreeze({
      $defs: {
        node: { properties: { next: { $ref: '#/$defs/node' } }, unevaluatedProperties: false },
      },
      $ref: '#/$defs/node',
    });
    expect(compileSchema(frozen).validate({ next: { next: {} } }).valid).toBe(true);
    expect(compileSchema(frozen).validate({ next: { other: 1 } }).valid).toBe(false);
  });

  it('has no warnings for an ordinary schema', () => {
    expect(schema.warnings).toEqual([]);
    expect(Object.isFrozen(schema.warnings)).toBe(true);
  });
});
