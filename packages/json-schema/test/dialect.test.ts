import { describe, expect, it } from 'vitest';
import { compileSchema, type Dialect, detectDialect } from '../src/index';

describe('detectDialect', () => {
  it.each<[string, Dialect]>([
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['http://json-schema.org/draft-04/schema', 'draft-04'],
    ['https://json-schema.org/draft-04/schema#', 'draft-04'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-07/schema#', 'draft-07'],
    ['https://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['http://json-schema.org/draft/2019-09/schema#', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12'],
  ])('reads %s as %s', ($schema, dialect) => {
    expect(detectDialect({ $schema })).toBe(dialect);
  });

  it('defaults to 2020-12 without $schema', () => {
    expect(detectDialect({ type: 'string' })).toBe('2020-12');
  });

  it('uses the given fallback without $schema or with an unknown one', () => {
    expect(detectDialect({}, 'draft-07')).toBe('draft-07');
    expect(detectDialect({ $schema: 'https://example.com/my-meta' }, 'draft-04')).toBe('draft-04');
  });

  it('uses the fallback for boolean schemas', () => {
    expect(detectDialect(true)).toBe('2020-12');
    expect(detectDialect(false, '2019-09')).toBe('2019-09');
  });
});

describe('dialect of a compiled schema', () => {
  it('comes from $schema', () => {
    expect(compileSchema({ $schema: 'http://json-schema.org/draft-07/schema#' }).dialect).toBe(
      'draft-07',
    );
  });

  it('comes from defaultDialect when there is no $schema', () => {
    expect(compileSchema({}).dialect).toBe('2020-12');
    expect(compileSchema({}, { defaultDialect: 'draft-07' }).dialect).toBe('draft-07');
  });

  it('falls back to defaultDialect with a warning for an unknown $schema', () => {
    const compiled = compileSchema(
      { $schema: 'https://example.com/custom-meta' },
      { defaultDialect: 'draft-07' },
    );
    expect(compiled.dialect).toBe('draft-07');
    expect(compiled.warnings).toHaveLength(1);
    expect(compiled.warnings[0]).toContain('"https://example.com/custom-meta" is not a dialect');
  });

  it('applies defaultDialect semantics to schemas without $schema', () => {
    const tuple = { items: [{ type: 'string' }], additionalItems: false };
    expect(compileSchema(tuple, { defaultDialect: 'draft-07' }).validate(['a', 'b']).valid).toBe(
      false,
    );
    const siblings = {
      definitions: { s: { type: 'string' } },
      $ref: '#/definitions/s',
      minLength: 5,
    };
    expect(compileSchema(siblings, { defaultDialect: 'draft-07' }).validate('ab').valid).toBe(true);
    expect(compileSchema(siblings).validate('ab').valid).toBe(false);
  });

  it('switches dialect for an embedded resource with its own $schema', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: {
        legacy: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          $id: 'https://example.com/legacy.json',
          items: [{ type: 'string' }],
          additionalItems: false,
        },
      },
      $ref: 'https://example.com/legacy.json',
    };
    const compiled = compileSchema(schema);
    expect(compiled.validate(['a']).valid).toBe(true);
    expect(compiled.validate(['a', 'b']).valid).toBe(false);
    expect(compiled.warnings).toEqual([]);
  });

  it('reads id (not $id) as the identifier in draft-04', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      definitions: { a: { id: 'http://example.com/a.json', type: 'integer' } },
      $ref: 'http://example.com/a.json',
    };
    expect(compileSchema(schema).validate('x').valid).toBe(false);
  });
});
