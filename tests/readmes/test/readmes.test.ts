import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const scratch = path.join(here, '../.examples');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const run = promisify(execFile);

/** The ```ts block after each `<!-- runnable -->` marker of a package README. */
function runnableExamples(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(path.join(root, 'packages')).sort()) {
    let text: string;
    try {
      text = readFileSync(path.join(root, 'packages', name, 'README.md'), 'utf8');
    } catch {
      continue;
    }
    const match = /<!-- runnable -->\s*```ts\n([\s\S]*?)```/.exec(text);
    if (match) out.push([name, match[1] as string]);
  }
  return out;
}

describe('the README example of every package', () => {
  const examples = runnableExamples();

  it('exists for every package that has code', () => {
    const packages = readdirSync(path.join(root, 'packages')).filter((n) => !n.startsWith('.'));
    expect(examples.map(([name]) => name).sort()).toEqual(packages.sort());
  });

  it.each(examples)('runs for %s', async (name, code) => {
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, `${name}.ts`);
    writeFileSync(file, code);
    const { stdout } = await run(
      process.execPath,
      ['--conditions=@mcpkit/source', '--import', tsx, file],
      {
        cwd: root,
        timeout: 50_000,
      },
    );
    expect(stdout.trim().length).toBeGreaterThan(0);
  });
});
