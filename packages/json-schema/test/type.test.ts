import { describe, expect, it } from 'vitest';
import { issuesOf, isValid } from './helpers';

const samples: [string, unknown][] = [
  ['null', null],
  ['boolean', true],
  ['object', { a: 1 }],
  ['array', [1]],
  ['integer', 3],
  ['number', 1.5],
  ['string', 'x'],
];

const accepts: Record<string, string[]> = {
  null: ['null'],
  boolean: ['boolean'],
  object: ['object'],
  array: ['array'],
  number: ['integer', 'number'],
  integer: ['integer'],
  string: ['string'],
};

describe('type', () => {
  for (const [type, accepted] of Object.entries(accepts)) {
    for (const [kind, value] of samples) {
      const expected = accepted.includes(kind);
      it(`type ${type} ${expected ? 'accepts' : 'rejects'} a ${kind} value`, () => {
        expect(isValid({ type }, value)).toBe(expected);
      });
    }
  }

  it('treats a number with a zero fraction as an integer', () => {
    expect(isValid({ type: 'integer' }, 1.0)).toBe(true);
  });

  it('accepts large integers beyond the safe range as integers', () => {
    expect(isValid({ type: 'integer' }, 1e20)).toBe(true);
  });

  it('rejects NaN and Infinity, which are not JSON numbers', () => {
    expect(isValid({ type: 'number' }, Number.NaN)).toBe(false);
    expect(isValid({ type: 'number' }, Number.POSITIVE_INFINITY)).toBe(false);
    expect(isValid({ type: 'integer' }, Number.NEGATIVE_INFINITY)).toBe(false);
  });

  it('rejects undefined for every type', () => {
    for (const type of Object.keys(accepts)) expect(isValid({ type }, undefined)).toBe(false);
  });

  it('accepts a value matching any type in an array of types', () => {
    expect(isValid({ type: ['string', 'null'] }, null)).toBe(true);
    expect(isValid({ type: ['string', 'null'] }, 'x')).toBe(true);
    expect(isValid({ type: ['string', 'null'] }, 1)).toBe(false);
  });

  it('says what type was expected and what was found', () => {
    expect(issuesOf({ type: 'string' }, 42)).toEqual([
      {
        instancePath: '',
        schemaPath: '#/type',
        keyword: 'type',
        message: 'must be string, got number',
      },
    ]);
  });

  it('lists every allowed type in the message of an array of types', () => {
    expect(issuesOf({ type: ['string', 'number', 'null'] }, {})[0]?.message).toBe(
      'must be string, number or null, got object',
    );
  });

  it('reports a fractional number against integer as a number', () => {
    expect(issuesOf({ type: 'integer' }, 1.5)[0]?.message).toBe('must be integer, got number');
  });

  it('names arrays and null as such in the message', () => {
    expect(issuesOf({ type: 'object' }, [])[0]?.message).toBe('must be object, got array');
    expect(issuesOf({ type: 'object' }, null)[0]?.message).toBe('must be object, got null');
  });
});
