/** Header parsing helpers for the server handler. */
import type { HeadersLike } from './exchange';

/** Whether a media type list (an Accept header) admits `type`. */
export function accepts(accept: string | null, type: string): boolean {
  if (accept === null || accept.trim() === '') return true;
  const [major] = type.split('/');
  return accept
    .split(',')
    .map((part) => (part.split(';')[0] as string).trim().toLowerCase())
    .some((media) => media === type || media === '*/*' || media === `${major}/*`);
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Header values with optional whitespace removed; `undefined` when absent. */
export function header(headers: HeadersLike, name: string): string | undefined {
  const value = headers.get(name);
  return value === null ? undefined : value.trim();
}
