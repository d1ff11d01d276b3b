/** Relay-style connections: cursors, page-size checks and assembly. */
import { apiError } from './errors.ts';

export const MAX_PAGE_SIZE = 100;
export const MAX_SEARCH_LENGTH = 200;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string } & Record<string, unknown>>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A page's edges with its Relay pageInfo, spread into the connection object. Pages go forward (first/after):
 * hasPreviousPage says whether the page started after a cursor, i.e. items come before it.
 */
export function connection<E extends { cursor: string }>(
  edges: E[],
  more: { hasNextPage: boolean; hasPreviousPage: boolean },
): { edges: E[]; pageInfo: PageInfo } {
  return {
    edges,
    pageInfo: {
      ...more,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE)
    throw apiError('BAD_USER_INPUT', `first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}.`);
  return n;
}

/** Cursors are opaque to clients: base64url of "kind:value". */
export function encodeCursor(kind: 'id' | 'offset', value: string | number): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, kind: 'id'): string | null;
export function decodeCursor(cursor: string | null | undefined, kind: 'offset'): number;
export function decodeCursor(cursor: string | null | undefined, kind: 'id' | 'offset'): string | number | null {
  if (cursor === null || cursor === undefined) return kind === 'offset' ? 0 : null;
  const text = Buffer.from(cursor, 'base64url').toString();
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix))
    throw apiError(
      'BAD_USER_INPUT',
      'after is not a cursor from this list; pass pageInfo.endCursor of the previous page.',
    );
  const value = text.slice(prefix.length);
  if (kind === 'id') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw apiError('BAD_USER_INPUT', 'after is not a valid cursor.');
  return n;
}

export function searchText(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  if (search.length > MAX_SEARCH_LENGTH)
    throw apiError('BAD_USER_INPUT', `search is limited to ${MAX_SEARCH_LENGTH} characters.`);
  return search.trim() ? search : null;
}
