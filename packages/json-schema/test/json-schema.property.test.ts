import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDefaults, compileSchema, InvalidSchemaError, type JsonSchema } from '../src/index';

describe('validation properties (property-based)', () => {
  it('accepts every JSON value against a const of itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(compileSchema({ const: value }).validate(value).valid).toBe(true);
      }),
    );
  });

  it('accepts every JSON value against an enum listing it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 3 }), (value, others) => {
        expect(compileSchema({ enum: [...others, value] }).validate(value).valid).toBe(true);
      }),
    );
  });

  it('treats a value and its JSON round-trip as equal in both directions', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        expect(compileSchema({ const: copy }).validate(value).valid).toBe(true);
        expect(compileSchema({ const: value }).validate(copy).valid).toBe(true);
      }),
    );
  });

  it('rejects a value against a const of a different JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        // Objects with the same members in another order are equal, so compare canonically
        const sameMembers = canonical(a) === canonical(b);
        expect(compileSchema({ const: a }).validate(b).valid).toBe(sameMembers);
      }),
    );
  });

  it('accepts everything against true and rejects everything against false', () => {
    const yes = compileSchema(true);
    const no = compileSchema(false);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(yes.validate(value).valid).toBe(true);
        expect(no.validate(value).valid).toBe(false);
      }),
    );
  });

  it('agrees with a direct check for the type keyword', () => {
    const types = ['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'] as const;
    const direct: Record<(typeof types)[number], (v: unknown) => boolean> = {
      null: (v) => v === null,
      boolean: (v) => typeof v === 'boolean',
      object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      array: Array.isArray,
      number: (v) => typeof v === 'number',
      string: (v) => typeof v === 'string',
      integer: (v) => Number.isInteger(v),
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...types), (value, type) => {
        expect(compileSchema({ type }).validate(value).valid).toBe(direct[type](value));
      }),
    );
  });

  it('counts string length in code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        const length = [...text].length;
        expect(compileSchema({ minLength: length, maxLength: length }).validate(text).valid).toBe(
          true,
        );
        if (length > 0)
          expect(compileSchema({ maxLength: length - 1 }).validate(text).valid).toBe(false);
      }),
    );
  });

  it('reports issues only for invalid values, and always at least one', () => {
    const schema = compileSchema({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'integer' } } },
      required: ['a'],
    });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = schema.validate(value);
        if (!result.valid) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never mutates the value in applyDefaults, and keeps every given property', () => {
    const schema = {
      properties: { a: { default: 1 }, b: { properties: { c: { default: [1] } } } },
    };
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const before = JSON.stringify(value);
        const result = applyDefaults(schema, value) as Record<string, unknown>;
        expect(JSON.stringify(value)).toBe(before);
        for (const key of Object.keys(value)) expect(Object.hasOwn(result, key)).toBe(true);
        expect(Object.hasOwn(result, 'a')).toBe(true);
      }),
    );
  });
});

// Schemas built from real keywords with values of the right and the wrong shapes
const KEYWORDS = [
  'type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength',
  'minLength pattern format items prefixItems additionalItems contains maxItems minItems',
  'uniqueItems maxContains minContains maxProperties minProperties required properties',
  'patternProperties additionalProperties propertyNames dependencies dependentRequired',
  'dependentSchemas allOf anyOf oneOf not if then else unevaluatedItems',
  'unevaluatedProperties $ref $defs definitions $id $anchor $dynamicRef $dynamicAnchor',
  '$recursiveRef $recursiveAnchor $schema default id',
]
  .join(' ')
  .split(' ');
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.nat(5),
  fc.constantFrom(
    'string',
    'object',
    'integer',
    '#',
    '#/$defs/a',
    '#a',
    'a.json',
    'https://example.com/x',
    '^a',
    '[',
    'email',
    'date-time',
    'http://json-schema.org/draft-07/schema#',
    'https://json-schema.org/draft/2019-09/schema',
  ),
);
const { schema: arbitrarySchema } = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    fc.boolean(),
    fc.dictionary(
      fc.constantFrom(...KEYWORDS),
      fc.oneof(
        leaf,
        tie('schema'),
        fc.array(tie('schema'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }),
      ),
      { maxKeys: 5 },
    ),
  ),
}));

describe('robustness (property-based)', () => {
  it('either compiles a schema or throws InvalidSchemaError, and validate never throws', () => {
    fc.assert(
      fc.property(
        arbitrarySchema,
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }),
        (schema, values) => {
          let compiled: ReturnType<typeof compileSchema>;
          try {
            compiled = compileSchema(schema as JsonSchema, { formats: 'assert', maxIssues: 3 });
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidSchemaError);
            return;
          }
          for (const value of values) {
            const result = compiled.validate(value);
            if (!result.valid) expect(result.issues.length).toBeGreaterThan(0);
            applyDefaults(schema as JsonSchema, value);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
