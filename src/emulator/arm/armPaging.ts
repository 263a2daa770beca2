/**
 * ARM list paging: `$top` sets the page size, an opaque `$skipToken` marks where the next
 * page starts, and every page but the last carries an absolute `nextLink` that repeats the
 * original query (api-version included, which the SDK needs to follow it).
 */
import type { Request } from 'express';

import { nextPageLink } from '../http/nextLink.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';

export interface ArmPageRequest {
  offset: number;
  pageSize: number;
}

export interface ArmPage<T> {
  value: T[];
  nextLink?: string;
}

export function readPageRequest(req: Request, defaultPageSize: number, maxTop?: number) {
  const top = req.query['$top'];
  const skipToken = req.query['$skipToken'];
  const page: ArmPageRequest = { offset: 0, pageSize: defaultPageSize };

  if (top !== undefined) {
    const parsed = Number(top);
    if (!Number.isInteger(parsed) || parsed < 1) {
      throw new ODataQueryError('$top', `The value '${String(top)}' of $top is not valid.`);
    }
    if (maxTop !== undefined && parsed > maxTop) {
      throw new ODataQueryError('$top', `$top must not exceed ${maxTop}; it was ${parsed}.`);
    }
    page.pageSize = parsed;
  }

  if (skipToken !== undefined) page.offset = decodeSkipToken(String(skipToken));
  return page;
}

export function pageOf<T>(
  items: readonly T[],
  request: ArmPageRequest,
  nextLink: (offset: number) => string,
): ArmPage<T> {
  const end = request.offset + request.pageSize;
  const value = items.slice(request.offset, end);
  return end < items.length ? { value, nextLink: nextLink(end) } : { value };
}

/** The absolute URL of the next page: the same path and query with a new `$skipToken`. */
export function armNextLink(baseUrl: string, req: Request, offset: number): string {
  return nextPageLink(baseUrl, req, '$skipToken', encodeSkipToken(offset));
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeSkipToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const offset = (parsed as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new ODataQueryError('$skipToken', 'The $skipToken is not valid.');
}
