/**
 * Streamable HTTP `tools/call` echo with 16 concurrent clients (one keep-alive connection and,
 * where the era has them, one session each), for mcpkit's server and the official SDKs' (1.x and
 * 2.x, each on plain node:http as their docs show), beside a hand-written floor, all measured in
 * the same run by the same driver. Three cells: stateful (2025-11-25 with sessions), stateless
 * (2025-11-25 without sessions) and 2026-07-28. Prints throughput and server CPU per call as
 * ratios, then the heap each open legacy session costs. mcpkit's default answers a request that
 * sends nothing before its answer with plain JSON and streams (SSE) otherwise; the official
 * servers always stream; `--json-response` never streams.
 *
 *   pnpm bench:http        targets: CPU per call ≤ 2× the floor in every cell; ≤ 5 KiB heap per session
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const CLIENTS = 16;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HEAP_SESSIONS = Number(process.env.BENCH_HEAP_SESSIONS ?? 2000);
const CLOCK_TICKS = 100; // Linux USER_HZ

type Era = 'stateful' | 'stateless' | '2026-07-28';

interface Server {
  name: string;
  args: string[];
}

interface Cell {
  era: Era;
  server: Server;
  /** The floor of the cell: what the others are compared with. */
  floor?: boolean;
}

interface CellResult {
  era: Era;
  name: string;
  rps: number;
  cpuMicrosPerCall: number;
  floor: boolean;
}

// tsx only transpiles the server file itself: the @mcpkit packages it imports are their built
// dist (the bench script builds them first), what users run, not the TypeScript sources.
const ts = (file: string, ...flags: string[]) => [
  '--import',
  tsxLoader,
  path.join(here, 'servers', file),
  ...flags,
];
const js = (file: string, ...flags: string[]) => [path.join(here, 'servers', file), ...flags];

const FLOOR: Server = { name: 'floor (node:http + JSON)', args: js('floor-http.mjs') };
const MCPKIT: Server = { name: 'mcpkit (default)', args: ts('mcpkit-http.ts') };
const MCPKIT_JSON: Server = {
  name: 'mcpkit --json-response',
  args: ts('mcpkit-http.ts', '--json-response'),
};
const FASTMCP: Server = { name: 'fastmcp (default)', args: ts('fastmcp-http.ts') };
const V1: Server = { name: 'official 1.x', args: js('official-v1-http.mjs') };
const V2: Server = { name: 'official 2.x', args: js('official-v2-http.mjs') };

const CELLS: Cell[] = [
  { era: 'stateful', server: FLOOR, floor: true },
  { era: 'stateful', server: MCPKIT },
  { era: 'stateful', server: MCPKIT_JSON },
  { era: 'stateful', server: FASTMCP },
  { era: 'stateful', server: V1 },
  { era: 'stateful', server: V2 },
  { era: 'stateless', server: FLOOR, floor: true },
  {
    era: 'stateless',
    server: { name: 'mcpkit --stateless', args: ts('mcpkit-http.ts', '--stateless') },
  },
  {
    era: 'stateless',
    server: {
      name: 'mcpkit --stateless --json-response',
      args: ts('mcpkit-http.ts', '--stateless', '--json-response'),
    },
  },
  {
    era: 'stateless',
    server: { name: 'fastmcp --stateless', args: ts('fastmcp-http.ts', '--stateless') },
  },
  {
    era: 'stateless',
    server: { name: 'official 1.x --stateless', args: js('official-v1-http.mjs', '--stateless') },
  },
  {
    era: 'stateless',
    server: {
      name: 'official 2.x createMcpHandler',
      args: js('official-v2-http.mjs', '--stateless'),
    },
  },
  { era: '2026-07-28', server: FLOOR, floor: true },
  { era: '2026-07-28', server: MCPKIT },
  { era: '2026-07-28', server: MCPKIT_JSON },
  { era: '2026-07-28', server: FASTMCP },
  {
    era: '2026-07-28',
    server: {
      name: 'official 2.x createMcpHandler',
      args: js('official-v2-http.mjs', '--stateless'),
    },
  },
];

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Starts a server process and waits for its "listening on URL" line. */
async function start(server: Server): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--expose-gc', ...server.args], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const url = await new Promise<URL>((resolve, reject) => {
    let text = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(new URL(match[1] as string));
    });
    child.once('exit', (code) => reject(new Error(`${server.name} exited (${code}): ${text}`)));
  });
  return { child, url };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
};

/** One client: a keep-alive connection, and a session where the era has them. */
class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private sessionId: string | undefined;
  private nextId = 1;

  constructor(
    private readonly url: URL,
    private readonly era: Era,
  ) {}

  /** POSTs one message; resolves with the status, the session header and the whole body. */
  private post(
    message: Record<string, unknown>,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; sessionId: string | undefined; body: string }> {
    const body = JSON.stringify(message);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'Content-Length': String(Buffer.byteLength(body)),
      'MCP-Protocol-Version': this.era === '2026-07-28' ? '2026-07-28' : '2025-11-25',
      ...extraHeaders,
    };
    if (this.sessionId) headers['Mcp-Session-Id'] = this.sessionId;
    return new Promise((resolve, reject) => {
      const request = http.request(
        this.url,
        { method: 'POST', agent: this.agent, headers },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              sessionId: response.headers['mcp-session-id'] as string | undefined,
              body: text,
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  async open(): Promise<void> {
    if (this.era !== 'stateful') return;
    const { sessionId, body } = await this.post({
      jsonrpc: '2.0',
      id: this.nextId++,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'bench', version: '1' },
      },
    });
    if (!sessionId) throw new Error(`initialize gave no session id: ${body.slice(0, 300)}`);
    this.sessionId = sessionId;
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  async echo(): Promise<void> {
    const params: Record<string, unknown> = {
      name: 'echo',
      arguments: { message: 'hello world' },
    };
    const headers: Record<string, string> = {};
    if (this.era === '2026-07-28') {
      params._meta = META;
      headers['Mcp-Method'] = 'tools/call';
      headers['Mcp-Name'] = 'echo';
    }
    const { status, body } = await this.post(
      { jsonrpc: '2.0', id: this.nextId++, method: 'tools/call', params },
      headers,
    );
    if (status !== 200 || !body.includes('"hello world"') || body.includes('"error"'))
      throw new Error(`echo failed (${status}): ${body.slice(0, 300)}`);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `clients` for `ms`, each with one call outstanding; returns how many completed. */
async function drive(clients: HttpClient[], ms: number): Promise<number> {
  const end = performance.now() + ms;
  let completed = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        await client.echo();
        completed++;
      }
    }),
  );
  return completed;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** One server under CLIENTS concurrent clients: the rate and CPU per call of each window. */
class Running {
  readonly rates: number[] = [];
  readonly cpu: number[] = [];
  private child: ChildProcess | undefined;
  private clients: HttpClient[] = [];

  constructor(readonly cell: Cell) {}

  async warm(): Promise<void> {
    const { child, url } = await start(this.cell.server);
    this.child = child;
    this.clients = Array.from({ length: CLIENTS }, () => new HttpClient(url, this.cell.era));
    await Promise.all(this.clients.map((client) => client.open()));
    await drive(this.clients, WARMUP_MS);
  }

  async window(): Promise<void> {
    const pid = this.child?.pid as number;
    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    const calls = await drive(this.clients, WINDOW_MS);
    const elapsed = (performance.now() - started) / 1000;
    const used = cpuSeconds(pid) - cpuBefore;
    this.rates.push(calls / elapsed);
    this.cpu.push((used / calls) * 1e6);
  }

  result(): CellResult {
    return {
      era: this.cell.era,
      name: this.cell.server.name,
      rps: median(this.rates),
      cpuMicrosPerCall: median(this.cpu),
      floor: this.cell.floor === true,
    };
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.close();
    if (this.child) await stop(this.child);
  }
}

async function measureCell(cell: Cell): Promise<CellResult> {
  const running = new Running(cell);
  try {
    await running.warm();
    for (let round = 0; round < ROUNDS; round++) await running.window();
    return running.result();
  } finally {
    await running.stop();
  }
}

interface PairResult {
  a: CellResult;
  b: CellResult;
  /** b against a: medians of the per-round ratios. */
  rpsRatio: number;
  cpuRatio: number;
}

/**
 * Two servers measured window by window in turns (the order alternating each round), for ratios
 * that a busy stretch of the machine does not skew.
 */
async function measurePair(a: Cell, b: Cell): Promise<PairResult> {
  const first = new Running(a);
  const second = new Running(b);
  try {
    await first.warm();
    await second.warm();
    for (let round = 0; round < ROUNDS; round++) {
      for (const running of round % 2 === 0 ? [first, second] : [second, first])
        await running.window();
    }
    const per = (x: number[], y: number[]) =>
      median(y.map((value, i) => value / (x[i] ?? Number.NaN)));
    return {
      a: first.result(),
      b: second.result(),
      rpsRatio: per(first.rates, second.rates),
      cpuRatio: per(first.cpu, second.cpu),
    };
  } finally {
    await first.stop();
    await second.stop();
  }
}

function heapOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { heapUsed: number }).heapUsed));
    child.send('heap');
  });
}

/** Heap per open legacy session: opens HEAP_SESSIONS sessions and divides the heap growth. */
async function measureSessionHeap(server: Server): Promise<number> {
  const { child, url } = await start(server);
  const opened: HttpClient[] = [];
  try {
    // warm the code paths (and their lazily built caches) before the baseline
    const warm = Array.from({ length: 32 }, () => new HttpClient(url, 'stateful'));
    await Promise.all(warm.map((client) => client.open()));
    for (const client of warm) client.close();
    const before = await heapOf(child);
    for (let i = 0; i < HEAP_SESSIONS; i += CLIENTS) {
      const batch = Array.from({ length: CLIENTS }, () => new HttpClient(url, 'stateful'));
      await Promise.all(batch.map((client) => client.open()));
      for (const client of batch) client.close();
      opened.push(...batch);
    }
    const after = await heapOf(child);
    return (after - before) / opened.length;
  } finally {
    await stop(child);
  }
}

function ratio(a: number, b: number | undefined): string {
  return b ? `${(a / b).toFixed(2)}×` : 'n/a';
}

async function main(): Promise<void> {
  const results: CellResult[] = [];
  // BENCH_ONLY=<regex> measures only the matching servers (and the floors), for quick looks
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  // what the high-level layer costs: FastMCP and the low-level server, measured in turns
  const HIGH_LEVEL_PAIRS = [
    ['stateful', 'mcpkit (default)', 'fastmcp (default)'],
    ['stateless', 'mcpkit --stateless', 'fastmcp --stateless'],
    ['2026-07-28', 'mcpkit (default)', 'fastmcp (default)'],
  ] as const;
  const pairs = new Map<string, PairResult>();
  const paired = new Set<Cell>();
  for (const [era, low, high] of HIGH_LEVEL_PAIRS) {
    const a = CELLS.find((c) => c.era === era && c.server.name === low);
    const b = CELLS.find((c) => c.era === era && c.server.name === high);
    if (!a || !b || (only && !only.test(low) && !only.test(high))) continue;
    paired.add(a).add(b);
    try {
      pairs.set(era, await measurePair(a, b));
    } catch (error) {
      console.log(`  ${era} / ${low} + ${high}: not measured (${(error as Error).message})`);
    }
  }
  for (const cell of CELLS) {
    const pair = pairs.get(cell.era);
    if (paired.has(cell)) {
      if (pair) results.push(pair.a.name === cell.server.name ? pair.a : pair.b);
      continue;
    }
    if (only && !cell.floor && !only.test(cell.server.name)) continue;
    try {
      results.push(await measureCell(cell));
    } catch (error) {
      console.log(
        `  ${cell.era} / ${cell.server.name}: not measured (${(error as Error).message})`,
      );
    }
  }
  console.log(
    `\nStreamable HTTP tools/call echo, ${CLIENTS} concurrent clients (median of ${ROUNDS} × ${WINDOW_MS} ms)`,
  );
  const verdicts: string[] = [];
  for (const era of ['stateful', 'stateless', '2026-07-28'] as const) {
    const rows = results.filter((r) => r.era === era);
    const floor = rows.find((r) => r.floor);
    console.log(
      `\n  ${era.padEnd(36)} ${'calls/s'.padStart(9)} ${'vs floor'.padStart(9)} ${'CPU/call'.padStart(10)} ${'CPU vs floor'.padStart(13)}`,
    );
    for (const r of rows) {
      console.log(
        `  ${r.name.padEnd(36)} ${Math.round(r.rps).toLocaleString('en-US').padStart(9)} ${ratio(r.rps, floor?.rps).padStart(9)} ${`${r.cpuMicrosPerCall.toFixed(1)} µs`.padStart(10)} ${ratio(r.cpuMicrosPerCall, floor?.cpuMicrosPerCall).padStart(13)}`,
      );
      if ((r.name.startsWith('mcpkit') || r.name.startsWith('fastmcp')) && floor) {
        const cpuRatio = r.cpuMicrosPerCall / floor.cpuMicrosPerCall;
        verdicts.push(
          `${era} / ${r.name}: CPU ${cpuRatio.toFixed(2)}× the floor ${cpuRatio <= 2 ? 'meets' : 'MISSES'} the ≤ 2× target`,
        );
      }
    }
  }
  console.log(`\n${verdicts.join('\n')}`);
  for (const [era] of HIGH_LEVEL_PAIRS) {
    const pair = pairs.get(era);
    if (pair)
      console.log(
        `fastmcp ${era}: ${pair.rpsRatio.toFixed(2)}× the low-level server's throughput (median of ${ROUNDS} paired windows; target ≥ 0.85×), CPU/call ${pair.cpuRatio.toFixed(2)}×`,
      );
  }

  console.log(`\nheap per open legacy session (${HEAP_SESSIONS} sessions, after full GC)`);
  for (const server of [FLOOR, MCPKIT, V1, V2]) {
    if (only && server !== FLOOR && !only.test(server.name)) continue;
    try {
      const bytes = await measureSessionHeap(server);
      const target =
        server === MCPKIT ? (bytes <= 5 * 1024 ? '  (meets ≤ 5 KiB)' : '  (MISSES ≤ 5 KiB)') : '';
      console.log(
        `  ${server.name.padEnd(36)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB${target}`,
      );
    } catch (error) {
      console.log(`  ${server.name}: not measured (${(error as Error).message})`);
    }
  }
}

await main();
