/**
 * The contract between the session engine and a wire (stdio, Streamable HTTP, SSE, WebSocket, an
 * in-memory pair). Callbacks keep the names the official SDKs use (`onmessage`, `onclose`,
 * `onerror`), so existing transports port over with few changes.
 */
import type { JSONRPCMessage, RequestId } from '@mcpkit/protocol';

/** Who is calling, as an authentication hook established it (e.g. from a bearer token). */
export interface AuthInfo {
  /** The access token the request carried. */
  token: string;
  /** The OAuth client the token was issued to. */
  clientId: string;
  /** Scopes granted to the token. */
  scopes: string[];
  /** Expiry, in seconds since the epoch. */
  expiresAt?: number;
  /** The resource (RFC 8707) the token is bound to. */
  resource?: URL;
  /** Anything else the verifier knows (subject, tenant, …). */
  extra?: Record<string, unknown>;
}

/** The HTTP request a message arrived on, for handlers that need its headers or URL. */
export interface RequestInfo {
  /** Header names are lower-case. */
  headers: Record<string, string | string[] | undefined>;
  url?: URL;
}

/** What a transport knows about an incoming message beyond its JSON. */
export interface MessageExtra {
  authInfo?: AuthInfo;
  requestInfo?: RequestInfo;
  /**
   * Streamable HTTP: ends the SSE stream this request's answer would travel on, so the client
   * reconnects and receives the answer from the event store (SSE polling).
   */
  closeStream?: () => void;
}

/** Options for one outgoing message. */
export interface TransportSendOptions {
  /**
   * The incoming request this message belongs to (its response, or a notification or request sent
   * while handling it). HTTP transports route the message onto that request's stream.
   */
  relatedRequestId?: RequestId;
  /** Resume an earlier stream from this event id (client side, resumable transports). */
  resumptionToken?: string;
  /** Told the event id of every resumable event that arrives for this request. */
  onresumptiontoken?: (token: string) => void;
  /**
   * For `tools/call` over HTTP (2026-07-28): the arguments the tool's schema mirrors into
   * `Mcp-Param-<name>` headers (`x-mcp-header`). Ignored by transports without headers.
   */
  headerParams?: ReadonlyArray<{ property: string; name: string }>;
}

/** Why a transport closed, when it knows. */
export interface TransportCloseInfo {
  /** A sentence for error messages, e.g. "the server process exited with code 1". */
  reason?: string;
  /** The error that closed it, if one did. */
  error?: Error;
}

/**
 * A bidirectional channel of JSON-RPC messages. The session engine calls `start()` once after
 * setting the callbacks, `send()` for every message and `close()` once; the transport calls
 * `onmessage` for every message it decodes, `onerror` for problems that do not close it and
 * `onclose` exactly once when it is closed, by either side.
 */
export interface Transport {
  /** Starts reading. Messages that arrive before this are buffered or rejected, never lost silently. */
  start(): Promise<void>;
  /** Sends one message. Rejects when the transport is closed or the write fails. */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void>;
  /** Closes the channel; `onclose` fires once. Closing twice is harmless. */
  close(): Promise<void>;

  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: (info?: TransportCloseInfo) => void;
  /**
   * The peer will send nothing more but may still read (stdin reached EOF): finish what is in
   * flight, then `close()`. A transport without this callback set closes at once.
   */
  oninputended?: () => void;

  /** The session id, for transports that have sessions (Streamable HTTP, stateful). */
  readonly sessionId?: string | undefined;
  /** Tells the transport the negotiated revision (HTTP clients send it as a header). */
  setProtocolVersion?(version: string): void;
  /**
   * A short name for error messages: `stdio (node server.js)`, `streamable-http
   * http://127.0.0.1:3000/mcp`. Errors about a closed connection quote it.
   */
  readonly description?: string;
}
