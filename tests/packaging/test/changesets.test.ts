/**
 * Every pending changeset must be one that `changeset version` can read: YAML front matter naming
 * our packages and a bump, then the summary. (A markdown formatter once turned the front matter of
 * several into headings; changesets would then have failed at release time.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const changesetDir = path.join(root, '.changeset');
const packageNames = new Set(
  readdirSync(path.join(root, 'packages')).map(
    (dir) =>
      (
        JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) as {
          name: string;
        }
      ).name,
  ),
);
const files = readdirSync(changesetDir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('pending changesets', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has front matter naming our packages, then a summary', (file) => {
    const text = readFileSync(path.join(changesetDir, file), 'utf8');
    const match = /^---\n((?:"[^"\n]+": (?:major|minor|patch)\n)+)---\n\n(\S[\s\S]*)$/.exec(text);
    expect(match, `${file} does not start with changeset front matter`).not.toBeNull();
    const names = [...(match?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    for (const name of names) expect(packageNames).toContain(name);
  });
});
