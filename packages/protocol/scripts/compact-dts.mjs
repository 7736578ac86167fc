/**
 * Shrinks the declaration files tsup emits for this package, without changing a single type.
 *
 * Why: TypeScript prints the inferred type of every schema in full, so each schema repeats the
 * whole zod type of every schema it is built from (`ClientRequestSchema` alone was 194 KB, the
 * file 1.5 MB). Every consumer's `tsc` parses all of it: measured +70 MB of memory and +0.1 s of
 * check time in a program that merely imports one type from here.
 *
 * How: every zod type in the file that is exactly the type of another declared schema is replaced
 * by `typeof ThatSchema` (the same type, by name). Largest matches win, so a union of requests
 * becomes a list of `typeof …RequestSchema`. Equality is decided on the printed type without
 * comments or whitespace; tests/packaging checks that every export keeps its exact type.
 *
 *   node scripts/compact-dts.mjs dist/index.d.ts dist/index.d.cts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

/** Types shorter than this are left as they are: `typeof X` would not be shorter or clearer. */
const MIN_KEY_LENGTH = 48;

const bare = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function keyOf(node, sourceFile) {
  return bare.printNode(ts.EmitHint.Unspecified, node, sourceFile).replace(/\s+/g, '');
}

/** The names of `declare const Name: <zod type>;` statements, by their type's key. */
function collectSchemas(sourceFile) {
  const byKey = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const type = declaration.type;
      if (!type || !ts.isIdentifier(declaration.name)) continue;
      if (!ts.isTypeReferenceNode(type) || !type.typeName.getText(sourceFile).startsWith('z.')) {
        continue;
      }
      const key = keyOf(type, sourceFile);
      // two schemas of the same type: the first one declared names it
      if (key.length >= MIN_KEY_LENGTH && !byKey.has(key)) byKey.set(key, declaration.name.text);
    }
  }
  return byKey;
}

function compact(path) {
  const text = readFileSync(path, 'utf8');
  const sourceFile = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const byKey = collectSchemas(sourceFile);
  let replaced = 0;

  const transformer = (context) => {
    // top-down, so the largest match wins; a declaration never names itself (`ownName`), but
    // may be written by the name of an earlier schema of the same type
    const visit = (node, ownName) => {
      if (ts.isTypeNode(node)) {
        const name = byKey.get(keyOf(node, sourceFile));
        if (name !== undefined && name !== ownName) {
          replaced++;
          return context.factory.createTypeQueryNode(context.factory.createIdentifier(name));
        }
      }
      return ts.visitEachChild(node, (child) => visit(child, ownName), context);
    };
    return (file) =>
      ts.visitEachChild(
        file,
        (statement) => {
          const declaration = ts.isVariableStatement(statement)
            ? statement.declarationList.declarations[0]
            : undefined;
          const ownName =
            declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
          return visit(statement, ownName);
        },
        context,
      );
  };

  const result = ts.transform(sourceFile, [transformer]);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const output = printer.printFile(result.transformed[0]);
  result.dispose();
  writeFileSync(path, output);
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(
    `compact-dts: ${path}: ${kb(text.length)} → ${kb(output.length)} (${replaced} types named)`,
  );
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/compact-dts.mjs <file.d.ts>…');
  process.exit(2);
}
for (const file of files) compact(file);
