/**
 * Protections an HTTP endpoint needs before it reads a body: DNS-rebinding (Host and Origin
 * checked against an allow-list, on by default when the server listens on a loopback address)
 * and an optional CORS preset that lets browser clients use every MCP header.
 */
import type { HeadersLike, IncomingHttpRequest } from './internal/exchange';

/** Host names a loopback server answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Whether `address` (as a socket reports it) is a loopback address. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || plain === 'localhost' || plain.startsWith('127.');
}

/** The host name of a Host header value, without port and lower-cased (`[::1]` keeps its brackets). */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end === -1 ? value : value.slice(0, end + 1);
  }
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

/** Allowed host names, lower-cased once (handlers build theirs at construction, not per request). */
export class HostSet extends Set<string> {
  constructor(hosts: readonly string[]) {
    super(hosts.map((h) => h.toLowerCase()));
  }
}

/**
 * Checks Host and Origin against the allowed host names (ports are not compared: the socket
 * already fixed the port). Returns a reason to refuse, or `undefined` when the request may pass.
 */
export function checkHostAndOrigin(
  headers: HeadersLike,
  allowedHosts: readonly string[] | HostSet,
  allowedOrigins: readonly string[] | undefined,
): string | undefined {
  const allowed = allowedHosts instanceof HostSet ? allowedHosts : new HostSet(allowedHosts);
  const host = headers.get('host');
  if (!host || !allowed.has(hostNameOf(host))) {
    return `the Host header "${host ?? ''}" is not one this server answers to (DNS rebinding protection); allow it with allowedHosts`;
  }
  const origin = headers.get('origin');
  if (origin) {
    if (allowedOrigins) {
      if (!allowedOrigins.includes(origin))
        return `the Origin "${origin}" is not allowed; add it to allowedOrigins`;
    } else {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return `the Origin "${origin}" is not a valid origin`;
      }
      if (!allowed.has(hostNameOf(originHost))) {
        return `the Origin "${origin}" is not one this server answers to (DNS rebinding protection); allow it with allowedOrigins`;
      }
    }
  }
  return undefined;
}

/** The CORS preset. */
export interface CorsOptions {
  /** Allowed origins: `*` (default), a list, or a predicate. */
  origin?: '*' | readonly string[] | ((origin: string) => boolean);
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** Every header an MCP request may carry (Mcp-Param-* are echoed from the preflight). */
const REQUEST_HEADERS_VALUE = [
  'Content-Type',
  'Accept',
  'Authorization',
  'Mcp-Session-Id',
  'MCP-Protocol-Version',
  'Mcp-Method',
  'Mcp-Name',
  'Last-Event-ID',
].join(', ');
/** The response headers a browser client must be able to read. */
const EXPOSED_HEADERS_VALUE = ['Mcp-Session-Id', 'MCP-Protocol-Version', 'WWW-Authenticate'].join(
  ', ',
);

/** The CORS headers for a response to `request`, or none when its origin is not allowed. */
export function corsHeaders(
  request: IncomingHttpRequest,
  options: CorsOptions,
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin) return {};
  const rule = options.origin ?? '*';
  const ok = rule === '*' || (typeof rule === 'function' ? rule(origin) : rule.includes(origin));
  if (!ok) return {};
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': rule === '*' ? '*' : origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS_VALUE,
  };
  if (rule !== '*') headers.Vary = 'Origin';
  if (request.method === 'OPTIONS') {
    const requested = request.headers.get('access-control-request-headers');
    // Mcp-Param-<name> headers cannot be listed in advance: allow whatever the preflight names
    headers['Access-Control-Allow-Headers'] = requested ?? REQUEST_HEADERS_VALUE;
    headers['Access-Control-Allow-Methods'] = 'GET, POST, DELETE, OPTIONS';
    headers['Access-Control-Max-Age'] = String(options.maxAgeSeconds ?? 600);
  }
  return headers;
}
