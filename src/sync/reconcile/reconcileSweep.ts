/**
 * The reconcile sweep compares whole pairs instead of trusting change events, which arrive
 * late, merged or not at all (BR-23): every incident either side changed within the window,
 * plus every open Sentinel incident, is matched against the stored links. Pairs out of step
 * (a version the link has not synced, open on one side and closed on the other) are queued for
 * sync; incidents naming a twin are linked; the rest are reported as unpaired.
 *
 * A sweep can cover hundreds of thousands of incidents, so it never holds them: links and
 * Sentinel incidents are kept as digests of a few strings, and Defender incidents are
 * compared page by page as Graph returns them.
 */
import type { GraphIncident } from '../../model/graphIncident.ts';
import { formatSentinelIncidentArmId } from '../../model/sentinelIncidentArmId.ts';
import type { Store } from '../../store/store.ts';
import type { CarriedCopies } from '../carriedCopies.ts';
import type { SyncJobs } from '../engine/syncJobs.ts';
import type { PairRuntime } from '../pairRegistry.ts';
import {
  digestOfLink,
  digestOfSentinel,
  type LinkDigest,
  type SentinelDigest,
} from './sweepDigests.ts';

export interface ReconcileSummary {
  pairName: string;
  compared: number;
  linked: number;
  drifted: number;
  queued: number;
  unpairedDefender: string[];
  sentinelOnly: string[];
}

export interface ReconcileSweepOptions {
  store: Store;
  jobs: SyncJobs;
  /** How far back changed incidents are compared. Default 30 days. */
  windowMs?: number;
  now?: () => Date;
}

const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;
/** Report lists are capped; the counts stay exact. */
const MAX_LISTED = 200;

/** What one sweep knows: the pair's links and its Sentinel incidents, as digests. */
interface SweepIndex {
  linkByDefender: Map<string, LinkDigest>;
  linkBySentinel: Map<string, LinkDigest>;
  sentinelByKey: Map<string, SentinelDigest>;
  /** Sentinel incidents created from a Defender incident, by that incident's id. */
  twinByDefenderId: Map<string, SentinelDigest>;
  handledSentinel: Set<string>;
}

type SyncTarget = Parameters<SyncJobs['enqueue']>[0]['target'];

export class ReconcileSweep {
  constructor(private readonly options: ReconcileSweepOptions) {}

  async run(pair: PairRuntime): Promise<ReconcileSummary> {
    const now = this.options.now?.() ?? new Date();
    const since = new Date(now.getTime() - (this.options.windowMs ?? DEFAULT_WINDOW_MS));
    const summary: ReconcileSummary = {
      pairName: pair.config.name,
      compared: 0,
      linked: 0,
      drifted: 0,
      queued: 0,
      unpairedDefender: [],
      sentinelOnly: [],
    };

    const index = await this.buildIndex(pair, since);
    summary.compared += index.sentinelByKey.size;

    for await (const page of this.listDefender(pair, since)) {
      for (const defender of page) {
        summary.compared += 1;
        await this.compareDefender(pair, index, defender, summary);
      }
    }

    for (const sentinel of index.sentinelByKey.values()) {
      if (!index.handledSentinel.has(sentinel.key)) {
        await this.compareSentinel(pair, index, sentinel, summary);
      }
    }
    return summary;
  }

  private async buildIndex(pair: PairRuntime, since: Date): Promise<SweepIndex> {
    const index: SweepIndex = {
      linkByDefender: new Map(),
      linkBySentinel: new Map(),
      sentinelByKey: new Map(),
      twinByDefenderId: new Map(),
      handledSentinel: new Set(),
    };

    for await (const page of this.options.store.listLinkPages(pair.config.name)) {
      for (const link of page) {
        const digest = digestOfLink(link);
        if (digest.state !== 'redirected') index.linkByDefender.set(digest.defenderId, digest);
        index.linkBySentinel.set(digest.sentinelKey, digest);
      }
    }

    const filter =
      `properties/lastModifiedTimeUtc ge ${since.toISOString()} ` +
      "or properties/status ne 'Closed'";
    for await (const incident of pair.sentinel.list({ filter })) {
      const digest = digestOfSentinel(incident);
      index.sentinelByKey.set(digest.key, digest);
      if (digest.twinOf) index.twinByDefenderId.set(digest.twinOf, digest);
    }
    return index;
  }

  private async compareDefender(
    pair: PairRuntime,
    index: SweepIndex,
    defender: GraphIncident,
    summary: ReconcileSummary,
  ): Promise<void> {
    const link = index.linkByDefender.get(defender.id);
    if (link) {
      const sentinel = index.sentinelByKey.get(link.sentinelKey);
      index.handledSentinel.add(link.sentinelKey);
      if (hasDrifted(link, defender, sentinel)) {
        summary.drifted += 1;
        const target = {
          side: 'defender' as const,
          tenantId: pair.config.defender.tenantId,
          incidentId: defender.id,
        };
        await this.queue(pair, summary, target, { defender });
      }
      return;
    }

    const twin = index.twinByDefenderId.get(defender.id);
    if (twin) {
      index.handledSentinel.add(twin.key);
      summary.linked += 1;
      await this.queue(pair, summary, { side: 'sentinel', incidentArmId: armIdOf(pair, twin) });
    } else if (summary.unpairedDefender.length < MAX_LISTED) {
      summary.unpairedDefender.push(defender.id);
    }
  }

  private async compareSentinel(
    pair: PairRuntime,
    index: SweepIndex,
    sentinel: SentinelDigest,
    summary: ReconcileSummary,
  ): Promise<void> {
    const link = index.linkBySentinel.get(sentinel.key);
    if (link) {
      if (link.sentinelEtag !== sentinel.etag) {
        summary.drifted += 1;
        await this.queue(pair, summary, {
          side: 'sentinel',
          incidentArmId: armIdOf(pair, sentinel),
        });
      }
    } else if (sentinel.twinOf) {
      summary.linked += 1;
      await this.queue(pair, summary, { side: 'sentinel', incidentArmId: armIdOf(pair, sentinel) });
    } else if (summary.sentinelOnly.length < MAX_LISTED) {
      summary.sentinelOnly.push(armIdOf(pair, sentinel));
    }
  }

  /** Queues a sync; a Defender incident the sweep listed goes with it, sparing a read. */
  private async queue(
    pair: PairRuntime,
    summary: ReconcileSummary,
    target: SyncTarget,
    copies?: CarriedCopies,
  ): Promise<void> {
    await this.options.jobs.enqueue({
      target,
      reason: `reconcile:${pair.config.name}`,
      priority: 'reconcile',
      ...(copies ? { copies } : {}),
    });
    summary.queued += 1;
  }

  /**
   * Changed within the window, or still open however old: one filter each, each incident
   * yielded once. Only the ids seen so far are kept to drop the repeats.
   */
  private async *listDefender(pair: PairRuntime, since: Date): AsyncGenerator<GraphIncident[]> {
    const filters = [
      `lastUpdateDateTime ge ${since.toISOString()}`,
      "status eq 'active'",
      "status eq 'inProgress'",
    ];
    const seen = new Set<string>();
    for (const filter of filters) {
      for await (const page of pair.defender.listIncidents({ filter })) {
        const fresh = page.filter((incident) => !seen.has(incident.id));
        for (const incident of fresh) seen.add(incident.id);
        if (fresh.length > 0) yield fresh;
      }
    }
  }
}

/** The ARM id of one of the pair's Sentinel incidents, rebuilt from its workspace. */
function armIdOf(pair: PairRuntime, sentinel: SentinelDigest): string {
  const { subscriptionId, resourceGroupName, workspaceName } = pair.config.sentinel;
  return formatSentinelIncidentArmId({
    subscriptionId,
    resourceGroupName,
    workspaceName,
    incidentId: sentinel.name,
  });
}

function hasDrifted(
  link: LinkDigest,
  defender: GraphIncident,
  sentinel: SentinelDigest | undefined,
): boolean {
  if (!link.synced) return true;
  if (link.defenderVersion !== defender.lastUpdateDateTime) return true;
  if (sentinel && link.sentinelEtag !== sentinel.etag) return true;

  const defenderClosed = defender.status === 'resolved' || defender.status === 'redirected';
  return sentinel !== undefined && defenderClosed !== sentinel.closed;
}
