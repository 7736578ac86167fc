/**
 * Tiny measuring helpers shared by the bench scripts: warm up, then run for a fixed wall time
 * and count, several rounds, reporting the median.
 */

export interface Measurement {
  name: string;
  /** operations per second, median of the rounds */
  opsPerSec: number;
  rounds: number[];
}

/** Runs `batch` (which performs `batchSize` operations) repeatedly for `ms`, `rounds` times. */
export async function measure(
  name: string,
  batch: () => Promise<unknown>,
  batchSize: number,
  { ms = 1500, rounds = 5, warmupMs = 500 } = {},
): Promise<Measurement> {
  const until = performance.now() + warmupMs;
  while (performance.now() < until) await batch();
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ops = 0;
    const start = performance.now();
    const end = start + ms;
    while (performance.now() < end) {
      await batch();
      ops += batchSize;
    }
    results.push((ops * 1000) / (performance.now() - start));
  }
  const sorted = [...results].sort((a, b) => a - b);
  return { name, opsPerSec: sorted[Math.floor(sorted.length / 2)] as number, rounds: results };
}

export function formatRate(n: number): string {
  return `${Math.round(n).toLocaleString('en-US')}/s`;
}

/** Prints a table of measurements and the ratio of each to the baseline named `against`. */
export function report(title: string, rows: Measurement[], against: string): void {
  const base = rows.find((r) => r.name === against);
  console.log(`\n${title}`);
  for (const row of rows) {
    const ratio = base ? ` ${(row.opsPerSec / base.opsPerSec).toFixed(2)}× ${against}` : '';
    console.log(`  ${row.name.padEnd(42)} ${formatRate(row.opsPerSec).padStart(12)}${ratio}`);
  }
}
