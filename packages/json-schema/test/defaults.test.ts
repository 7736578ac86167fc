import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../src/index';

describe('applyDefaults for MCP elicitation', () => {
  const requestedSchema = {
    type: 'object',
    properties: {
      name: { type: 'string', default: 'John Doe' },
      age: { type: 'integer', default: 30 },
      score: { type: 'number', default: 95.5 },
      status: { type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' },
      verified: { type: 'boolean', default: true },
    },
  };

  it('fills all five primitive defaults into an empty response', () => {
    expect(applyDefaults(requestedSchema, {})).toEqual({
      name: 'John Doe',
      age: 30,
      score: 95.5,
      status: 'active',
      verified: true,
    });
  });

  it('keeps the values the user gave', () => {
    expect(applyDefaults(requestedSchema, { name: 'x' })).toEqual({
      name: 'x',
      age: 30,
      score: 95.5,
      status: 'active',
      verified: true,
    });
  });

  it('keeps falsy values the user gave', () => {
    const result = applyDefaults(requestedSchema, { verified: false, age: 0, name: '' });
    expect(result).toMatchObject({ verified: false, age: 0, name: '' });
  });

  it('does not mutate the input', () => {
    const input = { name: 'x' };
    const result = applyDefaults(requestedSchema, input);
    expect(input).toEqual({ name: 'x' });
    expect(result).not.toBe(input);
  });
});

describe('applyDefaults', () => {
  it('fills defaults of nested objects that are present', () => {
    const schema = {
      type: 'object',
      properties: {
        settings: { type: 'object', properties: { theme: { type: 'string', default: 'dark' } } },
      },
    };
    expect(applyDefaults(schema, { settings: {} })).toEqual({ settings: { theme: 'dark' } });
    expect(applyDefaults(schema, { settings: { theme: 'light' } })).toEqual({
      settings: { theme: 'light' },
    });
  });

  it('fills an omitted object property with its default, and nothing inside it', () => {
    const schema = {
      properties: { settings: { default: {}, properties: { theme: { default: 'dark' } } } },
    };
    expect(applyDefaults(schema, {})).toEqual({ settings: {} });
  });

  it('does not create omitted nested objects that have no default', () => {
    const schema = { properties: { settings: { properties: { theme: { default: 'dark' } } } } };
    expect(applyDefaults(schema, {})).toEqual({});
  });

  it('deep-copies object and array defaults so results never share them', () => {
    const schema = { properties: { tags: { default: ['a'] }, meta: { default: { n: 1 } } } };
    const first = applyDefaults(schema, {}) as { tags: string[]; meta: { n: number } };
    first.tags.push('b');
    first.meta.n = 2;
    expect(applyDefaults(schema, {})).toEqual({ tags: ['a'], meta: { n: 1 } });
    expect(schema.properties.tags.default).toEqual(['a']);
  });

  it('treats a property set to undefined as omitted', () => {
    expect(applyDefaults({ properties: { a: { default: 1 } } }, { a: undefined })).toEqual({
      a: 1,
    });
  });

  it('keeps a property explicitly set to null', () => {
    expect(applyDefaults({ properties: { a: { default: 1 } } }, { a: null })).toEqual({ a: null });
  });

  it('follows local $ref to find defaults and nested properties', () => {
    const schema = {
      $defs: {
        color: { type: 'string', default: 'red' },
        box: {
          type: 'object',
          properties: { color: { $ref: '#/$defs/color' }, size: { default: 1 } },
        },
      },
      properties: { box: { $ref: '#/$defs/box' }, color: { $ref: '#/$defs/color' } },
    };
    expect(applyDefaults(schema, { box: {} })).toEqual({
      box: { color: 'red', size: 1 },
      color: 'red',
    });
  });

  it('prefers a default next to a $ref over the referenced one', () => {
    const schema = {
      $defs: { color: { default: 'red' } },
      properties: { color: { $ref: '#/$defs/color', default: 'blue' } },
    };
    expect(applyDefaults(schema, {})).toEqual({ color: 'blue' });
  });

  it('applies defaults from allOf branches', () => {
    const schema = {
      allOf: [{ properties: { a: { default: 1 } } }, { properties: { b: { default: 2 } } }],
    };
    expect(applyDefaults(schema, {})).toEqual({ a: 1, b: 2 });
  });

  it('handles recursive schemas', () => {
    const schema = {
      $defs: {
        node: { properties: { label: { default: 'node' }, child: { $ref: '#/$defs/node' } } },
      },
      $ref: '#/$defs/node',
    };
    expect(applyDefaults(schema, { child: { child: {} } })).toEqual({
      label: 'node',
      child: { label: 'node', child: { label: 'node' } },
    });
  });

  it('fills defaults inside array items that are objects', () => {
    const schema = { items: { properties: { done: { default: false } } } };
    expect(applyDefaults(schema, [{}, { done: true }, 'x'])).toEqual([
      { done: false },
      { done: true },
      'x',
    ]);
  });

  it('returns the root default for an undefined value', () => {
    expect(applyDefaults({ default: { a: 1 } }, undefined)).toEqual({ a: 1 });
    expect(applyDefaults({}, undefined)).toBeUndefined();
  });

  it('returns non-object values unchanged', () => {
    expect(applyDefaults({ properties: { a: { default: 1 } } }, 'text')).toBe('text');
    expect(applyDefaults(true, { a: 1 })).toEqual({ a: 1 });
  });

  it('sets a default for a property named __proto__ as an own property', () => {
    const schema = JSON.parse('{"properties": {"__proto__": {"default": {"polluted": true}}}}');
    const result = applyDefaults(schema, {}) as Record<string, unknown>;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores $refs it cannot resolve', () => {
    expect(applyDefaults({ properties: { a: { $ref: 'https://example.com/x' } } }, {})).toEqual({});
  });
});
