/**
 * Graph comments have no ids, so a comment is known by its fingerprint: when, who, and a hash
 * of the text. Sentinel comment ids are chosen by the writer; incident-bridge derives them
 * from the link and the source fingerprint, so a retried or replayed copy lands on the same id
 * and updates instead of duplicating.
 */
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace for incident-bridge's comment ids. */
const COMMENT_ID_NAMESPACE = '3b2c8e4e-6b1f-4c5e-9d8a-2f7b1e0c9a64';

export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 32);
}

export function defenderCommentFingerprint(comment: {
  createdDateTime: string;
  author: string;
  text: string;
}): string {
  const when = Number.isNaN(Date.parse(comment.createdDateTime))
    ? comment.createdDateTime
    : new Date(comment.createdDateTime).toISOString();
  return `d:${when}|${comment.author.toLowerCase()}|${textHash(comment.text)}`;
}

export function sentinelCommentFingerprint(commentId: string): string {
  return `s:${commentId.toLowerCase()}`;
}

/** The Sentinel comment id for part `part` of a copy of `sourceFingerprint` on a link. */
export function sentinelCommentId(linkId: string, sourceFingerprint: string, part: number): string {
  return uuidv5(`${linkId}|${sourceFingerprint}|${part}`, COMMENT_ID_NAMESPACE);
}
