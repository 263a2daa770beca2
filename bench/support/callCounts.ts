/**
 * Sorts the emulator's request log into the kinds of Microsoft call incident-bridge makes,
 * so a benchmark can say how many of each a workload cost. Token requests to Entra ID are
 * counted apart: they fall under no Graph or ARM quota.
 */
import type { RequestLogEntry } from '../../src/emulator/index.ts';

export const CALL_KINDS = [
  'graphList',
  'graphGet',
  'graphPatch',
  'graphComment',
  'graphUser',
  'armList',
  'armGet',
  'armPut',
  'armCommentList',
  'armCommentPut',
  'armOther',
  'token',
] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export type CallCounts = Record<CallKind, number>;

export function callKind(entry: Pick<RequestLogEntry, 'api' | 'method' | 'path'>): CallKind {
  const path = entry.path.toLowerCase();
  if (entry.api === 'identity') return 'token';
  if (entry.api === 'graph') {
    if (!path.includes('/security/incidents')) return 'graphUser';
    if (entry.method === 'PATCH') return 'graphPatch';
    if (entry.method === 'POST') return 'graphComment';
    return path.endsWith('/security/incidents') ? 'graphList' : 'graphGet';
  }
  if (path.includes('/comments')) {
    return entry.method === 'GET' && path.endsWith('/comments')
      ? 'armCommentList'
      : 'armCommentPut';
  }
  if (entry.method === 'PUT') return 'armPut';
  if (entry.method === 'GET') return path.endsWith('/incidents') ? 'armList' : 'armGet';
  return 'armOther';
}

export function countCalls(entries: readonly RequestLogEntry[]): CallCounts {
  const counts = Object.fromEntries(CALL_KINDS.map((kind) => [kind, 0])) as CallCounts;
  for (const entry of entries) counts[callKind(entry)] += 1;
  return counts;
}

/** Every Graph and ARM call, tokens left out. */
export function remoteCalls(counts: CallCounts): number {
  return CALL_KINDS.filter((kind) => kind !== 'token').reduce((sum, kind) => sum + counts[kind], 0);
}

export function incidentWrites(counts: CallCounts): number {
  return counts.graphPatch + counts.armPut;
}
