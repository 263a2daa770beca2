/**
 * The emulator tests' own data: two tenants (the second one only to prove isolation), one
 * Sentinel workspace in the first tenant's subscription with enough incidents to page.
 */
import type { GraphIncident } from '../../../src/model/graphIncident.ts';
import type { EmulatorSeed, SentinelIncidentSeed } from '../../../src/emulator/seed.ts';

export const TENANT = 'a1f3c9e2-5b7d-4e8a-9c1f-2d4b6a8e0c13';
export const OTHER_TENANT = 'b2e4d0f3-6c8e-4f9b-8d2a-3e5c7b9f1d24';

export const APP = {
  clientId: 'c3d5e1a4-7d9f-4a0c-9e3b-4f6d8c0a2e35',
  clientSecret: 'test-secret-a',
  displayName: 'bridge-under-test',
};
export const OTHER_APP = {
  clientId: 'd4e6f2b5-8e0a-4b1d-8f4c-5a7e9d1b3f46',
  clientSecret: 'test-secret-b',
  displayName: 'other-tenant-app',
};

export const WORKSPACE = {
  subscriptionId: 'e5f7a3c6-9f1b-4c2e-9a5d-6b8f0e2c4a57',
  resourceGroupName: 'rg-soc-test',
  workspaceName: 'law-soc-test',
};

export const USERS = {
  analyst: {
    id: 'f6a8b4d7-0a2c-4d3f-8b6e-7c9a1f3d5b68',
    userPrincipalName: 'rin.analyst@fabrikam-test.example',
    mail: 'rin.analyst@fabrikam-test.example',
    displayName: 'Rin Analyst',
    userType: 'Member',
    accountEnabled: true,
    department: 'SOC',
    jobTitle: 'Analyst',
  },
  lead: {
    id: '07b9c5e8-1b3d-4e4a-9c7f-8d0b2a4e6c79',
    userPrincipalName: 'omar.lead@fabrikam-test.example',
    mail: 'omar.lead@fabrikam-test.example',
    displayName: 'Omar Lead',
    userType: 'Member',
  },
  guest: {
    id: '18c0d6f9-2c4e-4f5b-8d8a-9e1c3b5f7d80',
    userPrincipalName: 'partner_x.example#EXT#@fabrikamtest.onmicrosoft.example',
    mail: 'partner@x.example',
    displayName: 'Partner Guest',
    userType: 'Guest',
  },
} as const;

/** How many Sentinel incidents the workspace holds, more than one page of 50. */
export const SENTINEL_INCIDENT_COUNT = 60;

/** Name of the n-th seeded Sentinel incident (1-based), a GUID as the service uses. */
export function sentinelIncidentName(n: number): string {
  return `9a0b1c2d-3e4f-4a5b-8c6d-${String(n).padStart(12, '0')}`;
}

export function testSeed(): EmulatorSeed {
  return {
    tenants: [
      {
        tenantId: TENANT,
        displayName: 'Fabrikam Test',
        clients: [APP],
        users: Object.values(USERS).map((user) => ({ ...user })),
        defenderIncidents: defenderIncidents(),
      },
      {
        tenantId: OTHER_TENANT,
        clients: [OTHER_APP],
        users: [],
        defenderIncidents: [
          { id: '9001', displayName: 'Other tenant incident', status: 'active', severity: 'low' },
        ],
      },
    ],
    workspaces: [
      {
        ...WORKSPACE,
        tenantId: TENANT,
        incidents: Array.from({ length: SENTINEL_INCIDENT_COUNT }, (_, index) =>
          sentinelIncident(index + 1),
        ),
      },
    ],
  };
}

function sentinelIncident(n: number): SentinelIncidentSeed {
  const severities = ['High', 'Medium', 'Low', 'Informational'] as const;
  const closed = n % 10 === 0;
  const day = String(1 + (n % 28)).padStart(2, '0');

  return {
    incident: {
      id: '',
      name: sentinelIncidentName(n),
      properties: {
        title: `Test incident ${n}`,
        severity: severities[n % 4] ?? 'Low',
        status: closed ? 'Closed' : n % 3 === 0 ? 'Active' : 'New',
        ...(closed
          ? { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' }
          : n % 7 === 0
            ? { classification: 'Undetermined' }
            : {}),
        incidentNumber: n,
        createdTimeUtc: `2025-03-${day}T10:00:00.${String(n).padStart(7, '0')}Z`,
        providerName: n === 1 ? 'Microsoft XDR' : 'Azure Sentinel',
        ...(n === 1 ? { providerIncidentId: '1001' } : {}),
      },
    },
    ...(n === 1 ? firstIncidentDetails() : {}),
  };
}

function firstIncidentDetails(): Omit<SentinelIncidentSeed, 'incident'> {
  const alertName = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
  return {
    alerts: [
      {
        id: '',
        name: alertName,
        kind: 'SecurityAlert',
        properties: {
          systemAlertId: alertName,
          alertDisplayName: 'Suspicious sign-in',
          severity: 'Medium',
          status: 'New',
          tactics: ['InitialAccess'],
          productName: 'Microsoft Defender XDR',
          startTimeUtc: '2025-03-02T09:00:00Z',
          endTimeUtc: '2025-03-02T09:05:00Z',
          timeGenerated: '2025-03-02T09:06:00Z',
        },
      },
    ],
    entities: [
      {
        id: '',
        name: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
        kind: 'Account',
        properties: {
          accountName: 'rin.analyst',
          upnSuffix: 'fabrikam-test.example',
          friendlyName: 'rin.analyst',
        },
      },
      {
        id: '',
        name: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
        kind: 'Ip',
        properties: { address: '198.51.100.23', friendlyName: '198.51.100.23' },
      },
      {
        id: '',
        name: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
        kind: 'Ip',
        properties: { address: '203.0.113.7', friendlyName: '203.0.113.7' },
      },
    ],
  };
}

function defenderIncidents(): GraphIncident[] {
  const incidents: GraphIncident[] = Array.from({ length: 7 }, (_, index) => {
    const n = index + 1;
    return {
      id: String(1000 + n),
      displayName: `Defender incident ${n}`,
      status: n === 3 ? 'resolved' : 'active',
      severity: n % 2 === 0 ? 'high' : 'medium',
      classification: n === 3 ? 'truePositive' : 'unknown',
      determination: n === 3 ? 'malware' : 'unknown',
      assignedTo: n === 2 ? USERS.analyst.userPrincipalName : null,
      customTags: n === 1 ? ['seeded'] : [],
      createdDateTime: `2025-04-0${n}T08:00:00.0000000Z`,
      lastUpdateDateTime: `2025-04-0${n}T12:00:00.0000000Z`,
      comments: [],
      alerts: [
        {
          id: `da${n}00000000000000_000000${n}`,
          incidentId: String(1000 + n),
          status: 'new',
          severity: 'medium',
          serviceSource: n === 4 ? 'microsoftSentinel' : 'microsoftDefenderForEndpoint',
          detectionSource: n === 4 ? 'scheduledAlerts' : 'antivirus',
          title: `Alert of incident ${n}`,
          evidence: [],
        },
      ],
    };
  });

  const awaiting = incidents[4];
  if (awaiting) awaiting.status = 'awaitingAction';
  return incidents;
}
