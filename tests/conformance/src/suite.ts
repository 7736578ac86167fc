/**
 * Runs the official MCP conformance suite (`@modelcontextprotocol/conformance`, pinned) and reads
 * its results with the project's verdict rule: a scenario PASSes when it has no FAILURE check and
 * at least one SUCCESS besides the synthetic `wire-schema-*` ones; WARNINGs are counted apart.
 * The suite needs Node 22: it and a Node 22 binary are installed from the npm registry into a
 * cache (shared with ../shared/tools/conformance), so this works on a clean machine with npm.
 */
import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SUITE_VERSION = process.env.CONFORMANCE_VERSION ?? '0.2.0-alpha.12';

/** One scenario's outcome. */
export interface ScenarioResult {
  name: string;
  result: 'PASS' | 'FAIL' | 'ERROR' | 'SKIP';
  success: number;
  failure: number;
  warning: number;
  /** Ids of FAILURE and WARNING checks, with their messages. */
  problems: Array<{ id: string; status: string; message: string }>;
}

interface Suite {
  node: string;
  cli: string;
}

let installed: Promise<Suite> | undefined;

/** Installs (once) the suite and Node 22 into the cache and returns their paths. */
export function ensureSuite(): Promise<Suite> {
  installed ??= (async () => {
    const base =
      process.env.CONFORMANCE_CACHE ??
      path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'mcpkit-conformance');
    const cache = path.join(base, SUITE_VERSION);
    const node = path.join(cache, 'node_modules', '.bin', 'node');
    const cli = path.join(
      cache,
      'node_modules',
      '@modelcontextprotocol',
      'conformance',
      'dist',
      'index.js',
    );
    const pkg = path.join(
      cache,
      'node_modules',
      '@modelcontextprotocol',
      'conformance',
      'package.json',
    );
    const ready =
      existsSync(node) &&
      existsSync(pkg) &&
      JSON.parse(readFileSync(pkg, 'utf8')).version === SUITE_VERSION;
    if (!ready) {
      mkdirSync(cache, { recursive: true });
      if (!existsSync(path.join(cache, 'package.json')))
        writeFileSync(path.join(cache, 'package.json'), '{"private":true}');
      await run(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `@modelcontextprotocol/conformance@${SUITE_VERSION}`,
          'node@22',
        ],
        {
          cwd: cache,
          timeout: 300_000,
        },
      );
    }
    return { node, cli };
  })();
  return installed;
}

/** Runs the server scenarios against `url` (extra args go to the suite: --suite, --requirements). */
export async function runServerSuite(url: string, args: string[]): Promise<ScenarioResult[]> {
  const { node, cli } = await ensureSuite();
  const work = mkdtempSync(path.join(tmpdir(), 'mcpkit-conformance-server-'));
  try {
    const log = await capture(node, [
      cli,
      'server',
      '--url',
      url,
      '-o',
      path.join(work, 'results'),
      ...args,
    ]);
    return readResults(log, path.join(work, 'results'), 'server-');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs every client scenario against `command` (the suite appends the mock server's URL), a few
 * at a time. `--requirements R` runs revision R's set on its wire.
 */
export async function runClientSuite(
  command: string,
  args: string[],
  concurrency = 4,
): Promise<ScenarioResult[]> {
  const { node, cli } = await ensureSuite();
  const listArgs: string[] = [];
  const runArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--requirements') {
      listArgs.push('--requirements', args[i + 1] as string);
      runArgs.push('--spec-version', args[i + 1] as string, '--force');
      i++;
    } else {
      runArgs.push(args[i] as string);
    }
  }
  const listing = await capture(node, [cli, 'list', '--client', ...listArgs]);
  const names = listClientScenarios(listing);
  if (names.length === 0)
    throw new Error(`the suite listed no client scenarios:\n${listing.slice(0, 2000)}`);
  const work = mkdtempSync(path.join(tmpdir(), 'mcpkit-conformance-client-'));
  try {
    const logs: string[] = new Array(names.length);
    let next = 0;
    const lane = async () => {
      while (next < names.length) {
        const i = next++;
        const name = names[i] as string;
        const out = await capture(node, [
          cli,
          'client',
          '--command',
          command,
          '--scenario',
          name,
          '-o',
          path.join(work, 'results'),
          ...runArgs,
        ]);
        logs[i] = `=== Running scenario: ${name} ===\n${out}`;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return readResults(logs.join('\n'), path.join(work, 'results'), '');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `list --client` prints "  - NAME […]" under "Client scenarios" (and "    - NAME [client]" for unscored ones). */
function listClientScenarios(listing: string): string[] {
  const names: string[] = [];
  let inClient = false;
  for (const line of listing.split('\n')) {
    if (/^Client scenarios/.test(line)) {
      inClient = true;
      continue;
    }
    if (/^[A-Z]/.test(line)) inClient = false;
    const scored = /^ {2}- (\S+)/.exec(line);
    if (inClient && scored) names.push(scored[1] as string);
    const unscored = /^ {4}- (\S+) .*\[client\]$/.exec(line);
    if (unscored) names.push(unscored[1] as string);
  }
  return [...new Set(names)];
}

/** Runs a command with stdin closed; resolves with stdout+stderr whatever the exit code. */
function capture(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', () => resolve(out));
  });
}

/** Reads every announced scenario's checks.json and applies the verdict rule. */
function readResults(log: string, results: string, prefix: string): ScenarioResult[] {
  const announced =
    /^(?:=== Running scenario: (\S+) ===|Starting scenario: (\S+)$|Running client scenario (?:for authorization server )?'([^']+)'|SKIPPED: scenario '([^']+)')/gm;
  const names = [
    ...new Set([...log.matchAll(announced)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]) as string)),
  ];
  const skipped = new Set([...log.matchAll(/^SKIPPED: scenario '([^']+)'/gm)].map((m) => m[1]));
  return names.map((name): ScenarioResult => {
    if (skipped.has(name))
      return { name, result: 'SKIP', success: 0, failure: 0, warning: 0, problems: [] };
    const dir = path.join(results, path.dirname(prefix + name));
    const base = `${path.basename(prefix + name)}-`;
    const hit = (existsSync(dir) ? readdirSync(dir) : [])
      .filter((d) => d.startsWith(base) && /^\d{4}-\d\d-\d\dT[\d-]+Z$/.test(d.slice(base.length)))
      .sort()
      .pop();
    let checks: Array<{ id: string; status: string; errorMessage?: string; description?: string }>;
    try {
      checks = JSON.parse(readFileSync(path.join(dir, hit as string, 'checks.json'), 'utf8'));
    } catch {
      return { name, result: 'ERROR', success: 0, failure: 0, warning: 0, problems: [] };
    }
    const count = (status: string) => checks.filter((c) => c.status === status).length;
    const verified = checks.some(
      (c) => c.status === 'SUCCESS' && !String(c.id).startsWith('wire-schema-'),
    );
    const failure = count('FAILURE');
    return {
      name,
      result: failure > 0 || !verified ? 'FAIL' : 'PASS',
      success: count('SUCCESS'),
      failure,
      warning: count('WARNING'),
      problems: checks
        .filter((c) => c.status === 'FAILURE' || c.status === 'WARNING')
        .map((c) => ({
          id: c.id,
          status: c.status,
          message: c.errorMessage ?? c.description ?? '',
        })),
    };
  });
}

/** An allowed failure: the scenario, why it fails, and the issue that will fix it. */
export interface ExpectedFailure {
  reason: string;
}

/**
 * Compares a leg's results with its expected failures: a FAIL or ERROR not expected, a PASS that
 * is still listed (a stale entry), a WARNING anywhere, and a SKIP are all problems.
 */
export function compareWithExpected(
  results: ScenarioResult[],
  expected: Record<string, ExpectedFailure>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.name);
    const listed = Object.hasOwn(expected, r.name);
    if (r.result === 'SKIP') problems.push(`${r.name} was skipped: the leg's flags are wrong`);
    else if (r.result !== 'PASS' && !listed) {
      const details = r.problems.map((p) => `${p.status} ${p.id}: ${p.message}`).join('; ');
      problems.push(
        `${r.name} ${r.result} (${r.success}/${r.success + r.failure}): ${details.slice(0, 600)}`,
      );
    } else if (r.result === 'PASS' && listed) {
      problems.push(`${r.name} passes now: remove it from the expected failures (stale entry)`);
    }
    if (r.result === 'PASS' && r.warning > 0) {
      problems.push(
        `${r.name} passes with ${r.warning} warning(s): ${r.problems
          .map((p) => `${p.id}: ${p.message}`)
          .join('; ')
          .slice(0, 400)}`,
      );
    }
  }
  for (const name of Object.keys(expected)) {
    if (!seen.has(name)) problems.push(`${name} is listed as an expected failure but did not run`);
  }
  return problems;
}

/** A one-line-per-scenario report, like the shared scripts print. */
export function formatResults(label: string, results: ScenarioResult[]): string {
  const counted = results.filter((r) => r.result !== 'SKIP');
  const passed = counted.filter((r) => r.result === 'PASS').length;
  const lines = results.map((r) =>
    r.result === 'SKIP'
      ? `SKIP ${r.name}`
      : `${r.result} ${r.name} (${r.success}/${r.success + r.failure} checks${r.warning ? `, ${r.warning} warnings` : ''})`,
  );
  return `${lines.join('\n')}\n${label}: ${passed}/${counted.length} scenarios passed`;
}
