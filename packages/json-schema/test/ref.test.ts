import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileSchema, type JsonSchema } from '../src/index';
import { issuesOf, isValid } from './helpers';

describe('$ref to JSON pointers in the same document', () => {
  it('follows #/$defs/...', () => {
    const schema = {
      $defs: { name: { type: 'string' } },
      properties: { n: { $ref: '#/$defs/name' } },
    };
    expect(isValid(schema, { n: 'x' })).toBe(true);
    expect(isValid(schema, { n: 1 })).toBe(false);
  });

  it('follows #/definitions/... in every dialect', () => {
    for (const $schema of [
      'http://json-schema.org/draft-04/schema#',
      'http://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const schema = {
        $schema,
        definitions: { n: { type: 'integer' } },
        items: { $ref: '#/definitions/n' },
      };
      expect(isValid(schema, [1, 2])).toBe(true);
      expect(isValid(schema, [1, 'x'])).toBe(false);
    }
  });

  it('follows $defs in draft-07 too', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $defs: { n: { type: 'integer' } },
      $ref: '#/$defs/n',
    };
    expect(isValid(schema, 'x')).toBe(false);
  });

  it('follows a ref to the root', () => {
    const schema = { properties: { child: { $ref: '#' } }, additionalProperties: false };
    expect(isValid(schema, { child: { child: {} } })).toBe(true);
    expect(isValid(schema, { child: { other: 1 } })).toBe(false);
  });

  it('decodes percent-encoded pointer segments', () => {
    const schema = {
      $defs: { 'a b': { type: 'string' }, 'c%d': { type: 'number' } },
      properties: { x: { $ref: '#/$defs/a%20b' }, y: { $ref: '#/$defs/c%25d' } },
    };
    expect(isValid(schema, { x: 'ok', y: 1 })).toBe(true);
    expect(isValid(schema, { x: 1 })).toBe(false);
    expect(isValid(schema, { y: 'no' })).toBe(false);
  });

  it('unescapes ~1 and ~0 in pointer segments', () => {
    const schema = {
      $defs: { 'a/b': { type: 'string' }, 't~ilde': { type: 'number' } },
      properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/t~0ilde' } },
    };
    expect(isValid(schema, { x: 'ok', y: 2 })).toBe(true);
    expect(isValid(schema, { x: 1 })).toBe(false);
    expect(isValid(schema, { y: 'no' })).toBe(false);
  });

  it('follows pointers through array indices', () => {
    const schema = { prefixItems: [{ type: 'integer' }, { $ref: '#/prefixItems/0' }] };
    expect(isValid(schema, [1, 2])).toBe(true);
    expect(isValid(schema, [1, 'x'])).toBe(false);
  });

  it('follows pointers into keywords it does not know', () => {
    const schema = {
      components: { schemas: { id: { type: 'string' } } },
      $ref: '#/components/schemas/id',
    };
    expect(isValid(schema, 'x')).toBe(true);
    expect(isValid(schema, 1)).toBe(false);
  });

  it('follows chains of refs', () => {
    const schema = {
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/c' }, c: { type: 'null' } },
      $ref: '#/$defs/a',
    };
    expect(isValid(schema, null)).toBe(true);
    expect(isValid(schema, 0)).toBe(false);
  });

  it('reports issues at the referenced schema location', () => {
    const schema = {
      $defs: { name: { type: 'string' } },
      properties: { n: { $ref: '#/$defs/name' } },
    };
    expect(issuesOf(schema, { n: 1 })[0]).toMatchObject({
      instancePath: '/n',
      schemaPath: '#/$defs/name/type',
    });
  });
});

describe('$ref to anchors and $id', () => {
  it('follows #name to an $anchor', () => {
    const schema = {
      $defs: { a: { $anchor: 'addr', required: ['street'] } },
      properties: { home: { $ref: '#addr' } },
    };
    expect(isValid(schema, { home: { street: 'x' } })).toBe(true);
    expect(isValid(schema, { home: {} })).toBe(false);
  });

  it('follows #name to a draft-07 $id anchor', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { a: { $id: '#positive', minimum: 0 } },
      items: { $ref: '#positive' },
    };
    expect(isValid(schema, [1])).toBe(true);
    expect(isValid(schema, [-1])).toBe(false);
  });

  it('follows #name to a draft-04 id anchor', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      definitions: { a: { id: '#positive', minimum: 0 } },
      items: { $ref: '#positive' },
    };
    expect(isValid(schema, [-1])).toBe(false);
  });

  it('follows a ref to an embedded schema by its $id', () => {
    const schema = {
      $id: 'https://example.com/schemas/root.json',
      $defs: { item: { $id: 'item.json', type: 'integer' } },
      items: { $ref: 'item.json' },
    };
    expect(isValid(schema, [1, 2])).toBe(true);
    expect(isValid(schema, [1, 'x'])).toBe(false);
  });

  it('follows the absolute $id of an embedded schema', () => {
    const schema = {
      $defs: { item: { $id: 'https://example.com/item', type: 'integer' } },
      items: { $ref: 'https://example.com/item' },
    };
    expect(isValid(schema, ['x'])).toBe(false);
    expect(compileSchema(schema).warnings).toEqual([]);
  });

  it('resolves relative refs against the nearest $id', () => {
    const schema = {
      $id: 'https://example.com/a/root.json',
      $defs: {
        other: { $id: '../b/other.json', $defs: { y: { type: 'string' } } },
        inner: { $id: 'https://example.com/b/inner.json', $ref: 'other.json#/$defs/y' },
      },
      $ref: 'https://example.com/b/inner.json',
    };
    expect(isValid(schema, 'x')).toBe(true);
    expect(isValid(schema, 1)).toBe(false);
  });

  it('resolves a pointer relative to an embedded resource', () => {
    const schema = {
      $id: 'https://example.com/root.json',
      $defs: { sub: { $id: 'sub.json', $defs: { n: { type: 'number' } }, $ref: '#/$defs/n' } },
      $ref: 'sub.json',
    };
    expect(isValid(schema, 1)).toBe(true);
    expect(isValid(schema, 'x')).toBe(false);
  });

  it('resolves anchors within an embedded resource', () => {
    const schema = {
      $id: 'https://example.com/root.json',
      $defs: { sub: { $id: 'sub.json', $defs: { n: { $anchor: 'num', type: 'number' } } } },
      $ref: 'sub.json#num',
    };
    expect(isValid(schema, 'x')).toBe(false);
  });

  it('works with urn: ids', () => {
    const schema = {
      $id: 'urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed',
      $defs: { bar: { type: 'string' } },
      properties: {
        foo: { $ref: 'urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar' },
        baz: { $ref: '#/$defs/bar' },
      },
    };
    expect(isValid(schema, { foo: 'a', baz: 'b' })).toBe(true);
    expect(isValid(schema, { foo: 1 })).toBe(false);
    expect(isValid(schema, { baz: 1 })).toBe(false);
  });
});

describe('recursive schemas', () => {
  const tree = {
    $defs: {
      node: {
        type: 'object',
        properties: {
          value: { type: 'number' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
        required: ['value'],
      },
    },
    $ref: '#/$defs/node',
  };

  it('validates a tree that references itself', () => {
    expect(isValid(tree, { value: 1, children: [{ value: 2, children: [{ value: 3 }] }] })).toBe(
      true,
    );
  });

  it('finds an issue deep in the tree and points at it', () => {
    const issues = issuesOf(tree, {
      value: 1,
      children: [{ value: 2, children: [{ value: 'x' }] }],
    });
    expect(issues[0]).toMatchObject({
      instancePath: '/children/0/children/0/value',
      schemaPath: '#/$defs/node/properties/value/type',
    });
  });

  it('validates deeply nested values', () => {
    let value: { value: number; children?: unknown[] } = { value: 0 };
    for (let i = 1; i < 500; i++) value = { value: i, children: [value] };
    expect(isValid(tree, value)).toBe(true);
  });

  it('handles mutually recursive definitions', () => {
    const schema = {
      $defs: {
        a: { type: 'object', properties: { b: { $ref: '#/$defs/b' } } },
        b: { type: 'object', properties: { a: { $ref: '#/$defs/a' } } },
      },
      $ref: '#/$defs/a',
    };
    expect(isValid(schema, { b: { a: { b: {} } } })).toBe(true);
    expect(isValid(schema, { b: { a: { b: 1 } } })).toBe(false);
  });

  it('compiles a schema object that contains itself (a JS cycle) without looping', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).next = node;
    expect(isValid(node as JsonSchema, { next: { next: {} } })).toBe(true);
    expect(isValid(node as JsonSchema, { next: { next: 1 } })).toBe(false);
  });

  it('compiles a ref cycle with no validation in between without looping', () => {
    const schema = {
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
      type: 'string',
    };
    expect(isValid(schema, 'x')).toBe(true);
  });

  it('reports a value too deep to validate instead of throwing', () => {
    const schema = {
      $defs: { list: { type: 'array', items: { $ref: '#/$defs/list' } } },
      $ref: '#/$defs/list',
    };
    let value: unknown[] = [];
    for (let i = 0; i < 200_000; i++) value = [value];
    const result = compileSchema(schema).validate(value);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.issues[0]?.keyword).toBe('validate');
  });
});

describe('$ref outside the document', () => {
  const fetchStub = vi.fn(() => {
    throw new Error('the validator must never fetch anything');
  });

  beforeEach(() => {
    fetchStub.mockClear();
    vi.stubGlobal('fetch', fetchStub);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is not followed: it accepts any value and warns naming the ref', () => {
    const compiled = compileSchema({ properties: { x: { $ref: 'https://example.com/x.json' } } });
    expect(compiled.validate({ x: 'anything' }).valid).toBe(true);
    expect(compiled.validate({ x: 42 }).valid).toBe(true);
    expect(compiled.warnings).toHaveLength(1);
    expect(compiled.warnings[0]).toContain('"https://example.com/x.json"');
    expect(compiled.warnings[0]).toContain('#/properties/x/$ref');
    expect(compiled.warnings[0]).toContain('not followed');
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('does not follow a relative ref that no embedded $id matches', () => {
    const compiled = compileSchema({
      $id: 'https://example.com/root.json',
      $ref: 'other.json#/$defs/a',
    });
    expect(compiled.validate(1).valid).toBe(true);
    expect(compiled.warnings[0]).toContain('"other.json#/$defs/a"');
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('does not fetch a meta-schema either', () => {
    const compiled = compileSchema({ $ref: 'https://json-schema.org/draft/2020-12/schema' });
    expect(compiled.validate({ type: 12 }).valid).toBe(true);
    expect(compiled.warnings).toHaveLength(1);
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('still applies the keywords next to it', () => {
    const compiled = compileSchema({ $ref: 'https://example.com/x.json', type: 'string' });
    expect(compiled.validate(1).valid).toBe(false);
  });
});

describe('keywords next to $ref', () => {
  const siblings = (dialect: string) => ({
    $schema: dialect,
    definitions: { str: { type: 'string' } },
    properties: { x: { $ref: '#/definitions/str', maxLength: 2 } },
  });

  it('are ignored in draft-07 and earlier, with a warning', () => {
    for (const dialect of [
      'http://json-schema.org/draft-04/schema#',
      'http://json-schema.org/draft-06/schema#',
      'http://json-schema.org/draft-07/schema#',
    ]) {
      const compiled = compileSchema(siblings(dialect));
      expect(compiled.validate({ x: 'long' }).valid).toBe(true);
      expect(compiled.validate({ x: 1 }).valid).toBe(false);
      expect(compiled.warnings[0]).toContain('maxLength next to $ref is ignored');
    }
  });

  it('are applied in 2019-09 and 2020-12', () => {
    for (const dialect of [
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const compiled = compileSchema(siblings(dialect));
      expect(compiled.validate({ x: 'long' }).valid).toBe(false);
      expect(compiled.validate({ x: 'ok' }).valid).toBe(true);
      expect(compiled.warnings).toEqual([]);
    }
  });

  it('do not warn when they are only annotations', () => {
    const compiled = compileSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { a: {} },
      properties: { x: { $ref: '#/definitions/a', description: 'docs', title: 'X' } },
    });
    expect(compiled.warnings).toEqual([]);
  });

  it('include $id, which does not change the base URI in draft-07', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'http://example.com/base/',
      definitions: {
        foo: { $id: 'http://example.com/foo.json', type: 'string' },
        baseFoo: { $id: 'foo.json', type: 'number' },
      },
      allOf: [{ $id: 'http://example.com/', $ref: 'foo.json' }],
    };
    expect(isValid(schema, 5)).toBe(true);
    expect(isValid(schema, 'a')).toBe(false);
  });
});

describe('$dynamicRef and $recursiveRef', () => {
  it('resolves $dynamicRef "#meta" to its $dynamicAnchor when nothing overrides it', () => {
    const schema = {
      $dynamicAnchor: 'meta',
      type: 'object',
      properties: { children: { type: 'array', items: { $dynamicRef: '#meta' } } },
      required: ['name'],
    };
    expect(isValid(schema, { name: 'a', children: [{ name: 'b' }] })).toBe(true);
    expect(isValid(schema, { name: 'a', children: [{}] })).toBe(false);
  });

  it('lets an outer schema override a $dynamicAnchor of an embedded list', () => {
    const schema = {
      $id: 'https://example.com/root',
      $ref: 'list',
      $defs: {
        foo: { $dynamicAnchor: 'items', type: 'string' },
        list: {
          $id: 'list',
          type: 'array',
          items: { $dynamicRef: '#items' },
          $defs: { items: { $dynamicAnchor: 'items' } },
        },
      },
    };
    expect(isValid(schema, ['foo', 'bar'])).toBe(true);
    expect(isValid(schema, ['foo', 42])).toBe(false);
  });

  it('uses the static target when the list is used on its own', () => {
    const schema = {
      $id: 'https://example.com/root',
      $defs: {
        list: {
          $id: 'list',
          type: 'array',
          items: { $dynamicRef: '#items' },
          $defs: { items: { $dynamicAnchor: 'items' } },
        },
      },
      $ref: 'list',
    };
    expect(isValid(schema, ['foo', 42])).toBe(true);
  });

  it('supports $recursiveRef in 2019-09 schemas', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      $id: 'https://example.com/tree',
      $recursiveAnchor: true,
      type: 'object',
      properties: { data: true, children: { type: 'array', items: { $recursiveRef: '#' } } },
    };
    expect(isValid(schema, { children: [{ children: [] }] })).toBe(true);
    expect(isValid(schema, { children: [1] })).toBe(false);
  });

  it('ignores $dynamicRef in older dialects, with a warning', () => {
    const compiled = compileSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { a: false },
      $dynamicRef: '#/definitions/a',
    });
    expect(compiled.validate(1).valid).toBe(true);
    expect(compiled.warnings[0]).toContain('$dynamicRef is a 2020-12 keyword');
  });
});
