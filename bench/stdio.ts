/**
 * stdio `tools/call` echo round trips per second with 16 requests in flight, for mcpkit's server
 * and the official SDKs' (1.x and 2.x), beside a hand-written floor (readline + JSON.parse +
 * JSON.stringify), all measured in the same run by the same driver. Prints throughput, the ratios
 * the targets are stated in, and each server's CPU time per call (read from /proc).
 *
 *   pnpm bench:stdio            targets: ≥ 2× official 1.x and ≥ 0.6× the floor, in both eras
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// tsx as a loader inside the server process itself (its CLI would add a parent process, hiding
// the server's CPU time from /proc).
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const IN_FLIGHT = 16;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLOCK_TICKS = 100; // Linux USER_HZ

export interface Cell {
  name: string;
  command: string;
  args: string[];
  era: 'stateful' | 'stateless';
}

export interface CellResult {
  name: string;
  rps: number;
  cpuMicrosPerCall: number;
}

const node = process.execPath;
// tsx only transpiles the server file itself: the @mcpkit packages it imports are their built
// dist (the bench script builds them first), what users run, not the TypeScript sources.
const ts = (file: string) => ['--import', tsxLoader, path.join(here, file)];
const js = (file: string) => [path.join(here, file)];

export const STDIO_CELLS: Cell[] = [
  {
    name: 'floor (readline + JSON)',
    command: node,
    args: js('servers/floor-echo.mjs'),
    era: 'stateful',
  },
  {
    name: 'floor, stateless request',
    command: node,
    args: js('servers/floor-echo.mjs'),
    era: 'stateless',
  },
  {
    name: 'mcpkit, stateful (2025-11-25)',
    command: node,
    args: ts('servers/mcpkit-echo.ts'),
    era: 'stateful',
  },
  {
    name: 'mcpkit, stateless (2026-07-28)',
    command: node,
    args: ts('servers/mcpkit-echo.ts'),
    era: 'stateless',
  },
  {
    name: 'fastmcp, stateful (2025-11-25)',
    command: node,
    args: ts('servers/fastmcp-echo.ts'),
    era: 'stateful',
  },
  {
    name: 'fastmcp, stateless (2026-07-28)',
    command: node,
    args: ts('servers/fastmcp-echo.ts'),
    era: 'stateless',
  },
  {
    name: 'official 1.x, stateful',
    command: node,
    args: js('servers/official-v1-echo.mjs'),
    era: 'stateful',
  },
  {
    name: 'official 2.x, stateful',
    command: node,
    args: js('servers/official-v2-echo.mjs'),
    era: 'stateful',
  },
  {
    name: 'official 2.x, stateless (2026-07-28)',
    command: node,
    args: js('servers/official-v2-echo.mjs'),
    era: 'stateless',
  },
];

const META = JSON.stringify({
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
});

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Drives one server: keeps 16 echo calls in flight and counts answers. */
class Driver {
  private readonly pending = new Map<number, () => void>();
  private nextId = 1;
  private buffer = '';

  constructor(
    readonly child: ChildProcess,
    private readonly era: 'stateful' | 'stateless',
  ) {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => this.onData(chunk));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
      const idStart = line.indexOf('"id":');
      if (idStart === -1) continue;
      const id = Number.parseInt(line.slice(idStart + 5), 10);
      const done = this.pending.get(id);
      if (done) {
        if (line.includes('"error"'))
          throw new Error(`the server answered with an error: ${line.slice(0, 300)}`);
        this.pending.delete(id);
        done();
      }
    }
  }

  request(method: string, params: string): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin?.write(
        `{"jsonrpc":"2.0","id":${id},"method":"${method}","params":${params}}\n`,
      );
    });
  }

  async handshake(): Promise<void> {
    if (this.era === 'stateless') return;
    await this.request(
      'initialize',
      '{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}',
    );
    this.child.stdin?.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  }

  echoParams(): string {
    const meta = this.era === 'stateless' ? `,"_meta":${META}` : '';
    return `{"name":"echo","arguments":{"message":"hello world"}${meta}}`;
  }

  /** Runs for `ms` with IN_FLIGHT calls outstanding; returns how many completed. */
  async run(ms: number): Promise<number> {
    const params = this.echoParams();
    const end = performance.now() + ms;
    let completed = 0;
    const lane = async () => {
      while (performance.now() < end) {
        await this.request('tools/call', params);
        completed++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return completed;
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** One server under the driver: its process, and the rate and CPU per call of each window. */
class Running {
  readonly rates: number[] = [];
  readonly cpu: number[] = [];
  private readonly child: ChildProcess;
  private readonly driver: Driver;

  constructor(readonly cell: Cell) {
    this.child = spawn(cell.command, cell.args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.driver = new Driver(this.child, cell.era);
  }

  async warm(): Promise<void> {
    await this.driver.handshake();
    await this.driver.run(WARMUP_MS);
  }

  async window(): Promise<void> {
    const cpuBefore = cpuSeconds(this.child.pid as number);
    const start = performance.now();
    const calls = await this.driver.run(WINDOW_MS);
    const elapsed = (performance.now() - start) / 1000;
    const cpuUsed = cpuSeconds(this.child.pid as number) - cpuBefore;
    this.rates.push(calls / elapsed);
    this.cpu.push((cpuUsed / calls) * 1e6);
  }

  result(): CellResult {
    return { name: this.cell.name, rps: median(this.rates), cpuMicrosPerCall: median(this.cpu) };
  }

  stop(): void {
    this.child.stdin?.end();
    this.child.kill();
  }
}

export async function measureCell(cell: Cell): Promise<CellResult> {
  const running = new Running(cell);
  try {
    await running.warm();
    for (let round = 0; round < ROUNDS; round++) await running.window();
    return running.result();
  } finally {
    running.stop();
  }
}

/**
 * Two servers measured window by window in turns (the order alternating each round), for a ratio
 * that a busy stretch of the machine does not skew: the median of the per-round ratios.
 */
export async function measurePair(
  a: Cell,
  b: Cell,
): Promise<{ a: CellResult; b: CellResult; ratio: number }> {
  const first = new Running(a);
  const second = new Running(b);
  try {
    await first.warm();
    await second.warm();
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [first, second] : [second, first];
      for (const running of order) await running.window();
    }
    const ratios = second.rates.map((rate, i) => rate / (first.rates[i] ?? Number.NaN));
    return { a: first.result(), b: second.result(), ratio: median(ratios) };
  } finally {
    first.stop();
    second.stop();
  }
}

function ratio(a: CellResult | undefined, b: CellResult | undefined): string {
  return a && b ? `${(a.rps / b.rps).toFixed(2)}×` : 'n/a';
}

async function main(): Promise<void> {
  const results: CellResult[] = [];
  // FastMCP against the low-level server: measured in turns, for a paired ratio
  const pairs = new Map<string, number>();
  const paired = new Set<string>();
  for (const era of ['stateful (2025-11-25)', 'stateless (2026-07-28)']) {
    const low = STDIO_CELLS.find((c) => c.name === `mcpkit, ${era}`);
    const high = STDIO_CELLS.find((c) => c.name === `fastmcp, ${era}`);
    if (!low || !high) continue;
    try {
      const pair = await measurePair(low, high);
      results.push(pair.a, pair.b);
      pairs.set(era, pair.ratio);
    } catch (error) {
      console.log(
        `  ${low.name} / ${high.name}: could not be measured (${(error as Error).message})`,
      );
    }
    paired.add(low.name).add(high.name);
  }
  for (const cell of STDIO_CELLS) {
    if (paired.has(cell.name)) continue;
    try {
      results.push(await measureCell(cell));
    } catch (error) {
      console.log(`  ${cell.name}: could not be measured (${(error as Error).message})`);
    }
  }
  results.sort(
    (x, y) =>
      STDIO_CELLS.findIndex((c) => c.name === x.name) -
      STDIO_CELLS.findIndex((c) => c.name === y.name),
  );
  const by = (name: string) => results.find((r) => r.name === name);
  const floor = by('floor (readline + JSON)');
  const v1 = by('official 1.x, stateful');
  console.log(
    `\nstdio tools/call echo, ${IN_FLIGHT} in flight (median of ${ROUNDS} × ${WINDOW_MS} ms)`,
  );
  console.log(
    `  ${'server'.padEnd(40)} ${'calls/s'.padStart(10)} ${'vs floor'.padStart(9)} ${'vs 1.x'.padStart(8)} ${'CPU/call'.padStart(10)}`,
  );
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(40)} ${Math.round(r.rps).toLocaleString('en-US').padStart(10)} ${ratio(r, floor).padStart(9)} ${ratio(r, v1).padStart(8)} ${`${r.cpuMicrosPerCall.toFixed(1)} µs`.padStart(10)}`,
    );
  }
  for (const [era, floorName] of [
    ['stateful (2025-11-25)', 'floor (readline + JSON)'],
    ['stateless (2026-07-28)', 'floor, stateless request'],
  ] as const) {
    const ours = by(`mcpkit, ${era}`);
    console.log(
      `\nmcpkit ${era}: ${ratio(ours, v1)} official 1.x (target ≥ 2×), ${ratio(ours, by(floorName))} the floor (target ≥ 0.6×)`,
    );
    const high = by(`fastmcp, ${era}`);
    const pairedRatio = pairs.get(era);
    console.log(
      `fastmcp ${era}: ${pairedRatio === undefined ? 'n/a' : `${pairedRatio.toFixed(2)}×`} the low-level server (median of ${ROUNDS} paired windows; target ≥ 0.85×: the high-level layer costs ≤ 15 %), ${ratio(high, by(floorName))} the floor`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await main();
