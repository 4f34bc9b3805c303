import { BadUserInputError, LimitExceededError } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './config';

/** Relay connection arguments (`first` / `after`). */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new BadUserInputError(`Invalid cursor ${JSON.stringify(cursor)}`, ['after']);
  }
  return offset;
}

/**
 * The rows a connection asks for. Cursors are opaque offsets: lists are ordered by a stable key,
 * so an offset names the same position as long as rows before it are not deleted.
 */
export function pageWindow(args: ConnectionArgs, maxPageSize = MAX_PAGE_SIZE): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw new BadUserInputError('`first` must be a non-negative integer', ['first']);
  }
  if (first > maxPageSize) {
    throw new LimitExceededError('maxPageSize', `\`first\` is ${first}, above the maximum page size of ${maxPageSize}`);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

export function toConnection<T>(nodes: T[], totalCount: number, window: PageWindow): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: window.offset + nodes.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A connection over an in-memory list (small per-parent lists that a loader already fetched). */
export function connectionFromArray<T>(items: T[], args: ConnectionArgs): Connection<T> {
  const window = pageWindow(args);
  return toConnection(items.slice(window.offset, window.offset + window.limit), items.length, window);
}
