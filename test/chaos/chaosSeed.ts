/** A workspace of `count` linked pairs, as Microsoft's connector would have created them. */
import { v5 as uuidv5 } from 'uuid';
import type { EmulatorSeed } from '../../src/emulator/index.ts';
import { formatSentinelIncidentArmId } from '../../src/model/sentinelIncidentArmId.ts';

export const CHAOS_TENANT = '0c4a05e1-7f2b-4d7e-9a55-6b1f3c2d8e90';
export const CHAOS_CLIENT = {
  clientId: 'd3b1a7c2-5e4f-4a6b-8c9d-0e1f2a3b4c5d',
  clientSecret: 'chaos-secret',
};
export const CHAOS_WORKSPACE = {
  subscriptionId: '8e2d4c6a-1b3f-4a5e-9c7d-2f4a6b8c0d1e',
  resourceGroupName: 'rg-chaos',
  workspaceName: 'law-chaos',
};
export const CHAOS_ANALYSTS = Array.from(
  { length: 8 },
  (_, index) => `analyst${index + 1}@chaos.example`,
);

const NAMESPACE = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export function chaosIncidentName(index: number): string {
  return uuidv5(`incident-${index}`, NAMESPACE);
}

export function chaosDefenderId(index: number): string {
  return String(700_000 + index);
}

export function chaosSeed(count: number): EmulatorSeed {
  const created = '2026-11-01T08:00:00.0000000Z';
  return {
    tenants: [
      {
        tenantId: CHAOS_TENANT,
        displayName: 'Chaos Lab',
        clients: [{ ...CHAOS_CLIENT, displayName: 'incident-bridge chaos' }],
        users: CHAOS_ANALYSTS.map((upn, index) => ({
          id: uuidv5(upn, NAMESPACE),
          userPrincipalName: upn,
          mail: upn,
          displayName: `Analyst ${index + 1}`,
          userType: 'Member',
          accountEnabled: true,
        })),
        defenderIncidents: Array.from({ length: count }, (_, index) => ({
          id: chaosDefenderId(index),
          tenantId: CHAOS_TENANT,
          displayName: `Chaos incident ${index}`,
          status: 'active',
          severity: 'medium',
          classification: 'unknown',
          determination: 'unknown',
          assignedTo: null,
          customTags: [],
          systemTags: [],
          comments: [],
          createdDateTime: created,
          lastUpdateDateTime: created,
        })),
      },
    ],
    workspaces: [
      {
        ...CHAOS_WORKSPACE,
        tenantId: CHAOS_TENANT,
        incidents: Array.from({ length: count }, (_, index) => ({
          incident: {
            id: formatSentinelIncidentArmId({
              ...CHAOS_WORKSPACE,
              incidentId: chaosIncidentName(index),
            }),
            name: chaosIncidentName(index),
            type: 'Microsoft.SecurityInsights/incidents',
            etag: `"${uuidv5(`etag-${index}`, NAMESPACE)}"`,
            properties: {
              title: `Chaos incident ${index}`,
              severity: 'Medium',
              status: 'New',
              owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
              labels: [],
              createdTimeUtc: created,
              lastModifiedTimeUtc: created,
              incidentNumber: 9000 + index,
              providerName: 'Microsoft XDR',
              providerIncidentId: chaosDefenderId(index),
            },
          },
        })),
      },
    ],
  };
}
