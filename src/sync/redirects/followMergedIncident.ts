/**
 * Defender merges incidents: the absorbed one turns `redirected` and names the survivor in
 * redirectIncidentId (BR-04). incident-bridge then moves what the absorbed pair holds to the
 * survivor: its owner (when the survivor has none) and its tags go to the surviving Defender
 * incident, and the link is marked redirected so later events for the old id are forwarded.
 * The absorbed Sentinel twin is closed by the ordinary sync (a redirected incident maps to
 * Closed / Undetermined with a `redirected` label) and told which incident survived.
 *
 * When the survivor has no Sentinel twin, the link follows it instead: the absorbed Sentinel
 * incident now mirrors the survivor.
 */
import { unionTags, sameTagSet } from '../../mapping/labelMapping.ts';
import type { GraphIncident, GraphIncidentPatch } from '../../model/graphIncident.ts';
import type { LinkRecord } from '../../store/linkRecord.ts';
import type { Store } from '../../store/store.ts';
import { plainTextToHtml } from '../comments/htmlToPlainText.ts';
import { sentinelCommentId } from '../comments/commentFingerprint.ts';
import type { SyncNote } from '../core/syncPlan.ts';
import type { PairRuntime } from '../pairRegistry.ts';

export interface MergeFollowed {
  /** The link to sync now: the absorbed one (to close its Sentinel twin) or the re-pointed one. */
  link: LinkRecord;
  notes: SyncNote[];
}

export async function followMergedIncident(
  pair: PairRuntime,
  link: LinkRecord,
  absorbed: GraphIncident,
  store: Store,
): Promise<MergeFollowed> {
  const survivorId = absorbed.redirectIncidentId ? String(absorbed.redirectIncidentId) : '';
  if (!survivorId) return { link, notes: [] };

  const survivor = await pair.defender.getIncident(survivorId);
  if (!survivor) return { link, notes: [] };

  const survivorLink = (await store.findLinksByDefender(link.defenderTenantId, survivorId)).find(
    (candidate) => candidate.state !== 'redirected' && candidate.id !== link.id,
  );
  const incidentName = link.sentinelIncidentArmId.split('/').pop() ?? '';
  const note = mergeNote(absorbed.id, survivorId);

  if (!survivorLink) {
    await store.repointDefender(link.id, survivorId);
    await pair.sentinel.putComment(
      incidentName,
      sentinelCommentId(link.id, `merge:${absorbed.id}`, 0),
      plainTextToHtml(
        `Defender merged incident ${absorbed.id} into ${survivorId}; this incident now mirrors ${survivorId}.`,
      ),
    );
    return { link: (await store.findLinkById(link.id)) ?? link, notes: [note] };
  }

  await carryOwnerAndTags(pair, absorbed, survivor);
  await pair.sentinel.putComment(
    incidentName,
    sentinelCommentId(link.id, `merge:${absorbed.id}`, 0),
    plainTextToHtml(
      `Defender merged incident ${absorbed.id} into ${survivorId}; follow it in Sentinel incident ` +
        `${survivorLink.sentinelIncidentNumber ?? survivorLink.sentinelIncidentArmId}.`,
    ),
  );
  await store.setLinkState(link.id, 'redirected', survivorLink.id);
  return { link: (await store.findLinkById(link.id)) ?? link, notes: [note] };
}

async function carryOwnerAndTags(
  pair: PairRuntime,
  absorbed: GraphIncident,
  survivor: GraphIncident,
): Promise<void> {
  const patch: GraphIncidentPatch = {};
  if (!survivor.assignedTo && absorbed.assignedTo) patch.assignedTo = absorbed.assignedTo;

  const tags = unionTags(survivor.customTags ?? [], absorbed.customTags ?? []);
  if (!sameTagSet(tags, survivor.customTags ?? [])) patch.customTags = tags;

  if (Object.keys(patch).length > 0) await pair.defender.patchIncident(survivor.id, patch);
}

function mergeNote(absorbedId: string, survivorId: string): SyncNote {
  return {
    field: 'status',
    code: 'status_redirected',
    message: `Defender merged incident ${absorbedId} into ${survivorId}; the link follows the survivor.`,
    value: survivorId,
  };
}
