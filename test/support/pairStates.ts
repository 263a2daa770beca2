/** Builds merge inputs from the fixtures: both sides now, and their snapshots as last synced. */
import { parseConfig } from '../../src/config/loadConfig.ts';
import type { PairPolicy } from '../../src/config/config.ts';
import { readGraphIncident } from '../../src/mapping/readGraphIncident.ts';
import { readSentinelIncident } from '../../src/mapping/sentinelIncidentView.ts';
import type { GraphIncident } from '../../src/model/graphIncident.ts';
import type { SentinelIncident } from '../../src/model/sentinelIncident.ts';
import type { PairState } from '../../src/sync/core/pairState.ts';
import { snapshotOfDefender, snapshotOfSentinel } from '../../src/sync/core/snapshots.ts';
import { fixture } from './fixtures.ts';

export function defaultPolicy(overrides: Partial<PairPolicy> = {}): PairPolicy {
  const config = parseConfig({
    credentials: { c: { kind: 'managedIdentity' } },
    pairs: [
      {
        name: 'p',
        defender: { tenantId: 't', credential: 'c' },
        sentinel: {
          subscriptionId: 's',
          resourceGroupName: 'g',
          workspaceName: 'w',
          tenantId: 't',
          credential: 'c',
        },
      },
    ],
  });
  const [pair] = config.pairs;
  if (!pair) throw new Error('no pair');
  return { ...pair.policy, ...overrides };
}

export interface StateEdits {
  defender?: Partial<GraphIncident>;
  sentinel?: Partial<SentinelIncident['properties']>;
}

export function baseIncidents(): { defender: GraphIncident; sentinel: SentinelIncident } {
  const defender = fixture<GraphIncident>('graph-incident-with-alerts.json');
  const sentinel = fixture<SentinelIncident>('sentinel-incident.json');
  return { defender, sentinel };
}

/** A pair that was in sync (the base), then edited on either side. */
export function syncedThenEdited(
  edits: StateEdits,
  options: { policy?: Partial<PairPolicy>; times?: { defender?: string; sentinel?: string } } = {},
): PairState {
  const base = baseIncidents();
  const now = baseIncidents();
  Object.assign(now.defender, edits.defender ?? {});
  Object.assign(now.sentinel.properties, edits.sentinel ?? {});
  if (options.times?.defender) now.defender.lastUpdateDateTime = options.times.defender;
  if (options.times?.sentinel) now.sentinel.properties.lastModifiedTimeUtc = options.times.sentinel;

  return {
    defender: readGraphIncident(now.defender).incident,
    sentinel: readSentinelIncident(now.sentinel).incident,
    sentinelProperties: now.sentinel.properties,
    baseDefender: snapshotOfDefender(readGraphIncident(base.defender).incident),
    baseSentinel: snapshotOfSentinel(readSentinelIncident(base.sentinel).incident),
    memory: {},
    policy: defaultPolicy(options.policy),
  };
}
