/**
 * Small fetch helpers of the Streamable HTTP client transport. Runtime-neutral.
 */
import { mediaType } from './http-util';

/** The media type of a response, lower-case and without parameters (`''` when absent). */
export function contentTypeOf(response: Response): string {
  return mediaType(response.headers.get('content-type'));
}

/** Releases a response body nobody will read, so the connection can be reused or closed. */
export function discardBody(response: Response): void {
  if (!response.body || response.bodyUsed) return;
  response.body.cancel().catch(() => {
    // a locked or already errored body has nothing left to release
  });
}

/** Statuses worth retrying later: the server may recover (overload, restart, gateway trouble). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A URL for messages: without user name and password, which are secrets. */
export function redactUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** The message of anything thrown, with its cause when that says more (fetch's "fetch failed"). */
export function errorMessageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message && cause.message !== error.message) {
    return `${error.message}: ${cause.message}`;
  }
  return error.message;
}
