import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getSchema } from '../src/schemas/registry';
import { compareSchemas } from './helpers/schema-compare';
import { specDefinitions } from './helpers/spec-data';

// The cross-check is only worth something if it catches real differences between revisions.
function problems(ourRevision: string, specRevision: string, name: string): string[] {
  const ours = getSchema(ourRevision, name) as z.ZodType;
  const defs = specDefinitions(specRevision);
  const json = z.toJSONSchema(ours, {
    io: 'input',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  });
  return compareSchemas(json as Record<string, unknown>, defs[name] as Record<string, unknown>, {
    specDefs: defs,
  });
}

describe('the schema cross-check', () => {
  it('catches a required field that only one revision has', () => {
    expect(problems('2026-07-28', '2025-11-25', 'CallToolResult')).toContainEqual(
      expect.stringContaining('required [content] in the spec, [content,resultType] in ours'),
    );
  });

  it('catches a content union with a member the revision does not have', () => {
    expect(problems('2025-03-26', '2024-11-05', 'CallToolResult').join('\n')).toMatch(
      /union of 3 in the spec, 4 in ours/,
    );
  });

  it('catches a differing enum', () => {
    expect(problems('2025-06-18', '2025-11-25', 'ClientCapabilities')).toEqual([]);
    expect(problems('2026-07-28', '2025-11-25', 'ElicitRequestParams').join('\n')).toMatch(
      /elicitationId|required/,
    );
  });

  it('agrees with itself where revisions did not change a type', () => {
    expect(problems('2025-03-26', '2025-06-18', 'Implementation')).toEqual([]);
  });
});
