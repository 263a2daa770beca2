/**
 * Reads a pair's Sentinel incidents changed since its cursor, with
 * `$filter=properties/lastModifiedTimeUtc ge (cursor - overlap)` ordered oldest first and
 * nextLink to the end, and queues a sync for each whose etag the pair has not synced yet.
 * Sentinel-only incidents are queued once per version; the sync reports them as unpaired.
 */
import type { Logger } from '../../logging/logger.ts';
import type { Store } from '../../store/store.ts';
import { readSentinelSnapshot } from '../core/snapshots.ts';
import type { SyncJobs } from '../engine/syncJobs.ts';
import type { PairRuntime } from '../pairRegistry.ts';
import { changePriority } from './changePriority.ts';
import type { PollResult } from './defenderPoller.ts';
import { laterTimestamp } from './laterTimestamp.ts';
import { SeenVersions } from './seenVersions.ts';

export class SentinelPoller {
  private readonly seen = new SeenVersions();

  constructor(
    private readonly store: Store,
    private readonly jobs: SyncJobs,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pollOnce(pair: PairRuntime): Promise<PollResult> {
    const { name } = pair.config;
    const cursor = (await this.store.getCursor(name, 'sentinel')) ?? this.now().toISOString();
    const since = new Date(Date.parse(cursor) - pair.config.intervals.pollOverlapMs).toISOString();
    const startedAt = this.now().toISOString();

    let read = 0;
    let queued = 0;
    let newest = cursor;
    const incidents = pair.sentinel.list({
      filter: `properties/lastModifiedTimeUtc ge ${since}`,
      orderby: 'properties/lastModifiedTimeUtc asc',
    });
    for await (const incident of incidents) {
      read += 1;
      const modified = incident.properties.lastModifiedTimeUtc ?? '';
      newest = laterTimestamp(newest, modified);
      if (this.seen.check(incident.id.toLowerCase(), incident.etag ?? modified)) continue;

      const link = await this.store.findLinkBySentinelArmId(incident.id);
      const base = readSentinelSnapshot(link?.sentinelSnapshot);
      if (base && base.etag === incident.etag) continue;

      const closedNow = incident.properties.status === 'Closed';
      const closedBefore = base ? base.status === 'Closed' : undefined;
      await this.jobs.enqueue({
        target: { side: 'sentinel', incidentArmId: incident.id },
        reason: 'poll:sentinel',
        priority: changePriority(
          closedNow,
          closedBefore,
          base !== undefined && base.status !== incident.properties.status,
        ),
        noticedAt: modified || undefined,
        copies: { sentinel: incident },
      });
      queued += 1;
    }

    // Everything changed before this poll started has been listed, so the next window may
    // start there (less the overlap) even when nothing changed: a cursor left at the newest
    // change would make a quiet side list its last changes again on every poll, forever.
    newest = laterTimestamp(newest, startedAt);
    await this.store.setCursor(name, 'sentinel', newest);
    if (queued > 0) this.logger.debug({ pair: name, read, queued }, 'sentinel poll queued changes');
    return { read, queued, cursor: newest };
  }
}
