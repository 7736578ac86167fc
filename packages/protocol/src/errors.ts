/**
 * The two error families of mcpkit: `McpError` crosses the wire with a numeric JSON-RPC / MCP
 * code; `SdkError` never does and carries a string code. Both survive ESM + CJS double loading:
 * `instanceof` and `is()` check a global brand, not the class identity.
 */

/** Every standard JSON-RPC and MCP error code, by name. */
export const ErrorCode = {
  /** Invalid JSON was received. */
  ParseError: -32700,
  /** The JSON sent is not a valid request object (also: a batch, which current revisions removed). */
  InvalidRequest: -32600,
  /** The method does not exist or is not available (in 2026-07-28 also a removed method). */
  MethodNotFound: -32601,
  /** Invalid method parameters (2026-07-28: also an unknown resource). */
  InvalidParams: -32602,
  /** Internal error: a fault on the answering side. */
  InternalError: -32603,
  /** Resource not found (2025-06-18 and 2025-11-25; 2026-07-28 uses InvalidParams instead). */
  ResourceNotFound: -32002,
  /** 2026-07-28: HTTP headers disagree with the body, or a required header is missing. */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request needs a client capability it did not declare. */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the request's protocol version is not served here. */
  UnsupportedProtocolVersion: -32022,
  /** 2025-11-25: the request needs the user to finish a URL-mode elicitation first. */
  UrlElicitationRequired: -32042,
} as const;

/** A numeric error code from {@link ErrorCode} (other integers are allowed on the wire). */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

const MCP_ERROR_BRAND = Symbol.for('mcpkit.McpError');
const SDK_ERROR_BRAND = Symbol.for('mcpkit.SdkError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}

/**
 * An error that crosses the wire as a JSON-RPC error response: a numeric code, a message, optional
 * data. Throw it from a handler to answer with exactly that error.
 * @example
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown tool "frobnicate". Call tools/list to see what this server offers.');
 */
export class McpError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'McpError';
    this.code = code;
    this.data = data;
    Object.defineProperty(this, MCP_ERROR_BRAND, { value: true });
  }

  /** Whether `value` is an McpError from any copy of this package. */
  static is(value: unknown): value is McpError {
    return hasBrand(value, MCP_ERROR_BRAND);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep normal prototype checks; the base class answers by brand.
    if (this === McpError) return hasBrand(value, MCP_ERROR_BRAND);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** Rebuilds the most specific error class for an error received from the peer. */
  static fromWire(code: number, message: string, data?: unknown): McpError {
    const record = (typeof data === 'object' && data !== null ? data : {}) as Record<
      string,
      unknown
    >;
    switch (code) {
      case ErrorCode.UnsupportedProtocolVersion:
        if (Array.isArray(record.supported)) {
          return new UnsupportedProtocolVersionError(
            String(record.requested ?? ''),
            record.supported.map(String),
            message,
          );
        }
        break;
      case ErrorCode.MissingRequiredClientCapability:
        if (
          typeof record.requiredCapabilities === 'object' &&
          record.requiredCapabilities !== null
        ) {
          return new MissingRequiredClientCapabilityError(
            record.requiredCapabilities as Record<string, unknown>,
            message,
          );
        }
        break;
      case ErrorCode.HeaderMismatch:
        return new HeaderMismatchError(message, data);
      case ErrorCode.UrlElicitationRequired:
        return new UrlElicitationRequiredError(
          Array.isArray(record.elicitations) ? record.elicitations : [],
          message,
        );
    }
    return new McpError(code, message, data);
  }

  /** The JSON-RPC `error` member for this error. */
  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

/**
 * 2026-07-28: the request's protocol version is not served here. The data lists what is, so the
 * client can pick one and retry. Over HTTP the status is 400.
 */
export class UnsupportedProtocolVersionError extends McpError {
  readonly requested: string;
  readonly supported: string[];

  constructor(requested: string, supported: readonly string[], message?: string) {
    super(
      ErrorCode.UnsupportedProtocolVersion,
      message ??
        `Unsupported protocol version "${truncate(requested)}"; this server supports ${supported.join(', ')}. Retry with one of them.`,
      { requested, supported: [...supported] },
    );
    this.name = 'UnsupportedProtocolVersionError';
    this.requested = requested;
    this.supported = [...supported];
  }
}

/**
 * 2026-07-28: the request needs a client capability that its `_meta` did not declare, e.g. a tool
 * that samples called by a client without `sampling`. Over HTTP the status is 400.
 */
export class MissingRequiredClientCapabilityError extends McpError {
  readonly requiredCapabilities: Record<string, unknown>;

  constructor(requiredCapabilities: Record<string, unknown>, message?: string) {
    super(
      ErrorCode.MissingRequiredClientCapability,
      message ??
        `This request needs the client capabilities ${Object.keys(requiredCapabilities).join(', ')}; declare them in _meta["io.modelcontextprotocol/clientCapabilities"] to use it.`,
      { requiredCapabilities },
    );
    this.name = 'MissingRequiredClientCapabilityError';
    this.requiredCapabilities = requiredCapabilities;
  }
}

/**
 * 2026-07-28 over HTTP: a header (`Mcp-Method`, `Mcp-Name`, `MCP-Protocol-Version`, `Mcp-Param-*`)
 * is missing or disagrees with the body. The status is 400.
 */
export class HeaderMismatchError extends McpError {
  constructor(message: string, data?: unknown) {
    super(ErrorCode.HeaderMismatch, message, data);
    this.name = 'HeaderMismatchError';
  }
}

/** 2025-11-25: the user must complete these URL-mode elicitations before the request can go on. */
export class UrlElicitationRequiredError extends McpError {
  readonly elicitations: unknown[];

  constructor(elicitations: unknown[], message?: string) {
    super(
      ErrorCode.UrlElicitationRequired,
      message ?? 'This request needs the user to complete a URL elicitation first.',
      { elicitations },
    );
    this.name = 'UrlElicitationRequiredError';
    this.elicitations = elicitations;
  }
}

/** String codes of errors raised locally by mcpkit (never sent to the peer). */
export type SdkErrorCode =
  | 'REQUEST_TIMEOUT'
  | 'REQUEST_CANCELLED'
  | 'CONNECTION_CLOSED'
  | 'NOT_CONNECTED'
  | 'ALREADY_CONNECTED'
  | 'CAPABILITY_NOT_SUPPORTED'
  | 'INVALID_RESULT'
  | 'PROTOCOL_VIOLATION'
  | 'TRANSPORT_ERROR'
  | 'INVALID_STATE'
  | 'INVALID_ARGUMENT'
  | 'SESSION_EXPIRED'
  | 'UNAUTHORIZED';

/**
 * An error raised on this side that never crosses the wire: timeouts, closed connections,
 * capability checks, results that fail their schema.
 * @example
 * throw new SdkError('REQUEST_TIMEOUT', '"tools/call" (id 7) got no answer in 60000 ms; raise timeoutMs or report progress');
 */
export class SdkError extends Error {
  readonly code: SdkErrorCode;

  constructor(code: SdkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SdkError';
    this.code = code;
    Object.defineProperty(this, SDK_ERROR_BRAND, { value: true });
  }

  /** Whether `value` is an SdkError (optionally with `code`) from any copy of this package. */
  static is(value: unknown, code?: SdkErrorCode): value is SdkError {
    return (
      hasBrand(value, SDK_ERROR_BRAND) && (code === undefined || (value as SdkError).code === code)
    );
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === SdkError) return hasBrand(value, SDK_ERROR_BRAND);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Caps a user-supplied string for use inside an error message. */
export function truncate(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
