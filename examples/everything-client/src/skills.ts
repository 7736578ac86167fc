/**
 * A skills client (the `io.modelcontextprotocol/skills` extension, SEP-2640): lists skills and
 * loads one only after checking the SKILL.md it reads against what the listing promised (size,
 * sha-256 digest, frontmatter), reading the skill's other files only if all of it matches.
 */
import type { Client } from '@mcpkit/client';

/** One file of a skill, as the listing describes it. */
export interface SkillFile {
  uri: string;
  digest: string;
  size: number;
}

/** One skill entry of `skills/list`. */
export interface SkillEntry {
  uri: string;
  frontmatter: Record<string, unknown>;
  resources: SkillFile[] | 'dynamic';
}

export async function listSkills(client: Client): Promise<SkillEntry[]> {
  const result = (await client.request('skills/list', {})) as { skills?: SkillEntry[] };
  return result.skills ?? [];
}

/** Reads a skill's SKILL.md, verifies it, then reads its other files. Throws on any mismatch. */
export async function loadSkill(client: Client, entry: SkillEntry): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const manifest = await readText(client, entry.uri);
  const listed = Array.isArray(entry.resources) ? entry.resources : [];
  const own = listed.find((file) => file.uri === entry.uri);
  if (own) await verifyFile(own, manifest);
  compareFrontmatter(entry.frontmatter, parseFrontmatter(manifest));
  files.set(entry.uri, manifest);
  for (const file of listed) {
    if (file.uri === entry.uri) continue;
    const text = await readText(client, file.uri);
    await verifyFile(file, text);
    files.set(file.uri, text);
  }
  return files;
}

async function readText(client: Client, uri: string): Promise<string> {
  const { contents } = await client.readResource({ uri });
  const first = contents[0];
  if (!first) throw new Error(`${uri} has no contents`);
  if ('text' in first) return first.text;
  return new TextDecoder().decode(Uint8Array.from(atob(first.blob), (c) => c.charCodeAt(0)));
}

async function verifyFile(file: SkillFile, text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength !== file.size) {
    throw new Error(
      `${file.uri} is ${bytes.byteLength} bytes, but the listing says ${file.size}; refusing to load it`,
    );
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const digest = `sha256:${[...hash].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (digest !== file.digest)
    throw new Error(`${file.uri} does not match its digest; refusing to load it`);
}

/** The YAML frontmatter of a SKILL.md: the simple `key: value` mapping skills use. */
export function parseFrontmatter(text: string): Record<string, unknown> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  if (lines[0] !== '---') throw new Error('SKILL.md does not start with a frontmatter fence');
  const out: Record<string, unknown> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^---[\t ]*$/.test(line)) return out;
    const match = /^([A-Za-z0-9_-]+):\s*(.*)$/.exec(line);
    if (match) out[match[1] as string] = unquote((match[2] as string).trim());
  }
  throw new Error('SKILL.md frontmatter has no closing fence');
}

function unquote(value: string): string {
  if (
    (value.startsWith('"') && value.endsWith('"')) ||
    (value.startsWith("'") && value.endsWith("'"))
  )
    return value.slice(1, -1);
  return value;
}

function compareFrontmatter(
  listed: Record<string, unknown>,
  actual: Record<string, unknown>,
): void {
  for (const key of new Set([...Object.keys(listed), ...Object.keys(actual)])) {
    if (JSON.stringify(listed[key]) !== JSON.stringify(actual[key])) {
      throw new Error(
        `SKILL.md frontmatter "${key}" differs from the listing; refusing to load it`,
      );
    }
  }
}
