/**
 * Absolute next-page links: the request's own path and query with one parameter replaced,
 * printed with literal `$` in option names (`?$top=3&$skip=3`) the way ARM and Graph do.
 */
import type { Request } from 'express';

export function nextPageLink(baseUrl: string, req: Request, name: string, value: string): string {
  const url = new URL(req.originalUrl, baseUrl);
  url.searchParams.set(name, value);
  const query = url.searchParams.toString().replace(/%24/g, '$');
  return `${url.origin}${url.pathname}?${query}`;
}
