import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';
import { issuesOf, isValid } from './helpers';

describe('numeric bounds', () => {
  it.each([
    [{ minimum: 0 }, 0, true],
    [{ minimum: 0 }, -0.0001, false],
    [{ exclusiveMinimum: 0 }, 0, false],
    [{ exclusiveMinimum: 0 }, 0.0001, true],
    [{ maximum: 10 }, 10, true],
    [{ maximum: 10 }, 10.5, false],
    [{ exclusiveMaximum: 10 }, 10, false],
    [{ exclusiveMaximum: 10 }, 9.99, true],
    [{ minimum: -5, maximum: 5 }, -5, true],
    [{ minimum: -5, maximum: 5 }, 6, false],
    [{ minimum: 1, exclusiveMinimum: 2 }, 2, false],
    [{ minimum: 1.5 }, 1.5, true],
  ])('under %j, judges %d as valid: %s', (schema, value, expected) => {
    expect(isValid(schema, value)).toBe(expected);
  });

  it('ignores numeric keywords for values that are not numbers', () => {
    expect(isValid({ minimum: 5, maximum: 1, multipleOf: 3 }, 'text')).toBe(true);
    expect(isValid({ minimum: 5 }, null)).toBe(true);
  });

  it('says which bound was crossed', () => {
    expect(issuesOf({ minimum: 0 }, -1)[0]).toMatchObject({
      keyword: 'minimum',
      schemaPath: '#/minimum',
      message: 'must be >= 0',
    });
    expect(issuesOf({ exclusiveMinimum: 0 }, 0)[0]?.message).toBe('must be > 0');
    expect(issuesOf({ maximum: 3 }, 4)[0]?.message).toBe('must be <= 3');
    expect(issuesOf({ exclusiveMaximum: 3 }, 3)[0]?.message).toBe('must be < 3');
  });

  describe('draft-04 boolean exclusiveMinimum / exclusiveMaximum', () => {
    const draft04 = 'http://json-schema.org/draft-04/schema#';

    it('makes minimum exclusive when exclusiveMinimum is true', () => {
      const schema = { $schema: draft04, minimum: 1, exclusiveMinimum: true };
      expect(isValid(schema, 1)).toBe(false);
      expect(isValid(schema, 1.1)).toBe(true);
      expect(issuesOf(schema, 1)[0]?.message).toBe('must be > 1');
    });

    it('keeps minimum inclusive when exclusiveMinimum is false', () => {
      expect(isValid({ $schema: draft04, minimum: 1, exclusiveMinimum: false }, 1)).toBe(true);
    });

    it('makes maximum exclusive when exclusiveMaximum is true', () => {
      const schema = { $schema: draft04, maximum: 3, exclusiveMaximum: true };
      expect(isValid(schema, 3)).toBe(false);
      expect(isValid(schema, 2.9)).toBe(true);
    });

    it('has no effect without the matching minimum', () => {
      expect(isValid({ $schema: draft04, exclusiveMinimum: true }, -100)).toBe(true);
    });

    it('still understands the boolean form in a later dialect, with a warning', () => {
      const compiled = compileSchema({ minimum: 1, exclusiveMinimum: true });
      expect(compiled.validate(1).valid).toBe(false);
      expect(compiled.warnings.join('\n')).toContain('draft-04 syntax');
    });

    it('still understands the number form in draft-04, with a warning', () => {
      const compiled = compileSchema({ $schema: draft04, exclusiveMinimum: 5 });
      expect(compiled.validate(5).valid).toBe(false);
      expect(compiled.validate(6).valid).toBe(true);
      expect(compiled.warnings).toHaveLength(1);
    });
  });
});

describe('multipleOf', () => {
  it.each([
    [2, 10, true],
    [2, 7, false],
    [0.1, 0.3, true],
    [0.1, 0.35, false],
    [0.01, 19.99, true],
    [0.01, 0.075, false],
    [0.5, 4.5, true],
    [1.5, 4.5, true],
    [1.5, 35, false],
    [0.0001, 0.0075, true],
    [1e-8, 0.00000123, true],
    [3, -9, true],
    [3, 0, true],
    [0.123456789, 1e308, false],
    [0.5, 1e308, true],
  ])('with multipleOf %d, judges %d as valid: %s (no float noise)', (divisor, value, expected) => {
    expect(isValid({ multipleOf: divisor }, value)).toBe(expected);
  });

  it('names the divisor in the message', () => {
    expect(issuesOf({ multipleOf: 0.5 }, 0.3)[0]).toMatchObject({
      keyword: 'multipleOf',
      message: 'must be a multiple of 0.5',
    });
  });
});
