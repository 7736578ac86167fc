import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';
import { issuesOf, isValid } from './helpers';

const draft07 = 'http://json-schema.org/draft-07/schema#';
const draft201909 = 'https://json-schema.org/draft/2019-09/schema';

describe('items (schema form)', () => {
  const schema = { items: { type: 'integer' } };

  it.each([
    [[], true],
    [[1, 2, 3], true],
    [[1, 'x', 3], false],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('ignores values that are not arrays', () => {
    expect(isValid(schema, { 0: 'x', length: 1 })).toBe(true);
  });

  it('points at the failing item', () => {
    expect(issuesOf(schema, [1, 'x'])[0]).toMatchObject({
      instancePath: '/1',
      schemaPath: '#/items/type',
    });
  });

  it('applies to every item in every dialect', () => {
    for (const $schema of [draft07, draft201909]) {
      expect(isValid({ $schema, items: { type: 'string' } }, ['a', 1])).toBe(false);
    }
  });

  it('accepts anything with items: true and only empty arrays with items: false', () => {
    expect(isValid({ items: true }, [1, 'a'])).toBe(true);
    expect(isValid({ items: false }, [])).toBe(true);
    expect(isValid({ items: false }, [1])).toBe(false);
  });
});

describe('prefixItems and items (2020-12)', () => {
  const schema = { prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };

  it.each([
    [['a', 1], true],
    [['a'], true],
    [[], true],
    [[1, 1], false],
    [['a', 1, 'extra'], false],
  ])('judges the tuple %j as valid: %s', (value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('applies items to the elements after the tuple only', () => {
    const open = { prefixItems: [{ type: 'string' }], items: { type: 'number' } };
    expect(isValid(open, ['a', 1, 2])).toBe(true);
    expect(isValid(open, ['a', 'b'])).toBe(false);
    expect(isValid(open, [1])).toBe(false);
  });

  it('allows extra items when items is absent', () => {
    expect(isValid({ prefixItems: [{ type: 'string' }] }, ['a', 1, null])).toBe(true);
  });

  it('reports too many items at the array when items is false', () => {
    expect(issuesOf(schema, ['a', 1, 2])[0]).toMatchObject({
      instancePath: '',
      schemaPath: '#/items',
      keyword: 'items',
      message: 'must have at most 2 items',
    });
  });

  it('ignores additionalItems in 2020-12, with a warning', () => {
    const compiled = compileSchema({ prefixItems: [{}], additionalItems: false });
    expect(compiled.validate([1, 2]).valid).toBe(true);
    expect(compiled.warnings[0]).toContain('additionalItems is not a 2020-12 keyword');
  });

  it('reads array-form items in a 2020-12 schema as prefixItems, with a warning', () => {
    const compiled = compileSchema({ items: [{ type: 'string' }], additionalItems: false });
    expect(compiled.validate(['a']).valid).toBe(true);
    expect(compiled.validate([1]).valid).toBe(false);
    expect(compiled.validate(['a', 'b']).valid).toBe(false);
    expect(compiled.warnings[0]).toContain('array-form items');
  });
});

describe('array-form items and additionalItems (draft-07 and 2019-09)', () => {
  for (const $schema of [draft07, draft201909]) {
    describe($schema, () => {
      const schema = {
        $schema,
        items: [{ type: 'string' }, { type: 'number' }],
        additionalItems: false,
      };

      it('validates each position against its own schema', () => {
        expect(isValid(schema, ['a', 1])).toBe(true);
        expect(isValid(schema, [1, 'a'])).toBe(false);
      });

      it('allows fewer items than the tuple', () => {
        expect(isValid(schema, ['a'])).toBe(true);
      });

      it('rejects items beyond the tuple when additionalItems is false', () => {
        expect(isValid(schema, ['a', 1, 2])).toBe(false);
        expect(issuesOf(schema, ['a', 1, 2])[0]).toMatchObject({
          keyword: 'additionalItems',
          schemaPath: '#/additionalItems',
        });
      });

      it('validates items beyond the tuple against an additionalItems schema', () => {
        const open = { $schema, items: [{}], additionalItems: { type: 'boolean' } };
        expect(isValid(open, [1, true, false])).toBe(true);
        expect(isValid(open, [1, true, 'x'])).toBe(false);
        expect(issuesOf(open, [1, 'x'])[0]?.instancePath).toBe('/1');
      });

      it('ignores additionalItems when items is a single schema', () => {
        expect(isValid({ $schema, items: {}, additionalItems: false }, [1, 2, 3])).toBe(true);
      });

      it('ignores prefixItems, which is not a keyword of this dialect', () => {
        const compiled = compileSchema({ $schema, prefixItems: [{ type: 'string' }] });
        expect(compiled.validate([1]).valid).toBe(true);
        expect(compiled.warnings[0]).toContain('prefixItems is a 2020-12 keyword');
      });
    });
  }
});

describe('contains, minContains, maxContains', () => {
  it.each([
    [{ contains: { const: 1 } }, [2, 1, 3], true],
    [{ contains: { const: 1 } }, [2, 3], false],
    [{ contains: { const: 1 } }, [], false],
    [{ contains: { const: 1 }, minContains: 2 }, [1, 2, 1], true],
    [{ contains: { const: 1 }, minContains: 2 }, [1, 2], false],
    [{ contains: { const: 1 }, maxContains: 1 }, [1, 2], true],
    [{ contains: { const: 1 }, maxContains: 1 }, [1, 1], false],
    [{ contains: { const: 1 }, minContains: 0 }, [], true],
    [{ contains: { const: 1 }, minContains: 0, maxContains: 0 }, [2], true],
    [{ contains: { const: 1 }, minContains: 0, maxContains: 0 }, [1], false],
    [{ contains: { type: 'string' }, minContains: 2, maxContains: 3 }, ['a', 'b', 'c', 'd'], false],
    [{ minContains: 2 }, [], true],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('ignores non-arrays', () => {
    expect(isValid({ contains: { const: 1 } }, { a: 1 })).toBe(true);
  });

  it('explains how many matching items are needed', () => {
    expect(issuesOf({ contains: { type: 'string' } }, [1])[0]).toMatchObject({
      keyword: 'contains',
      schemaPath: '#/contains',
      message: 'must contain at least 1 item matching the "contains" schema',
    });
    expect(issuesOf({ contains: {}, maxContains: 1 }, [1, 2])[0]).toMatchObject({
      keyword: 'maxContains',
      message: 'must contain at most 1 item matching the "contains" schema',
    });
  });

  it('does not report the individual items that did not match', () => {
    expect(issuesOf({ contains: { type: 'string' } }, [1, 2, 3])).toHaveLength(1);
  });
});

describe('minItems, maxItems', () => {
  it.each([
    [{ minItems: 1 }, [], false],
    [{ minItems: 1 }, [1], true],
    [{ maxItems: 2 }, [1, 2], true],
    [{ maxItems: 2 }, [1, 2, 3], false],
    [{ maxItems: 0 }, [], true],
  ])('under %j, judges %j as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('says how many items are allowed', () => {
    expect(issuesOf({ minItems: 2 }, [1])[0]?.message).toBe('must have at least 2 items');
    expect(issuesOf({ maxItems: 1 }, [1, 2])[0]?.message).toBe('must have at most 1 item');
  });
});

describe('uniqueItems', () => {
  it.each([
    [[1, 2, 3], true],
    [[1, 2, 1], false],
    [[1, 1.0], false],
    [[1, '1'], true],
    [[0, false], true],
    [[null, null], false],
    [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      false,
    ],
    [[{ a: 1 }, { a: 2 }], true],
    [
      [
        [1, 2],
        [2, 1],
      ],
      true,
    ],
    [
      [
        [1, { x: [] }],
        [1, { x: [] }],
      ],
      false,
    ],
    [[{}, []], true],
    [[], true],
  ])('judges %j as valid: %s', (value, expected) => {
    expect(isValid({ uniqueItems: true }, value)).toBe(expected);
  });

  it('finds duplicates in large arrays too', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, tags: [i % 7] }));
    expect(isValid({ uniqueItems: true }, items)).toBe(true);
    expect(isValid({ uniqueItems: true }, [...items, { tags: [3], id: 3 }])).toBe(false);
    expect(isValid({ uniqueItems: true }, [...items, -0, 0])).toBe(false);
  });

  it('names the two equal items', () => {
    expect(issuesOf({ uniqueItems: true }, ['a', 'b', 'a'])[0]?.message).toBe(
      'must not have duplicate items (items 0 and 2 are equal)',
    );
  });

  it('allows duplicates when uniqueItems is false', () => {
    expect(isValid({ uniqueItems: false }, [1, 1])).toBe(true);
  });
});
