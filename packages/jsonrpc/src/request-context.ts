/**
 * What a request handler gets besides the params: the request's id and `_meta`, a signal that
 * aborts on cancellation or disconnect, and ways to talk back to the peer about this request.
 */
import type { ProgressToken, RequestId } from '@mcpkit/protocol';
import type { JsonRpcSession, RequestOptions } from './session';
import type { AuthInfo, RequestInfo } from './transport';

/** The context of one incoming request. Everything it offers is built on first use. */
export interface RequestContext {
  /** The JSON-RPC id of the request being handled. */
  readonly requestId: RequestId;
  /** Its method. */
  readonly method: string;
  /** `params._meta` of the request, if it had one. */
  readonly _meta: Readonly<Record<string, unknown>> | undefined;
  /**
   * Aborts when the peer cancels the request (`notifications/cancelled`), when the connection
   * closes, or when the session shuts down. Pass it to anything slow the handler awaits.
   */
  readonly signal: AbortSignal;
  /** The authenticated caller, when the transport's auth hook established one. */
  readonly authInfo: AuthInfo | undefined;
  /** The HTTP request the message arrived on (HTTP transports only). */
  readonly requestInfo: RequestInfo | undefined;
  /** The transport's session id, if it has sessions. */
  readonly sessionId: string | undefined;
  /** The session (connection) the request arrived on. */
  readonly session: JsonRpcSession;
  /** The progress token the caller asked progress under, if any. */
  readonly progressToken: ProgressToken | undefined;
  /**
   * Sends a notification tied to this request (HTTP transports deliver it on the request's own
   * stream). Never rejects: once the connection is gone the notification is dropped.
   */
  sendNotification(method: string, params?: Record<string, unknown>): Promise<void>;
  /** Sends a request to the peer tied to this request, and resolves with its result. */
  sendRequest(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<unknown>;
  /**
   * Reports progress under the caller's progress token; does nothing when the caller asked for
   * none. Never rejects.
   */
  reportProgress(progress: number, total?: number, message?: string): Promise<void>;
  /**
   * Ends the stream this request's answer travels on (Streamable HTTP with an event store): the
   * client reconnects and gets the answer replayed. A no-op elsewhere.
   */
  closeStream(): void;
}
