/**
 * Cursor pagination for list results: opaque cursors that encode a position, and a clear -32602
 * for a cursor this server never issued.
 */
import { ErrorCode, McpError } from '@mcpkit/protocol';

/** One page of `items` and the cursor of the next, if there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * The page of `items` that `cursor` points at (the first page without one).
 * @example
 * const { items, nextCursor } = paginate(allTools, params?.cursor, 50);
 * return nextCursor ? { tools: items, nextCursor } : { tools: items };
 */
export function paginate<T>(
  items: readonly T[],
  cursor: string | undefined,
  pageSize: number,
): Page<T> {
  const start = cursor === undefined ? 0 : decodeCursor(cursor);
  const end = start + Math.max(1, pageSize);
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.nextCursor = encodeCursor(end);
  return page;
}

function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/=+$/, '');
}

function decodeCursor(cursor: string): number {
  try {
    const value = JSON.parse(atob(cursor)) as { o?: unknown };
    if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0) return value.o;
  } catch {
    // not base64 JSON: fall through to the error below
  }
  throw new McpError(
    ErrorCode.InvalidParams,
    'Invalid params: the cursor was not issued by this server; start again without one.',
  );
}
