/**
 * The published declarations of @mcpkit/protocol are compacted after the build (every schema type
 * that equals another schema's type is written `typeof ThatSchema`: packages/protocol/scripts/
 * compact-dts.mjs). These tests prove the compaction changed no type: for every export, the type
 * a user gets from dist is identical to the type the source infers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const protocol = path.join(root, 'packages', 'protocol');
// inside the package, so that the changed copy below resolves `zod` as dist/ does
const cache = path.join(protocol, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(path.join(cache, 'dts-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The names in the declaration file's final `export { … }`, split into values and types. */
function exportsOf(file: string): { values: string[]; types: string[] } {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      (element.isTypeOnly || statement.isTypeOnly ? types : values).push(element.name.text);
    }
  }
  return { values, types };
}

/** Type-checks `source` (written next to nothing: it imports by absolute path); its errors. */
function typeErrors(name: string, source: string): string[] {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '');
}

const EQUAL = `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<_A extends true>(): void {}
`;

/** A checking file: one `same<Equal<…>>()` per name, each on its own line. */
function equalityChecks(dist: string, names: string[], kind: 'value' | 'type'): string {
  const lines = [
    `import type * as Source from ${JSON.stringify(path.join(protocol, 'src', 'index.ts'))};`,
    // index.js / index.cjs resolve to index.d.ts / index.d.cts beside them
    `import type * as Dist from ${JSON.stringify(dist.replace(/\.d\.(c?)ts$/, '.$1js'))};`,
    EQUAL,
  ];
  for (const name of names) {
    lines.push(
      kind === 'value'
        ? `same<Equal<typeof Source.${name}, typeof Dist.${name}>>();`
        : `same<Equal<Source.${name}, Dist.${name}>>();`,
    );
  }
  return lines.join('\n');
}

const dts = path.join(protocol, 'dist', 'index.d.ts');
const { values, types } = exportsOf(dts);
// classes and functions are declared once per file and compared nominally: only schemas and the
// method tables (what the compaction rewrites) are compared as values
const schemaValues = values.filter((n) => n.endsWith('Schema') || n.endsWith('_REQUESTS'));

describe('@mcpkit/protocol declarations', () => {
  it('are compact: no schema type is printed in full twice', () => {
    expect(statSync(dts).size).toBeLessThan(300 * 1024);
    expect(readFileSync(dts, 'utf8')).toContain('typeof ContentBlockSchema');
    expect(schemaValues.length).toBeGreaterThan(150);
    expect(types.length).toBeGreaterThan(150);
  });

  for (const file of ['index.d.ts', 'index.d.cts']) {
    it(`keep every schema's exact type (${file})`, () => {
      const errors = typeErrors(
        `values-${file}.ts`,
        equalityChecks(path.join(protocol, 'dist', file), schemaValues, 'value'),
      );
      expect(errors).toEqual([]);
    }, 120_000);

    it(`keep every exported type (${file})`, () => {
      const errors = typeErrors(
        `types-${file}.ts`,
        equalityChecks(path.join(protocol, 'dist', file), types, 'type'),
      );
      expect(errors).toEqual([]);
    }, 120_000);
  }

  it('the check itself fails on a changed type', () => {
    const changed = path.join(dir, 'changed-protocol.d.ts');
    writeFileSync(
      changed,
      readFileSync(dts, 'utf8').replace(
        'content: z.ZodArray<typeof ContentBlockSchema>;',
        'content: z.ZodArray<typeof TextContentSchema>;',
      ),
    );
    const errors = typeErrors(
      'changed.ts',
      equalityChecks(changed, ['CallToolResultSchema', 'ListToolsResultSchema'], 'value'),
    );
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toContain('does not satisfy the constraint');
  }, 120_000);
});
