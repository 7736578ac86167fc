/**
 * FastMCP settings: what the constructor was given, else the `FASTMCP_*` environment variables
 * (the names Python's FastMCP reads), else the defaults. Checked once, with a message naming the
 * variable that is wrong.
 */
import { SdkError } from '@mcpkit/protocol';
import { z } from 'zod';

/** From most to least verbose; `silent` logs nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** How FastMCP runs over HTTP, and how much it logs (to stderr: stdout is the stdio wire). */
export interface FastMCPSettings {
  /** Host to bind Streamable HTTP to. Default `127.0.0.1` (`FASTMCP_HOST`). */
  host: string;
  /** Port for Streamable HTTP. Default 8000 (`FASTMCP_PORT`). */
  port: number;
  /** Path of the MCP endpoint. Default `/mcp` (`FASTMCP_STREAMABLE_HTTP_PATH`). */
  streamableHttpPath: string;
  /** Serve HTTP without sessions. Default false (`FASTMCP_STATELESS_HTTP`). */
  statelessHttp: boolean;
  /** Answer HTTP requests with JSON, never SSE. Default false (`FASTMCP_JSON_RESPONSE`). */
  jsonResponse: boolean;
  /** The server's own log (stderr). Default `info` (`FASTMCP_LOG_LEVEL`). */
  logLevel: (typeof LOG_LEVELS)[number];
}

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes' || v === 'on');

const SettingsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8000),
  streamableHttpPath: z.string().regex(/^\//, 'must start with "/"').default('/mcp'),
  statelessHttp: flag.default(false),
  jsonResponse: flag.default(false),
  logLevel: z
    .string()
    .transform((v) => v.toLowerCase().replace(/^warning$/, 'warn'))
    .pipe(z.enum(LOG_LEVELS))
    .default('info'),
});

const ENV_NAMES: Readonly<Record<keyof FastMCPSettings, string>> = {
  host: 'FASTMCP_HOST',
  port: 'FASTMCP_PORT',
  streamableHttpPath: 'FASTMCP_STREAMABLE_HTTP_PATH',
  statelessHttp: 'FASTMCP_STATELESS_HTTP',
  jsonResponse: 'FASTMCP_JSON_RESPONSE',
  logLevel: 'FASTMCP_LOG_LEVEL',
};

/** Resolves settings: explicit values, then `FASTMCP_*` variables, then defaults. */
export function resolveSettings(
  given: Partial<FastMCPSettings>,
  env: Readonly<Record<string, string | undefined>> = environment(),
): FastMCPSettings {
  const input: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  for (const key of Object.keys(ENV_NAMES) as Array<keyof FastMCPSettings>) {
    if (given[key] !== undefined) {
      input[key] = given[key];
      source[key] = `the ${key} option`;
    } else if (env[ENV_NAMES[key]] !== undefined && env[ENV_NAMES[key]] !== '') {
      input[key] = env[ENV_NAMES[key]];
      source[key] = ENV_NAMES[key];
    }
  }
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      return `${source[key] ?? key} (${JSON.stringify(input[key])}): ${issue.message}`;
    });
    throw new SdkError('INVALID_ARGUMENT', `Invalid FastMCP settings: ${problems.join('; ')}.`);
  }
  return parsed.data as FastMCPSettings;
}

function environment(): Readonly<Record<string, string | undefined>> {
  return (
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}
  );
}
