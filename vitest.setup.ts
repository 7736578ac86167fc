import { afterEach, beforeEach, vi } from 'vitest';

// Library code never writes to the console (stdout is the wire in stdio servers), so any
// console output during a test is a bug: it fails the test that produced it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    const seen = calls.join('\n');
    calls = [];
    throw new Error(`unexpected console output during the test:\n${seen}`);
  }
});
