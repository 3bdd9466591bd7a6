import { BadRequestException } from '@nestjs/common';

/** Page size when `limit` is absent (the real default is not public). */
export const DEFAULT_LIMIT = 1000;
/** Largest `limit` accepted: public clients of the real API ask for up to 5000. */
export const MAX_LIMIT = 5000;

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface Pagination extends PageRequest {
  total: number;
  /** Path and query of the next page (`/api/v1.0/...`), or null on the last page. */
  next: string | null;
  /** Path and query of the previous page, or null on the first page. */
  previous: string | null;
}

export interface PagedResponse<T> {
  data: T[];
  pagination: Pagination;
}

/** Reads `offset` (integer >= 0, default 0) and `limit` (1 to MAX_LIMIT); 400 names a bad one. */
export function readPage(query: Record<string, unknown>): PageRequest {
  return {
    offset: integer(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: integer(query, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT),
  };
}

/**
 * One page of `items` in the real API's envelope. `next` and `previous` repeat the request's own
 * path and query with another offset, the form public clients follow (`host + pagination.next`).
 */
export function paginate<T>(
  items: readonly T[],
  { offset, limit }: PageRequest,
  requestUrl: string,
): PagedResponse<T> {
  const linkAt = (at: number): string => {
    const url = new URL(requestUrl, 'http://emulator.invalid');
    url.searchParams.set('offset', String(at));
    url.searchParams.set('limit', String(limit));
    return `${url.pathname}${url.search}`;
  };
  const total = items.length;
  return {
    data: items.slice(offset, offset + limit),
    pagination: {
      offset,
      limit,
      total,
      next: offset + limit < total ? linkAt(offset + limit) : null,
      previous: offset > 0 ? linkAt(Math.max(0, offset - limit)) : null,
    },
  };
}

function integer(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = query[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new BadRequestException(`${name}: given more than once`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new BadRequestException(
      `${name}: expected an integer from ${min} to ${max}, got "${value}"`,
    );
  }
  return Number(value);
}
