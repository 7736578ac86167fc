/**
 * The MCP HTTP headers of 2026-07-28, both sides: `Mcp-Method` and `Mcp-Name` derived from the
 * body, and `Mcp-Param-<Name>` mirrored from tool arguments annotated with `x-mcp-header`. Values
 * that are not safe header text travel as `=?base64?<UTF-8 base64>?=`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports
 */

/** Methods whose `Mcp-Name` header carries a field of the params. */
const NAME_FIELDS: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

/** The params field `Mcp-Name` mirrors for `method`, if any. */
export function nameFieldOf(method: string): string | undefined {
  return NAME_FIELDS[method];
}

/** The standard headers a request body implies (`Mcp-Method`, and `Mcp-Name` where defined). */
export function standardHeadersFor(message: {
  method?: unknown;
  params?: unknown;
}): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof message.method !== 'string') return headers;
  headers['Mcp-Method'] = message.method;
  const field = NAME_FIELDS[message.method];
  const params = message.params as Record<string, unknown> | undefined;
  const value = field ? params?.[field] : undefined;
  if (typeof value === 'string') headers['Mcp-Name'] = encodeHeaderValue(value);
  return headers;
}

const SENTINEL_START = '=?base64?';
const SENTINEL_END = '?=';

/**
 * Whether `value` can travel as header text as it is: printable ASCII (no tab or other control
 * character), no leading or trailing whitespace, not empty, and not itself shaped like the base64
 * wrapper.
 */
export function isSafeHeaderText(value: string): boolean {
  if (value.length === 0 || value !== value.trim()) return false;
  if (value.startsWith(SENTINEL_START) && value.endsWith(SENTINEL_END)) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** A header value for `value`: itself when safe, else the base64 wrapper of its UTF-8 bytes. */
export function encodeHeaderValue(value: string): string {
  if (isSafeHeaderText(value)) return value;
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return `${SENTINEL_START}${btoa(binary)}${SENTINEL_END}`;
}

// canonical, padded base64: what a decoder must accept and nothing else
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads a header value: the wrapper is decoded (UTF-8), anything else is literal text with its
 * surrounding whitespace removed. Returns `undefined` for a wrapper that is not valid base64 or
 * not valid UTF-8.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  const value = raw.trim();
  if (
    !(
      value.startsWith(SENTINEL_START) &&
      value.endsWith(SENTINEL_END) &&
      value.length >= SENTINEL_START.length + SENTINEL_END.length
    )
  ) {
    return value;
  }
  const inner = value.slice(SENTINEL_START.length, value.length - SENTINEL_END.length);
  if (!BASE64.test(inner)) return undefined;
  try {
    const binary = atob(inner);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: the caller answers with a header mismatch
    return undefined;
  }
}

/** An argument to mirror into a header: its property name and the header suffix. */
export interface HeaderParamSpec {
  property: string;
  name: string;
}

/**
 * The `Mcp-Param-*` headers for a tool call's arguments: strings as they are (or wrapped),
 * numbers and booleans as their JSON text; null, absent, non-finite and unsafe-integer values
 * are left out.
 */
export function paramHeaders(
  specs: readonly HeaderParamSpec[],
  args: Record<string, unknown> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { property, name } of specs) {
    const value = args?.[property];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') headers[`Mcp-Param-${name}`] = encodeHeaderValue(value);
    else if (typeof value === 'boolean') headers[`Mcp-Param-${name}`] = String(value);
    else if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!Number.isInteger(value) || Number.isSafeInteger(value))
    ) {
      headers[`Mcp-Param-${name}`] = String(value);
    }
  }
  return headers;
}
