/**
 * Identifiers the emulated services mint: GUIDs, ARM etags and stable object ids.
 */
import { createHash, randomUUID } from 'node:crypto';

export function newGuid(): string {
  return randomUUID();
}

/**
 * A Sentinel incident etag: a GUID wrapped in double quotes, the quotes being part of the
 * value (`"\"0300bf09-...\""` on the wire).
 */
export function newIncidentEtag(): string {
  return `"${randomUUID()}"`;
}

/** Comment etags come back unquoted in the service's own examples. */
export function newCommentEtag(): string {
  return randomUUID();
}

/** Etags compare equal with or without their surrounding quotes and weak marker. */
export function sameEtag(a: string, b: string): boolean {
  return bareEtag(a) === bareEtag(b);
}

function bareEtag(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//i, '')
    .replace(/^"(.*)"$/, '$1');
}

/**
 * A GUID derived from its inputs, for ids that must stay the same across restarts (the
 * service principal object id of a seeded app, for instance).
 */
export function stableGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
