/**
 * Reads a pair's Defender incidents changed since its cursor, through Graph with
 * `$filter=lastUpdateDateTime ge (cursor - overlap)`, pages of at most 50 and nextLink, and
 * queues a sync for each one whose version the pair has not synced yet. The window overlaps
 * the previous one because Defender can index an update with a time earlier than the last
 * poll (BR-03); versions already queued are dropped.
 */
import type { Logger } from '../../logging/logger.ts';
import type { Store } from '../../store/store.ts';
import { readDefenderSnapshot } from '../core/snapshots.ts';
import type { SyncJobs } from '../engine/syncJobs.ts';
import type { PairRuntime } from '../pairRegistry.ts';
import { changePriority } from './changePriority.ts';
import { laterTimestamp } from './laterTimestamp.ts';
import { SeenVersions } from './seenVersions.ts';

export interface PollResult {
  read: number;
  queued: number;
  cursor: string;
}

export class DefenderPoller {
  private readonly seen = new SeenVersions();

  constructor(
    private readonly store: Store,
    private readonly jobs: SyncJobs,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pollOnce(pair: PairRuntime): Promise<PollResult> {
    const { name } = pair.config;
    const { pollOverlapMs } = pair.config.intervals;
    const cursor = (await this.store.getCursor(name, 'defender')) ?? this.now().toISOString();
    const since = new Date(Date.parse(cursor) - pollOverlapMs).toISOString();
    const tenantId = pair.config.defender.tenantId;
    const startedAt = this.now().toISOString();

    let read = 0;
    let queued = 0;
    let newest = cursor;
    for await (const page of pair.defender.listIncidents({
      filter: `lastUpdateDateTime ge ${since}`,
    })) {
      for (const incident of page) {
        read += 1;
        const version = incident.lastUpdateDateTime ?? '';
        newest = laterTimestamp(newest, version);
        if (this.seen.check(`${tenantId}:${incident.id}`, version)) continue;

        const [link] = await this.store.findLinksByDefender(tenantId, incident.id);
        const base = readDefenderSnapshot(link?.defenderSnapshot);
        if (base && base.lastUpdateDateTime === version) continue;

        const closedNow = incident.status === 'resolved' || incident.status === 'redirected';
        const closedBefore = base
          ? base.status === 'resolved' || base.status === 'redirected'
          : undefined;
        await this.jobs.enqueue({
          target: { side: 'defender', tenantId, incidentId: incident.id },
          reason: 'poll:defender',
          priority: changePriority(
            closedNow,
            closedBefore,
            base !== undefined && base.status !== incident.status,
          ),
          noticedAt: version || undefined,
          copies: { defender: incident },
        });
        queued += 1;
      }
    }

    // Everything changed before this poll started has been listed, so the next window may
    // start there (less the overlap) even when nothing changed: a cursor left at the newest
    // change would make a quiet side list its last changes again on every poll, forever.
    newest = laterTimestamp(newest, startedAt);
    await this.store.setCursor(name, 'defender', newest);
    if (queued > 0) this.logger.debug({ pair: name, read, queued }, 'defender poll queued changes');
    return { read, queued, cursor: newest };
  }
}
