/**
 * Starting a server process safely on every platform: a small default environment instead of the
 * whole parent environment, and Windows command resolution (`npx` is `npx.cmd`) that never hands
 * user input to a shell unescaped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** Environment variables a server inherits by default: what tools need to run, nothing secret. */
export const DEFAULT_INHERITED_ENV_VARS =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PATHEXT',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'TMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
        'ComSpec',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER', 'LANG', 'TMPDIR'];

/**
 * The default environment of a spawned server: the inherited allow-list only. Values that look
 * like exported shell functions (`() {…}`) are skipped: they are a known injection vector.
 */
export function getDefaultEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of DEFAULT_INHERITED_ENV_VARS) {
    const value = process.env[key];
    if (value === undefined || value.startsWith('()')) continue;
    env[key] = value;
  }
  return env;
}

/** What to pass to `child_process.spawn`. */
export interface ResolvedCommand {
  file: string;
  args: string[];
  /** Windows only: arguments are pre-quoted for cmd.exe. */
  windowsVerbatimArguments: boolean;
}

/**
 * Resolves `command` for spawning. On Windows a command found as a `.cmd` / `.bat` script (npx,
 * npm, pnpm, …) must run through cmd.exe; every argument is then quoted and its cmd.exe
 * metacharacters escaped, so no argument can start a second command.
 */
export function resolveCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): ResolvedCommand {
  if (platform !== 'win32')
    return { file: command, args: [...args], windowsVerbatimArguments: false };
  const found = findOnWindowsPath(command, env);
  if (found && /\.(cmd|bat)$/i.test(found)) {
    const line = [found.replace(CMD_META, '^$&'), ...args.map(quoteForCmd)].join(' ');
    return {
      file: env.ComSpec ?? env.COMSPEC ?? 'cmd.exe',
      args: ['/d', '/s', '/c', `"${line}"`],
      windowsVerbatimArguments: true,
    };
  }
  return { file: found ?? command, args: [...args], windowsVerbatimArguments: false };
}

/**
 * Quotes one argument for cmd.exe running a batch script: CommandLineToArgvW quoting first, then
 * every cmd.exe metacharacter escaped with `^` (twice, because a .cmd file re-parses its
 * arguments once more).
 */
export function quoteForCmd(arg: string): string {
  // CommandLineToArgvW: backslashes before a quote are doubled, quotes escaped, whole thing quoted
  let quoted = `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\*)$/, '$1$1')}"`;
  quoted = quoted.replace(CMD_META, '^$&');
  return quoted.replace(CMD_META, '^$&');
}

const CMD_META = /[()%!^"<>&|]/g;

function findOnWindowsPath(
  command: string,
  env: Record<string, string | undefined>,
): string | undefined {
  const extensions = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  const hasExtension = path.win32.extname(command) !== '';
  const candidates = hasExtension
    ? [command]
    : extensions.map((ext) => command + ext.toLowerCase());
  const isPath = command.includes('\\') || command.includes('/');
  const dirs = isPath ? [''] : (env.PATH ?? env.Path ?? '').split(';').filter(Boolean);
  for (const dir of dirs) {
    for (const candidate of candidates) {
      const full = dir ? path.win32.join(dir, candidate) : candidate;
      if (existsSync(full)) return full;
    }
  }
  return undefined;
}
