import { describe, expect, it } from 'vitest';
import type { GraphIncident } from '../../../src/model/graphIncident.ts';
import type { SentinelIncident } from '../../../src/model/sentinelIncident.ts';
import type { LinkRecord } from '../../../src/store/linkRecord.ts';
import { mergeCarriedCopies, usableCopies } from '../../../src/sync/carriedCopies.ts';
import { SNAPSHOT_VERSION } from '../../../src/sync/core/snapshots.ts';

const ARM_ID =
  '/subscriptions/s/resourceGroups/g/providers/Microsoft.SecurityInsights/incidents/i-1';

function defenderAt(lastUpdateDateTime: string): GraphIncident {
  return { id: '42', lastUpdateDateTime } as GraphIncident;
}

function sentinelAt(lastModifiedTimeUtc: string, etag: string): SentinelIncident {
  return {
    id: ARM_ID.toUpperCase(),
    etag,
    properties: { lastModifiedTimeUtc },
  } as SentinelIncident;
}

/** A link last synced with Defender at 10:00:00.1234567 and Sentinel at 10:00:05, etag "e1". */
function syncedLink(overrides: Partial<LinkRecord> = {}): LinkRecord {
  return {
    id: 'link-1',
    defenderIncidentId: '42',
    sentinelIncidentArmId: ARM_ID,
    defenderSnapshot: { v: SNAPSHOT_VERSION, lastUpdateDateTime: '2026-12-03T10:00:00.1234567Z' },
    sentinelSnapshot: {
      v: SNAPSHOT_VERSION,
      etag: '"e1"',
      lastModifiedTimeUtc: '2026-12-03T10:00:05Z',
    },
    ...overrides,
  } as LinkRecord;
}

describe('carried copies', () => {
  it('stand in for reads when newer than the synced state, even past the millisecond', () => {
    const copies = {
      defender: defenderAt('2026-12-03T10:00:00.1234568Z'),
      sentinel: sentinelAt('2026-12-03T10:00:06Z', '"e2"'),
    };

    expect(usableCopies(syncedLink(), copies)).toEqual(copies);
  });

  it('are dropped when a sync stored a state as new or newer since they were listed', () => {
    const copies = {
      defender: defenderAt('2026-12-03T10:00:00.1234567Z'),
      sentinel: sentinelAt('2026-12-03T10:00:04Z', '"e0"'),
    };

    expect(usableCopies(syncedLink(), copies)).toEqual({});
  });

  it('are dropped on a first sync, and when they are of other incidents', () => {
    const copies = {
      defender: { ...defenderAt('2026-12-03T11:00:00Z'), id: '43' },
      sentinel: sentinelAt('2026-12-03T11:00:00Z', '"e2"'),
    };

    expect(usableCopies(syncedLink(), copies)).toEqual({ sentinel: copies.sentinel });
    expect(usableCopies(syncedLink({ defenderSnapshot: null }), copies)).toEqual({});
  });

  it('merge to the newer copy of each side', () => {
    const older = { defender: defenderAt('2026-12-03T10:00:01Z') };
    const newer = {
      defender: defenderAt('2026-12-03T10:00:02Z'),
      sentinel: sentinelAt('2026-12-03T10:00:01Z', '"e3"'),
    };

    expect(mergeCarriedCopies(newer, older)).toEqual(newer);
    expect(mergeCarriedCopies(older, newer)).toEqual(newer);
    expect(mergeCarriedCopies(undefined, older)).toEqual(older);
  });
});
