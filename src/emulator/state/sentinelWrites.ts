/**
 * Writes to stored Sentinel incidents that more than one caller makes (the ARM API and the
 * simulated portal analyst): the etag and timestamp stamp, property edits and comments.
 */
import type { GraphUser } from '../../model/graphIncident.ts';
import {
  SENTINEL_LIMITS,
  type SentinelClientInfo,
  type SentinelComment,
  type SentinelIncident,
  type SentinelIncidentProperties,
} from '../../model/sentinelIncident.ts';
import { newCommentEtag, newIncidentEtag } from '../ids.ts';
import { stampAfter } from '../timestamps.ts';
import type { StoredSentinelIncident, SentinelWorkspace } from './sentinelWorkspace.ts';
import { resolveOwner } from './sentinelOwner.ts';
import { COMMENT_RESOURCE_TYPE, commentArmId } from './sentinelResources.ts';

/** Every write gives the incident a new etag and moves `lastModifiedTimeUtc` forward. */
export function stampIncidentWrite(resource: SentinelIncident, now: Date): void {
  resource.etag = newIncidentEtag();
  resource.properties.lastModifiedTimeUtc = stampAfter(
    now,
    resource.properties.lastModifiedTimeUtc,
  );
}

/**
 * An edit made in the portal: any property may change, nothing is validated. Setting
 * `lastModifiedTimeUtc` explicitly keeps that value (for replaying back-dated updates).
 */
export function applyAnalystEdit(
  stored: StoredSentinelIncident,
  changes: Partial<SentinelIncidentProperties>,
  directory: readonly GraphUser[],
  now: Date,
): void {
  const properties = stored.resource.properties;
  const { owner, additionalData, lastModifiedTimeUtc, ...plain } = structuredClone(changes);

  Object.assign(properties, plain);
  if (owner !== undefined) properties.owner = resolveOwner(owner, directory);
  if (additionalData)
    properties.additionalData = { ...properties.additionalData, ...additionalData };

  stampIncidentWrite(stored.resource, now);
  if (lastModifiedTimeUtc) properties.lastModifiedTimeUtc = lastModifiedTimeUtc;
}

export interface CommentWrite {
  commentName: string;
  message: string;
  author: SentinelClientInfo;
  /** Whether the write counts as a change of the incident (new etag, counter, timestamp). */
  bumpIncident: boolean;
}

export type CommentWriteResult =
  | { ok: true; created: boolean; comment: SentinelComment }
  | { ok: false; problem: 'tooLong' | 'tooMany' };

export function writeComment(
  workspace: SentinelWorkspace,
  stored: StoredSentinelIncident,
  write: CommentWrite,
  now: Date,
): CommentWriteResult {
  if (write.message.length > SENTINEL_LIMITS.commentMaxChars)
    return { ok: false, problem: 'tooLong' };

  const existing = findComment(stored, write.commentName);
  if (existing) {
    existing.properties.message = write.message;
    existing.properties.lastModifiedTimeUtc = stampAfter(
      now,
      existing.properties.lastModifiedTimeUtc,
    );
    existing.etag = newCommentEtag();
    if (write.bumpIncident) stampIncidentWrite(stored.resource, now);
    return { ok: true, created: false, comment: existing };
  }

  if (stored.comments.length >= SENTINEL_LIMITS.commentsPerIncident)
    return { ok: false, problem: 'tooMany' };

  const created = stampAfter(now, stored.comments.at(-1)?.properties.createdTimeUtc);
  const comment: SentinelComment = {
    id: commentArmId(workspace.ref, stored.resource.name, write.commentName),
    name: write.commentName,
    type: COMMENT_RESOURCE_TYPE,
    etag: newCommentEtag(),
    properties: {
      message: write.message,
      createdTimeUtc: created,
      lastModifiedTimeUtc: created,
      author: write.author,
    },
  };
  stored.comments.push(comment);
  recountComments(stored);
  if (write.bumpIncident) stampIncidentWrite(stored.resource, now);
  return { ok: true, created: true, comment };
}

export function deleteComment(
  stored: StoredSentinelIncident,
  commentName: string,
  bumpIncident: boolean,
  now: Date,
): boolean {
  const existing = findComment(stored, commentName);
  if (!existing) return false;

  stored.comments = stored.comments.filter((comment) => comment !== existing);
  recountComments(stored);
  if (bumpIncident) stampIncidentWrite(stored.resource, now);
  return true;
}

export function findComment(
  stored: StoredSentinelIncident,
  commentName: string,
): SentinelComment | undefined {
  const wanted = commentName.toLowerCase();
  return stored.comments.find((comment) => comment.name.toLowerCase() === wanted);
}

function recountComments(stored: StoredSentinelIncident): void {
  const properties = stored.resource.properties;
  properties.additionalData = {
    ...properties.additionalData,
    commentsCount: stored.comments.length,
  };
}
