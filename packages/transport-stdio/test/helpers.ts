import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { StdioServerParameters } from '../src/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Parameters that run a TypeScript fixture in a real child process, on our sources. */
export function fixture(
  name: string,
  args: string[] = [],
  extra: Partial<StdioServerParameters> = {},
): StdioServerParameters {
  return {
    command: process.execPath,
    args: [tsxCli, '--conditions=@mcpkit/source', path.join(here, 'fixtures', name), ...args],
    stderr: 'pipe',
    ...extra,
  };
}

/** Parameters that run a plain JavaScript fixture. */
export function jsFixture(name: string, args: string[] = []): StdioServerParameters {
  return {
    command: process.execPath,
    args: [path.join(here, 'fixtures', name), ...args],
    stderr: 'pipe',
  };
}
