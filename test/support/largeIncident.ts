/**
 * Large incidents made by code rather than committed as huge JSON: a Graph incident with many
 * alerts whose evidence names many distinct entities, and the playbook trigger body of its
 * Sentinel twin holding many related entities.
 */
import type {
  GraphAlert,
  GraphAlertEvidence,
  GraphIncident,
} from '../../src/model/graphIncident.ts';
import type { PlaybookTriggerBody } from '../../src/model/playbookTrigger.ts';
import type { SentinelEntity } from '../../src/model/sentinelIncident.ts';

const TYPE = '#microsoft.graph.security.';

/** Evidence for entity `index`: cycles through IPs, users, hosts, URLs and file hashes. */
export function evidenceFor(index: number): GraphAlertEvidence {
  const kind = index % 5;
  const n = Math.floor(index / 5);
  if (kind === 0)
    return { '@odata.type': `${TYPE}ipEvidence`, ipAddress: `203.0.${n >> 8}.${n & 255}` };
  if (kind === 1) {
    return {
      '@odata.type': `${TYPE}userEvidence`,
      userAccount: {
        accountName: `user${n}`,
        userPrincipalName: `user${n}@contoso.example`,
        displayName: `User ${n}`,
      },
    };
  }
  if (kind === 2)
    return {
      '@odata.type': `${TYPE}deviceEvidence`,
      hostName: `ws-${n}`,
      deviceDnsName: `ws-${n}.contoso.example`,
    };
  if (kind === 3)
    return { '@odata.type': `${TYPE}urlEvidence`, url: `https://site${n}.example.org/path/${n}` };
  return {
    '@odata.type': `${TYPE}fileHashEvidence`,
    algorithm: 'sha256',
    value: n.toString(16).padStart(64, 'a'),
  };
}

export interface LargeIncidentOptions {
  alerts: number;
  entities: number;
  /** Each alert repeats this many entities of its neighbours, so de-duplication is tested. */
  overlap?: number;
}

export function largeGraphIncident(options: LargeIncidentOptions): GraphIncident {
  const overlap = options.overlap ?? 2;
  const alerts: GraphAlert[] = Array.from({ length: options.alerts }, (_, alertIndex) => {
    const own = Array.from(
      { length: Math.ceil(options.entities / options.alerts) + overlap },
      (_unused, offset) =>
        (alertIndex * Math.ceil(options.entities / options.alerts) + offset) % options.entities,
    );
    return {
      id: `alert-${alertIndex}`,
      title: `Alert ${alertIndex}`,
      description: `Alert number ${alertIndex}`,
      mitreTechniques: alertIndex % 2 === 0 ? ['T1059.001'] : ['T1105'],
      firstActivityDateTime: new Date(Date.UTC(2025, 0, 1, 0, alertIndex)).toISOString(),
      evidence: own.map(evidenceFor),
    };
  });
  return {
    id: '90001',
    tenantId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    displayName: 'Large generated incident',
    description: null,
    alerts,
  };
}

/** A trigger body whose relatedEntities hold `count` accounts and IPs; one VIP at `vipIndex`. */
export function largeTriggerBody(options: {
  count: number;
  vipIndex: number;
  alertsCount: number;
}): PlaybookTriggerBody {
  const entities: SentinelEntity[] = Array.from({ length: options.count }, (_, index) =>
    index === options.vipIndex
      ? {
          id: `e-${index}`,
          name: `e-${index}`,
          kind: 'Account',
          properties: { accountName: 'ceo', upnSuffix: 'contoso.example' },
        }
      : {
          id: `e-${index}`,
          name: `e-${index}`,
          kind: 'Ip',
          properties: { address: `198.18.${index >> 8}.${index & 255}` },
        },
  );
  return {
    workspaceInfo: { SubscriptionId: 'sub', ResourceGroupName: 'rg', WorkspaceName: 'ws' },
    object: {
      id: '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws/providers/Microsoft.SecurityInsights/Incidents/big',
      properties: {
        title: 'Large incident',
        severity: 'High',
        status: 'New',
        additionalData: { alertsCount: options.alertsCount },
        relatedEntities: entities,
        alerts: [],
      },
    },
  };
}
