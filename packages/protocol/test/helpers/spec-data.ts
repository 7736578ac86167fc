import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The specification data shared with the project (`shared/spec` beside the repository, or
 * `MCPKIT_SPEC_DIR`). Missing data fails the test run loudly: a cross-check that silently checks
 * nothing would be worse than none.
 */
export function specDir(): string {
  const fromEnv = process.env.MCPKIT_SPEC_DIR;
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'spec');
    if (existsSync(join(candidate, '2026-07-28', 'schema.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error(
    'Cannot find the specification data (shared/spec with <revision>/schema.json) in any parent folder; set MCPKIT_SPEC_DIR to it.',
  );
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
