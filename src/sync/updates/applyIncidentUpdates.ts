/**
 * Applies API consumers' updates to the side they addressed, in the order they arrived, as one
 * write: three updates queued for an incident become one PUT (or PATCH) that carries all
 * three. Sentinel is written GET, change, PUT with the etag, again on 409. Comments are written
 * under ids derived from the update, so a retried job never writes one twice.
 */
import type { GraphIncident, GraphIncidentPatch } from '../../model/graphIncident.ts';
import type { SentinelIncidentProperties } from '../../model/sentinelIncident.ts';
import {
  sentinelClassificationToGraph,
  type DeterminationMemory,
} from '../../mapping/classificationTable.ts';
import { sameTagSet, tagKey, unionTags } from '../../mapping/labelMapping.ts';
import { sentinelStatusToGraph } from '../../mapping/statusTable.ts';
import { readGraphComment } from '../../mapping/readGraphIncident.ts';
import { sentinelCommentId } from '../comments/commentFingerprint.ts';
import { plainTextToHtml } from '../comments/htmlToPlainText.ts';
import { splitText } from '../comments/splitText.ts';
import type { SyncTarget } from '../engine/syncJobPayload.ts';
import type { PairRuntime } from '../pairRegistry.ts';
import { SyncError } from '../syncErrors.ts';
import type { IncidentUpdate } from './incidentUpdate.ts';

const MAX_CONFLICT_ROUNDS = 4;
const COMMENT_PART_UNITS = 25_000;

export async function applyIncidentUpdates(
  pair: PairRuntime,
  target: SyncTarget,
  updates: IncidentUpdate[],
  memory: DeterminationMemory,
): Promise<void> {
  if (updates.length === 0) return;
  if (target.side === 'sentinel') await applyToSentinel(pair, target.incidentArmId, updates);
  else await applyToDefender(pair, target.incidentId, updates, memory);
}

async function applyToSentinel(
  pair: PairRuntime,
  armId: string,
  updates: IncidentUpdate[],
): Promise<void> {
  const name = armId.split('/').pop() ?? '';
  for (let round = 1; round <= MAX_CONFLICT_ROUNDS; round += 1) {
    const current = await pair.sentinel.get(name);
    if (!current)
      throw new SyncError('sentinel_incident_not_found', 'Sentinel incident not found', { armId });

    const properties = structuredClone(current.properties);
    for (const update of updates) await applyToSentinelProperties(pair, properties, update);
    const result = await pair.sentinel.put(name, properties, current.etag ?? undefined);
    if (result.kind === 'conflict') continue;
    if (result.kind === 'rejected') {
      throw new SyncError(
        'sentinel_write_rejected',
        'Sentinel refused the update',
        { remoteMessage: result.message },
        properties,
      );
    }

    for (const update of updates) {
      if (!update.comment) continue;
      const parts = splitText(update.comment, COMMENT_PART_UNITS);
      for (const [part, text] of parts.entries()) {
        await pair.sentinel.putComment(
          name,
          sentinelCommentId(armId.toLowerCase(), `update:${update.id}`, part),
          plainTextToHtml(text),
        );
      }
    }
    return;
  }
  throw new SyncError('sync_conflict_persistent', 'Sentinel kept answering 409 Conflict', {
    incidentArmId: armId,
  });
}

async function applyToSentinelProperties(
  pair: PairRuntime,
  properties: SentinelIncidentProperties,
  update: IncidentUpdate,
): Promise<void> {
  if (update.status) properties.status = update.status;
  if (update.closePair) {
    properties.classification = update.closePair.classification;
    properties.classificationReason = update.closePair.classificationReason;
  }
  if (properties.status !== 'Closed' && update.status) {
    properties.classification = null;
    properties.classificationReason = null;
  }
  if (update.classificationComment !== undefined)
    properties.classificationComment = update.classificationComment;
  if (update.severity) properties.severity = update.severity;

  if (update.owner === null) properties.owner = null;
  else if (update.owner !== undefined) {
    const resolved = await pair.owners.resolve(update.owner);
    properties.owner = resolved
      ? {
          objectId: resolved.objectId,
          userPrincipalName: resolved.userPrincipalName,
          email: resolved.mail,
          assignedTo: resolved.displayName,
        }
      : { assignedTo: update.owner, userPrincipalName: update.owner, email: update.owner };
  }

  const removed = new Set(update.tagsToRemove.map(tagKey));
  const labels = (properties.labels ?? []).filter((label) => !removed.has(tagKey(label.labelName)));
  const names = unionTags(
    labels.map((label) => label.labelName),
    update.tagsToAdd.filter((tag) => !removed.has(tagKey(tag))),
  );
  properties.labels = names.map(
    (labelName) => labels.find((label) => label.labelName === labelName) ?? { labelName },
  );
}

async function applyToDefender(
  pair: PairRuntime,
  incidentId: string,
  updates: IncidentUpdate[],
  memory: DeterminationMemory,
): Promise<void> {
  const current = await pair.defender.getIncident(incidentId);
  if (!current)
    throw new SyncError('defender_incident_not_found', 'Defender incident not found', {
      incidentId,
    });

  const patch = defenderPatch(current, updates, memory);
  if (Object.keys(patch).length > 0) await pair.defender.patchIncident(incidentId, patch);

  let comments = (current.comments ?? []).map(readGraphComment);
  for (const update of updates) {
    if (!update.comment) continue;
    for (const text of splitText(update.comment, COMMENT_PART_UNITS)) {
      // The same text already there is this update's comment written before a lost answer.
      if (comments.some((comment) => comment.text === text)) continue;
      comments = (await pair.defender.addComment(incidentId, text)).map(readGraphComment);
    }
  }
}

function defenderPatch(
  current: GraphIncident,
  updates: IncidentUpdate[],
  memory: DeterminationMemory,
): GraphIncidentPatch {
  const patch: GraphIncidentPatch = {};
  let tags = current.customTags ?? [];

  for (const update of updates) {
    if (update.status) patch.status = sentinelStatusToGraph(update.status);
    if (update.closePair) {
      const verdict = sentinelClassificationToGraph(update.closePair, memory);
      if (verdict) {
        patch.classification = verdict.classification;
        patch.determination = update.determination ?? verdict.determination;
      }
    }
    if (update.owner !== undefined) patch.assignedTo = update.owner;

    const removed = new Set(update.tagsToRemove.map(tagKey));
    tags = unionTags(
      tags.filter((tag) => !removed.has(tagKey(tag))),
      update.tagsToAdd.filter((tag) => !removed.has(tagKey(tag))),
    );
  }
  if (!sameTagSet(tags, current.customTags ?? [])) patch.customTags = tags;
  return patch;
}
