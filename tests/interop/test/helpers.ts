import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Command and args that run mcpkit's everything server on stdio, from source. */
export const everythingServer = {
  command: process.execPath,
  args: [
    tsxCli,
    '--conditions=@mcpkit/source',
    path.join(root, 'examples/everything-server/src/main.ts'),
    '--stdio',
  ],
};

/** Command and args that run one of the official-SDK fixture servers. */
export function officialServer(name: 'official-v1-server.mjs' | 'official-v2-server.mjs') {
  return { command: process.execPath, args: [path.join(here, 'fixtures', name)] };
}
