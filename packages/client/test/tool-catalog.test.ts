import { describe, expect, it } from 'vitest';
import { headerParamsOf, withDefaults } from '../src/index';

describe('x-mcp-header annotations', () => {
  it('reads valid annotations', () => {
    expect(
      headerParamsOf({
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          other: { type: 'string' },
        },
      }),
    ).toEqual([
      { property: 'region', name: 'Region' },
      { property: 'count', name: 'Count' },
    ]);
  });

  it.each([
    ['empty', { a: { type: 'string', 'x-mcp-header': '' } }],
    ['on an object', { a: { type: 'object', 'x-mcp-header': 'A' } }],
    ['on an array', { a: { type: 'array', 'x-mcp-header': 'A' } }],
    ['on a number', { a: { type: 'number', 'x-mcp-header': 'A' } }],
    ['on null', { a: { type: 'null', 'x-mcp-header': 'A' } }],
    ['with a space', { a: { type: 'string', 'x-mcp-header': 'A B' } }],
    ['with a colon', { a: { type: 'string', 'x-mcp-header': 'A:B' } }],
    ['non-ASCII', { a: { type: 'string', 'x-mcp-header': 'Région' } }],
    [
      'duplicated in another case',
      { a: { type: 'string', 'x-mcp-header': 'X' }, b: { type: 'string', 'x-mcp-header': 'x' } },
    ],
  ])('rejects an annotation that is %s', (_label, properties) => {
    expect(typeof headerParamsOf({ type: 'object', properties })).toBe('string');
  });
});

describe('elicitation defaults', () => {
  const request = {
    message: 'm',
    requestedSchema: {
      type: 'object' as const,
      properties: {
        name: { type: 'string' as const, default: 'John Doe' },
        age: { type: 'integer' as const, default: 30 },
        verified: { type: 'boolean' as const, default: true },
      },
    },
  };

  it('fills omitted fields of an accepted answer and keeps given ones', () => {
    expect(withDefaults(request, { action: 'accept', content: { name: 'Ada' } })).toEqual({
      action: 'accept',
      content: { name: 'Ada', age: 30, verified: true },
    });
    expect(withDefaults(request, { action: 'accept' }).content).toEqual({
      name: 'John Doe',
      age: 30,
      verified: true,
    });
  });

  it('leaves declined answers alone', () => {
    expect(withDefaults(request, { action: 'decline' })).toEqual({ action: 'decline' });
  });
});
