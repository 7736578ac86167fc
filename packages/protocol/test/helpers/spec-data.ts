import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The specification data: `test/fixtures/spec` (a copy of the project's shared spec data), or
 * `MCPKIT_SPEC_DIR`. Missing data fails the run loudly: a cross-check that silently checks nothing
 * would be worse than none.
 */
export function specDir(): string {
  const dir =
    process.env.MCPKIT_SPEC_DIR ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/spec');
  if (!existsSync(join(dir, '2026-07-28', 'schema.json'))) {
    throw new Error(
      `No specification data in ${dir} (expected <revision>/schema.json); set MCPKIT_SPEC_DIR to it.`,
    );
  }
  return dir;
}

export type JsonSchema = Record<string, unknown>;

/** A revision's `schema.json`: its definitions, by type name. */
export function specDefinitions(revision: string): Record<string, JsonSchema> {
  const doc = JSON.parse(readFileSync(join(specDir(), revision, 'schema.json'), 'utf8'));
  return doc.$defs ?? doc.definitions;
}

/** The spec's example instances of 2026-07-28: `[typeName, fileName, value]`. */
export function specExamples(): Array<[string, string, unknown]> {
  const root = join(specDir(), '2026-07-28', 'examples');
  const out: Array<[string, string, unknown]> = [];
  for (const typeName of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, typeName)).sort()) {
      if (!file.endsWith('.json')) continue;
      out.push([typeName, file, JSON.parse(readFileSync(join(root, typeName, file), 'utf8'))]);
    }
  }
  return out;
}
