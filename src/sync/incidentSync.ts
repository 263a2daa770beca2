/**
 * Sync of one incident pair, addressed from either side: resolve the link (making it when the
 * Sentinel incident names its Defender twin), apply any updates a caller asked for, then run
 * the read-merge-write of the pair and carry comments across. An incident with no twin is
 * reported as unpaired, never duplicated. The sync jobs run through here; so do direct calls.
 */
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import type { SyncTarget } from './engine/syncJobPayload.ts';
import { describeTarget } from './engine/syncJobPayload.ts';
import { KeyedMutex } from './keyedMutex.ts';
import { LinkLocks } from './linkLocks.ts';
import type { LinkRecord } from '../store/linkRecord.ts';
import { LinkResolver, type ResolvedTarget } from './linkResolver.ts';
import type { PairRegistry } from './pairRegistry.ts';
import { syncLinkedPair } from './syncLinkedPair.ts';
import type { SyncOutcome } from './syncOutcome.ts';
import type { IncidentUpdate } from './updates/incidentUpdate.ts';
import { usableCopies, type CarriedCopies } from './carriedCopies.ts';
import type { SyncNote } from './core/syncPlan.ts';
import { syncComments, type CommentSyncResult } from './comments/syncComments.ts';
import { followMergedIncident } from './redirects/followMergedIncident.ts';
import { applyIncidentUpdates } from './updates/applyIncidentUpdates.ts';
import type { DeterminationMemory } from '../mapping/classificationTable.ts';

export interface IncidentSyncOptions {
  store: Store;
  pairs: PairRegistry;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** Shared with enrichment, so both take turns on an incident in this process. */
  mutex?: KeyedMutex;
  /** How long a replica's hold on a pair mid-sync lasts without renewal. */
  linkLeaseMs?: number;
}

const DEFAULT_LINK_LEASE_MS = 30_000;

export interface SyncRequest {
  trigger: string;
  dryRun?: boolean;
  updates?: IncidentUpdate[];
  /** Incidents as a poller listed them; used in place of reads where still newer. */
  copies?: CarriedCopies;
}

export class IncidentSync {
  readonly links: LinkResolver;
  private readonly mutex: KeyedMutex;
  private readonly linkLocks: LinkLocks;

  constructor(private readonly options: IncidentSyncOptions) {
    this.links = new LinkResolver(options.store, options.pairs);
    this.mutex = options.mutex ?? new KeyedMutex();
    this.linkLocks = new LinkLocks({
      leases: options.store.leases,
      leaseMs: options.linkLeaseMs ?? DEFAULT_LINK_LEASE_MS,
    });
  }

  syncSentinelIncident(incidentArmId: string, request: SyncRequest): Promise<SyncOutcome> {
    return this.run({ side: 'sentinel', incidentArmId }, request);
  }

  syncDefenderIncident(
    tenantId: string,
    incidentId: string,
    request: SyncRequest,
  ): Promise<SyncOutcome> {
    return this.run({ side: 'defender', tenantId, incidentId }, request);
  }

  async run(target: SyncTarget, request: SyncRequest): Promise<SyncOutcome> {
    this.links.pairFor(target);
    const resolved = await this.mutex.run(describeTarget(target).toLowerCase(), async () => {
      const found = await this.links.resolve(target);
      // Updates go to the side the caller addressed, linked or not, before the pair syncs.
      if (request.updates?.length && !request.dryRun) {
        const memory = (found.link?.determinationMemory ?? {}) as DeterminationMemory;
        await applyIncidentUpdates(found.pair, target, request.updates, memory);
      }
      return found;
    });
    const { link } = resolved;
    if (!link) return this.unpaired(resolved, target, request);

    return this.mutex.run(`link:${link.id}`, () =>
      request.dryRun
        ? this.syncLink(resolved, link, request)
        : this.linkLocks.around(link.id, () => this.syncLink(resolved, link, request)),
    );
  }

  private async syncLink(
    resolved: ResolvedTarget,
    link: LinkRecord,
    request: SyncRequest,
  ): Promise<SyncOutcome> {
    const pair = resolved.pair;
    let current = (await this.options.store.findLinkById(link.id)) ?? link;
    const notes = resolutionNotes(resolved);
    // Updates were just written to one side, after any copy was listed: read both.
    const carried = request.updates?.length ? {} : usableCopies(current, request.copies);

    const defender =
      carried.defender ?? (await pair.defender.getIncident(current.defenderIncidentId));
    const merged =
      defender?.status === 'redirected' && current.state === 'linked' && !request.dryRun;
    if (merged) {
      const followed = await followMergedIncident(pair, current, defender, this.options.store);
      current = followed.link;
      notes.push(...followed.notes);
    }

    // Re-read inside the lock: a sync that waited holds a link revision that moved on.
    const fresh = (await this.options.store.findLinkById(current.id)) ?? current;
    const { outcome, after, sentinelRead } = await syncLinkedPair(pair, fresh, {
      store: this.options.store,
      logger: this.options.logger,
      trigger: request.trigger,
      dryRun: request.dryRun,
      sleep: this.options.sleep,
      // The read that looked for a merge is the sync's first read of Defender, unless the
      // link moved to the incident it was merged into.
      initial: {
        defender:
          defender && !merged && defender.id === fresh.defenderIncidentId ? defender : undefined,
        sentinel: merged || fresh.revision !== current.revision ? undefined : carried.sentinel,
      },
    });

    // Comments after the fields, from the Defender copy whose version the field sync stored
    // as synced: a comment added after that copy moved the version on, so the pollers will
    // bring the pair back for it. Our own comment writes move it on too, which costs one more
    // read-only sync, never a lost comment.
    const comments = request.dryRun
      ? undefined
      : await syncComments(pair, current, {
          store: this.options.store,
          policy: pair.policy.comments,
          defender: after.defender,
          sentinelEtags: {
            read: sentinelRead.etag ?? undefined,
            after: after.sentinel.etag ?? undefined,
          },
        });
    outcome.notes.push(...notes);
    if (comments) addCommentCounts(outcome, comments);
    this.log(outcome, request);
    return outcome;
  }

  private log(outcome: SyncOutcome, request: SyncRequest): void {
    this.options.logger.info(
      {
        pair: outcome.pairName,
        linkId: outcome.link?.id,
        outcome: outcome.outcome,
        sentinelChanges: outcome.sentinel.changes.length,
        defenderChanges: outcome.defender.changes.length,
        attempts: outcome.attempts,
        trigger: request.trigger,
      },
      'pair synced',
    );
  }

  private async unpaired(
    resolved: ResolvedTarget,
    target: SyncTarget,
    request: SyncRequest,
  ): Promise<SyncOutcome> {
    const sentinelIncidentArmId =
      target.side === 'sentinel' ? (resolved.sentinel?.id ?? target.incidentArmId) : '';
    const defenderIncidentId = target.side === 'defender' ? target.incidentId : '';
    const audit = await this.options.store.appendAudit({
      linkId: null,
      pairName: resolved.pair.config.name,
      trigger: request.trigger,
      outcome: 'unpaired',
      detail: { target },
    });
    return {
      outcome: 'unpaired',
      pairName: resolved.pair.config.name,
      link: null,
      sentinelIncidentArmId,
      defenderTenantId:
        target.side === 'defender' ? target.tenantId : resolved.pair.config.defender.tenantId,
      defenderIncidentId,
      sentinel: { written: false, changes: [] },
      defender: { written: false, changes: [] },
      decisions: [],
      notes: [
        {
          field: 'link',
          code: 'unpaired',
          message:
            target.side === 'sentinel'
              ? 'This Sentinel incident has no Defender twin; it stays Sentinel-only.'
              : 'No Sentinel incident names this Defender incident as its twin.',
          value: sentinelIncidentArmId || defenderIncidentId,
        },
      ],
      attempts: 0,
      auditId: audit.id,
    };
  }
}

function addCommentCounts(outcome: SyncOutcome, comments: CommentSyncResult): void {
  outcome.notes.push(...comments.notes);
  if (comments.toSentinel > 0) {
    outcome.sentinel.written = true;
    outcome.sentinel.changes.push({
      field: 'comments',
      before: '',
      after: `${comments.toSentinel} added`,
    });
  }
  if (comments.toDefender > 0) {
    outcome.defender.written = true;
    outcome.defender.changes.push({
      field: 'comments',
      before: '',
      after: `${comments.toDefender} added`,
    });
  }
  if ((comments.toSentinel > 0 || comments.toDefender > 0) && outcome.outcome === 'unchanged') {
    outcome.outcome = 'written';
  }
}

function resolutionNotes(resolved: ResolvedTarget): SyncNote[] {
  const notes: SyncNote[] = [];
  if (resolved.lateRedelivery) {
    notes.push({
      field: 'link',
      code: 'late_redelivery',
      message:
        'Defender delivered this incident again long after its activity; both twins stay linked.',
      value: resolved.link?.defenderIncidentId ?? '',
    });
  }
  if (resolved.forwardedFrom) {
    notes.push({
      field: 'link',
      code: 'redirected_is_final',
      message: 'The addressed Defender incident was merged; the survivor was synced instead.',
      value: resolved.forwardedFrom.defenderIncidentId,
    });
  }
  return notes;
}
