/**
 * `getSchema(revision, typeName)`: the wire-exact schema of a spec type in one revision. Built on
 * first use per revision, since most programs only ever need the neutral schemas.
 */
import type { z } from 'zod';
import { typeNamesOf } from './availability';
import { buildSchemas } from './build';
import { REVISION_TRAITS } from './traits';

const cache = new Map<string, ReadonlyMap<string, z.ZodType>>();

function schemasOf(revision: string): ReadonlyMap<string, z.ZodType> | undefined {
  const cached = cache.get(revision);
  if (cached) return cached;
  const traits = REVISION_TRAITS[revision];
  if (!traits) return undefined;
  const built = buildSchemas(traits) as Record<string, z.ZodType>;
  const map = new Map<string, z.ZodType>();
  for (const name of typeNamesOf(traits)) {
    const schema = built[name];
    if (schema) map.set(name, schema);
  }
  cache.set(revision, map);
  return map;
}

/**
 * The zod schema of the specification type `typeName` (e.g. `"CallToolResult"`) exactly as
 * `revision` defines it, or `undefined` when that revision has no such type (or the revision is
 * unknown). Unlike the exported neutral schemas, these enforce the revision's own requirements:
 * `resultType` and `_meta` in 2026-07-28, `jsonrpc`/`id` inside message types from 2025-11-25, and
 * each revision's content unions.
 * @example
 * getSchema('2026-07-28', 'CallToolResult')?.parse({ content: [], resultType: 'complete' });
 */
export function getSchema(revision: string, typeName: string): z.ZodType | undefined {
  return schemasOf(revision)?.get(typeName);
}

/** Every spec type name `revision` defines, or an empty list for an unknown revision. */
export function listSchemaNames(revision: string): string[] {
  return [...(schemasOf(revision)?.keys() ?? [])];
}
