/**
 * Plain-property classification of JSON-RPC messages: the hot path reads `method`, `id`, `result`
 * and `error` directly instead of running a schema over every message.
 */
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
  RequestId,
} from './schemas/neutral';

/** What a decoded value is, as far as JSON-RPC 2.0 goes. */
export type MessageKind = 'request' | 'notification' | 'result' | 'error' | 'invalid';

/**
 * Classifies a decoded JSON value without allocating: `invalid` for anything that is not a
 * JSON-RPC 2.0 request, notification, result or error object (arrays, wrong `jsonrpc`, an `id`
 * that is neither string nor number, …).
 */
export function classifyMessage(value: unknown): MessageKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid';
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return 'invalid';
  const id = m.id;
  const hasId = id !== undefined;
  if (hasId && typeof id !== 'string' && typeof id !== 'number' && id !== null) return 'invalid';
  if (typeof m.method === 'string') {
    if (
      m.params !== undefined &&
      (typeof m.params !== 'object' || m.params === null || Array.isArray(m.params))
    ) {
      // MCP params are always named (an object); JSON-RPC's by-position arrays are not MCP
      return 'invalid';
    }
    if (!hasId) return 'notification';
    return id === null ? 'invalid' : 'request';
  }
  if ('result' in m) return hasId && id !== null && !('error' in m) ? 'result' : 'invalid';
  if ('error' in m) {
    const e = m.error as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null) return 'invalid';
    return typeof e.code === 'number' && typeof e.message === 'string' ? 'error' : 'invalid';
  }
  return 'invalid';
}

/** Whether `m` is a request (a method and an id). */
export function isJSONRPCRequest(m: JSONRPCMessage): m is JSONRPCRequest {
  return 'method' in m && 'id' in m && m.id !== undefined;
}
/** Whether `m` is a notification (a method, no id). */
export function isJSONRPCNotification(m: JSONRPCMessage): m is JSONRPCNotification {
  return 'method' in m && !('id' in m && m.id !== undefined);
}
/** Whether `m` is a successful response. */
export function isJSONRPCResultResponse(m: JSONRPCMessage): m is JSONRPCResultResponse {
  return 'result' in m;
}
/** Whether `m` is an error response. */
export function isJSONRPCErrorResponse(m: JSONRPCMessage): m is JSONRPCErrorResponse {
  return 'error' in m;
}

/**
 * Builds an error response. When the request's id could not be read the response has no `id`:
 * the MCP schema (2025-11-25 on) makes it optional and does not allow JSON-RPC's `null`.
 */
export function errorResponse(
  id: RequestId | null | undefined,
  code: number,
  message: string,
  data?: unknown,
): JSONRPCErrorResponse {
  const error = data === undefined ? { code, message } : { code, message, data };
  return id === undefined || id === null
    ? { jsonrpc: '2.0', error }
    : { jsonrpc: '2.0', id, error };
}
