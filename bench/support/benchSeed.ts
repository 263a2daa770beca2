/**
 * The emulator world the sync benchmarks run in: one Defender tenant and one Sentinel
 * workspace holding `count` pairs as Microsoft's connector creates them (the Sentinel
 * incident names its Defender twin), already aligned field by field, and a few analysts.
 * Incidents may carry `alerts` alerts with evidence for as many entities.
 */
import { v5 as uuidv5 } from 'uuid';
import type { EmulatorSeed } from '../../src/emulator/index.ts';
import type { GraphAlert } from '../../src/model/graphIncident.ts';
import type { SentinelEntity } from '../../src/model/sentinelIncident.ts';
import { formatSentinelIncidentArmId } from '../../src/model/sentinelIncidentArmId.ts';
import { evidenceFor } from '../../test/support/largeIncident.ts';

export const BENCH_TENANT = '3c9e1f7a-5b2d-4e8c-a6f0-7d1b3e5a9c24';
export const BENCH_CLIENT = {
  clientId: '8f2a6c4e-1d3b-4f5a-9e7c-0b2d4f6a8c1e',
  clientSecret: 'bench-secret',
};
export const BENCH_WORKSPACE = {
  subscriptionId: '4a7c9e1b-3d5f-4b2a-8c6e-9f1d3b5a7c20',
  resourceGroupName: 'rg-bench',
  workspaceName: 'law-bench',
};
export const BENCH_ANALYSTS = Array.from(
  { length: 6 },
  (_, index) => `analyst${index + 1}@bench.example`,
);

const NAMESPACE = '2b4d6f8a-0c1e-4a3b-9d5f-7e9a1c3b5d70';
const CREATED = '2026-10-01T08:00:00.0000000Z';

export function benchIncidentName(index: number): string {
  return uuidv5(`incident-${index}`, NAMESPACE);
}

export function benchDefenderId(index: number): string {
  return String(500_000 + index);
}

export function benchSentinelArmId(index: number): string {
  return formatSentinelIncidentArmId({ ...BENCH_WORKSPACE, incidentId: benchIncidentName(index) });
}

export interface BenchSeedOptions {
  pairs: number;
  /**
   * Alerts on each Defender incident, each with one entity's evidence, and as many entities
   * on each Sentinel twin. Default 0.
   */
  alerts?: number;
  /** When the incidents were created and last changed; a fixed day in the past by default. */
  createdAt?: string;
}

export function benchSeed(options: BenchSeedOptions): EmulatorSeed {
  const alerts = benchAlerts(options.alerts ?? 0);
  const entities = benchEntities(options.alerts ?? 0);
  const created = options.createdAt ?? CREATED;
  return {
    tenants: [
      {
        tenantId: BENCH_TENANT,
        displayName: 'Bench Lab',
        clients: [{ ...BENCH_CLIENT, displayName: 'incident-bridge bench' }],
        users: BENCH_ANALYSTS.map((upn, index) => ({
          id: uuidv5(upn, NAMESPACE),
          userPrincipalName: upn,
          mail: upn,
          displayName: `Analyst ${index + 1}`,
          userType: 'Member',
          accountEnabled: true,
        })),
        defenderIncidents: Array.from({ length: options.pairs }, (_, index) => ({
          id: benchDefenderId(index),
          tenantId: BENCH_TENANT,
          displayName: `Bench incident ${index}`,
          status: 'active',
          severity: 'medium',
          classification: 'unknown',
          determination: 'unknown',
          assignedTo: null,
          customTags: [],
          systemTags: [],
          comments: [],
          alerts,
          createdDateTime: created,
          lastUpdateDateTime: created,
        })),
      },
    ],
    workspaces: [
      {
        ...BENCH_WORKSPACE,
        tenantId: BENCH_TENANT,
        incidents: Array.from({ length: options.pairs }, (_, index) => ({
          incident: {
            id: benchSentinelArmId(index),
            name: benchIncidentName(index),
            type: 'Microsoft.SecurityInsights/incidents',
            etag: `"${uuidv5(`etag-${index}`, NAMESPACE)}"`,
            properties: {
              title: `Bench incident ${index}`,
              severity: 'Medium',
              status: 'New',
              owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
              labels: [],
              createdTimeUtc: created,
              lastModifiedTimeUtc: created,
              incidentNumber: 10_000 + index,
              providerName: 'Microsoft XDR',
              providerIncidentId: benchDefenderId(index),
            },
          },
          entities,
        })),
      },
    ],
  };
}

function benchAlerts(count: number): GraphAlert[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-alert-${index}`,
    title: `Alert ${index}`,
    description: `Alert number ${index}`,
    status: 'new',
    severity: 'medium',
    evidence: [evidenceFor(index)],
  }));
}

function benchEntities(count: number): SentinelEntity[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-entity-${index}`,
    name: `bench-entity-${index}`,
    kind: 'Ip',
    properties: { address: `198.18.${index >> 8}.${index & 255}` },
  }));
}
