/**
 * The reconcile sweep compares whole pairs instead of trusting change events, which arrive
 * late, merged or not at all (BR-23): every incident either side changed within the window,
 * plus every open Sentinel incident, is matched against the stored links. Pairs out of step
 * (a version the link has not synced, open on one side and closed on the other) are queued for
 * sync; incidents naming a twin are linked; the rest are reported as unpaired.
 */
import type { GraphIncident } from '../../model/graphIncident.ts';
import type { SentinelIncident } from '../../model/sentinelIncident.ts';
import { isDefenderProvider } from '../../mapping/defenderProvider.ts';
import type { Store } from '../../store/store.ts';
import type { LinkRecord } from '../../store/linkRecord.ts';
import { readDefenderSnapshot, readSentinelSnapshot } from '../core/snapshots.ts';
import type { SyncJobs } from '../engine/syncJobs.ts';
import type { PairRuntime } from '../pairRegistry.ts';

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

export class ReconcileSweep {
  constructor(private readonly options: ReconcileSweepOptions) {}

  async run(pair: PairRuntime): Promise<ReconcileSummary> {
    const since = new Date(
      (this.options.now?.() ?? new Date()).getTime() - (this.options.windowMs ?? DEFAULT_WINDOW_MS),
    );
    const [defenderIncidents, sentinelIncidents, links] = await Promise.all([
      this.listDefender(pair, since),
      this.listSentinel(pair, since),
      this.options.store.listLinks(pair.config.name),
    ]);

    const summary: ReconcileSummary = {
      pairName: pair.config.name,
      compared: defenderIncidents.length + sentinelIncidents.length,
      linked: 0,
      drifted: 0,
      queued: 0,
      unpairedDefender: [],
      sentinelOnly: [],
    };
    const linkByDefender = new Map(
      links
        .filter((link) => link.state !== 'redirected')
        .map((link) => [link.defenderIncidentId, link]),
    );
    const linkBySentinel = new Map(
      links.map((link) => [link.sentinelIncidentArmId.toLowerCase(), link]),
    );
    const sentinelByKey = new Map(
      sentinelIncidents.map((incident) => [incident.id.toLowerCase(), incident]),
    );
    const twinByDefenderId = new Map(
      sentinelIncidents
        .filter(
          (incident) =>
            isDefenderProvider(incident.properties.providerName) &&
            incident.properties.providerIncidentId,
        )
        .map((incident) => [String(incident.properties.providerIncidentId), incident]),
    );

    const handledSentinel = new Set<string>();
    for (const defender of defenderIncidents) {
      const link = linkByDefender.get(defender.id);
      if (link) {
        const sentinel = sentinelByKey.get(link.sentinelIncidentArmId.toLowerCase());
        handledSentinel.add(link.sentinelIncidentArmId.toLowerCase());
        if (hasDrifted(link, defender, sentinel)) {
          summary.drifted += 1;
          await this.queue(pair, {
            side: 'defender',
            tenantId: pair.config.defender.tenantId,
            incidentId: defender.id,
          });
          summary.queued += 1;
        }
        continue;
      }

      const twin = twinByDefenderId.get(defender.id);
      if (twin) {
        handledSentinel.add(twin.id.toLowerCase());
        summary.linked += 1;
        await this.queue(pair, { side: 'sentinel', incidentArmId: twin.id });
        summary.queued += 1;
      } else if (summary.unpairedDefender.length < MAX_LISTED) {
        summary.unpairedDefender.push(defender.id);
      }
    }

    for (const sentinel of sentinelIncidents) {
      const key = sentinel.id.toLowerCase();
      if (handledSentinel.has(key)) continue;

      const link = linkBySentinel.get(key);
      if (link) {
        if (readSentinelSnapshot(link.sentinelSnapshot)?.etag !== sentinel.etag) {
          summary.drifted += 1;
          await this.queue(pair, { side: 'sentinel', incidentArmId: sentinel.id });
          summary.queued += 1;
        }
      } else if (
        isDefenderProvider(sentinel.properties.providerName) &&
        sentinel.properties.providerIncidentId
      ) {
        summary.linked += 1;
        await this.queue(pair, { side: 'sentinel', incidentArmId: sentinel.id });
        summary.queued += 1;
      } else if (summary.sentinelOnly.length < MAX_LISTED) {
        summary.sentinelOnly.push(sentinel.id);
      }
    }
    return summary;
  }

  private async queue(
    pair: PairRuntime,
    target: Parameters<SyncJobs['enqueue']>[0]['target'],
  ): Promise<void> {
    await this.options.jobs.enqueue({
      target,
      reason: `reconcile:${pair.config.name}`,
      priority: 'reconcile',
    });
  }

  /** Changed within the window, or still open however old; one filter each, merged by id. */
  private async listDefender(pair: PairRuntime, since: Date): Promise<GraphIncident[]> {
    const filters = [
      `lastUpdateDateTime ge ${since.toISOString()}`,
      "status eq 'active'",
      "status eq 'inProgress'",
    ];
    const byId = new Map<string, GraphIncident>();
    for (const filter of filters) {
      for await (const page of pair.defender.listIncidents({ filter })) {
        for (const incident of page) byId.set(incident.id, incident);
      }
    }
    return [...byId.values()];
  }

  /** Changed within the window, or still open however old (BR-26: open incidents 21 months old). */
  private async listSentinel(pair: PairRuntime, since: Date): Promise<SentinelIncident[]> {
    const filter = `properties/lastModifiedTimeUtc ge ${since.toISOString()} or properties/status ne 'Closed'`;
    const incidents: SentinelIncident[] = [];
    for await (const incident of pair.sentinel.list({ filter })) incidents.push(incident);
    return incidents;
  }
}

function hasDrifted(
  link: LinkRecord,
  defender: GraphIncident,
  sentinel: SentinelIncident | undefined,
): boolean {
  const defenderBase = readDefenderSnapshot(link.defenderSnapshot);
  const sentinelBase = readSentinelSnapshot(link.sentinelSnapshot);
  if (!defenderBase || !sentinelBase) return true;
  if (defenderBase.lastUpdateDateTime !== defender.lastUpdateDateTime) return true;
  if (sentinel && sentinelBase.etag !== sentinel.etag) return true;

  const defenderClosed = defender.status === 'resolved' || defender.status === 'redirected';
  return sentinel !== undefined && defenderClosed !== (sentinel.properties.status === 'Closed');
}
