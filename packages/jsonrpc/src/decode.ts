/**
 * Text → message, for transports: one JSON.parse and one plain-property check per message, and a
 * ready-made error response for anything that is not a JSON-RPC 2.0 message.
 */
import {
  classifyMessage,
  ErrorCode,
  errorResponse,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
} from '@mcpkit/protocol';

/** What {@link decodeMessage} found. */
export type DecodeResult =
  | { ok: true; message: JSONRPCMessage }
  | {
      ok: false;
      /** The error to send back (no `id` when the request's id could not be read). */
      response: JSONRPCErrorResponse;
      /** The same, as a sentence for logs. */
      reason: string;
    };

/**
 * Decodes one JSON-RPC message from text. Never throws: malformed JSON is a -32700 error, a batch
 * (removed from the protocol in 2025-06-18) or any other non-message a -32600.
 */
export function decodeMessage(text: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `Parse error: the message is not valid JSON (${(error as Error).message})`;
    return { ok: false, reason, response: errorResponse(undefined, ErrorCode.ParseError, reason) };
  }
  return decodeValue(value);
}

/** Like {@link decodeMessage}, for a value that is already parsed (an HTTP body, a WebSocket frame). */
export function decodeValue(value: unknown): DecodeResult {
  if (classifyMessage(value) !== 'invalid') return { ok: true, message: value as JSONRPCMessage };
  if (Array.isArray(value)) {
    const reason =
      'Invalid Request: JSON-RPC batches are not supported (MCP removed them in 2025-06-18); send one message at a time';
    return {
      ok: false,
      reason,
      response: errorResponse(undefined, ErrorCode.InvalidRequest, reason),
    };
  }
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const id = record?.id;
  const readableId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  const reason = `Invalid Request: ${describeProblem(record)}`;
  return {
    ok: false,
    reason,
    response: errorResponse(readableId, ErrorCode.InvalidRequest, reason),
  };
}

function describeProblem(record: Record<string, unknown> | undefined): string {
  if (!record) return 'a JSON-RPC message must be a JSON object';
  if (record.jsonrpc !== '2.0') return 'the "jsonrpc" member must be exactly "2.0"';
  if ('id' in record && typeof record.id !== 'string' && typeof record.id !== 'number') {
    return 'the "id" member must be a string or a number';
  }
  if ('method' in record && typeof record.method !== 'string')
    return 'the "method" member must be a string';
  if (
    'params' in record &&
    (typeof record.params !== 'object' || record.params === null || Array.isArray(record.params))
  ) {
    return 'the "params" member must be an object';
  }
  return 'the object is neither a request, a notification nor a response';
}
