import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getSchema, listSchemaNames } from '../src/schemas/registry';
import { compareSchemas } from './helpers/schema-compare';
import { specDefinitions, specExamples } from './helpers/spec-data';

const REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'];

function toJsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  }) as Record<string, unknown>;
}

describe.each(REVISIONS)('the schemas of %s', (revision) => {
  const defs = specDefinitions(revision);

  it('name exactly the types of the spec', () => {
    expect(listSchemaNames(revision).sort()).toEqual(Object.keys(defs).sort());
  });

  it.each(Object.keys(defs).sort())('agree with the spec on %s', (name) => {
    const ours = getSchema(revision, name);
    expect(ours, `no schema for ${name}`).toBeDefined();
    const problems = compareSchemas(
      toJsonSchema(ours as z.ZodType),
      defs[name] as Record<string, unknown>,
      {
        specDefs: defs,
      },
    );
    expect(problems).toEqual([]);
  });
});

describe("the specification's own examples (2026-07-28)", () => {
  it.each(specExamples().map(([type, file, value]) => [`${type}/${file}`, type, value] as const))(
    '%s parses with its type',
    (_label, type, value) => {
      const schema = getSchema('2026-07-28', type);
      expect(schema, `no schema for ${type}`).toBeDefined();
      const result = (schema as z.ZodType).safeParse(value);
      expect(result.success ? [] : result.error.issues).toEqual([]);
      // open objects: nothing the example carries is dropped
      expect(result.data).toEqual(value);
    },
  );
});
