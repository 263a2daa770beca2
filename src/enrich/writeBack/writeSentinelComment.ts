/**
 * Writes the enrichment comment to a Sentinel incident under deterministic ids, one per part,
 * derived from the incident and the part number. Enriching again writes to the same ids: an
 * unchanged part is not written at all, a changed one is updated in place, and parts a
 * shorter comment no longer needs are removed. The incident never collects a second copy.
 */
import type { SentinelIncidentsClient } from '../../clients/sentinelIncidentsClient.ts';
import { sentinelCommentId } from '../../sync/comments/commentFingerprint.ts';

/** Part ids beyond this many are never made, so stale ones are looked for up to it. */
export const MAX_COMMENT_PARTS = 20;

export interface CommentWriteOutcome {
  commentIds: string[];
  /** True when a part was written or removed; false when the incident already held them. */
  changed: boolean;
}

export function enrichmentCommentId(incidentArmId: string, part: number): string {
  return sentinelCommentId(`incident:${incidentArmId.toLowerCase()}`, 'enrichment', part);
}

export async function writeSentinelComment(
  client: Pick<SentinelIncidentsClient, 'listComments' | 'putComment' | 'deleteComment'>,
  incidentArmId: string,
  incidentName: string,
  parts: readonly string[],
): Promise<CommentWriteOutcome> {
  const existing = new Map<string, string>();
  for await (const comment of client.listComments(incidentName)) {
    existing.set(comment.name.toLowerCase(), comment.properties?.message ?? '');
  }

  const commentIds = parts.map((_part, index) => enrichmentCommentId(incidentArmId, index + 1));
  let changed = false;
  for (const [index, part] of parts.entries()) {
    const id = commentIds[index] ?? '';
    if (existing.get(id.toLowerCase()) === part) continue;
    await client.putComment(incidentName, id, part);
    changed = true;
  }

  for (let part = parts.length + 1; part <= MAX_COMMENT_PARTS; part += 1) {
    const stale = enrichmentCommentId(incidentArmId, part);
    if (!existing.has(stale.toLowerCase())) continue;
    await client.deleteComment(incidentName, stale);
    changed = true;
  }
  return { commentIds, changed };
}
