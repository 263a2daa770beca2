/**
 * Entity extraction: every evidence type of the Graph alert model gives an entity with a
 * kind, a name and a source; sightings merge across alerts and sources; null fields and
 * random junk never throw; large incidents keep every entity (BR-18).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sightingsFromEvidence } from '../../../src/enrich/extract/graphEvidenceSightings.ts';
import { extractIncidentEntities } from '../../../src/enrich/extract/extractIncidentEntities.ts';
import type { EnrichmentSubject } from '../../../src/enrich/enrichmentSubject.ts';
import type { GraphIncident } from '../../../src/model/graphIncident.ts';
import type { SentinelEntity } from '../../../src/model/sentinelIncident.ts';
import { fixture } from '../../support/fixtures.ts';
import { largeGraphIncident, largeTriggerBody } from '../../support/largeIncident.ts';
import { readSharedJson, sharedExists } from '../../support/sharedReference.ts';

function subject(parts: Partial<EnrichmentSubject>): EnrichmentSubject {
  return {
    graphAlerts: [],
    sentinelAlerts: [],
    sentinelEntities: [],
    sentinelListed: false,
    triggerEntities: [],
    entitiesComplete: false,
    notes: [],
    ...parts,
  };
}

const T = '#microsoft.graph.security.';
/** One populated evidence item per type named in sync-semantics 1.7, and the kind it maps to. */
const EVIDENCE: Array<[Record<string, unknown>, string]> = [
  [
    { '@odata.type': `${T}userEvidence`, userAccount: { userPrincipalName: 'a@b.example' } },
    'Account',
  ],
  [
    { '@odata.type': `${T}deviceEvidence`, hostName: 'ws1', deviceDnsName: 'ws1.b.example' },
    'Host',
  ],
  [{ '@odata.type': `${T}ipEvidence`, ipAddress: '10.1.2.3' }, 'Ip'],
  [{ '@odata.type': `${T}urlEvidence`, url: 'https://x.example/a' }, 'Url'],
  [
    { '@odata.type': `${T}fileEvidence`, fileDetails: { fileName: 'a.exe', sha1: 'a'.repeat(40) } },
    'File',
  ],
  [{ '@odata.type': `${T}fileHashEvidence`, algorithm: 'md5', value: 'b'.repeat(32) }, 'FileHash'],
  [
    { '@odata.type': `${T}processEvidence`, processId: 4, processCommandLine: 'cmd /c x' },
    'Process',
  ],
  [
    {
      '@odata.type': `${T}registryKeyEvidence`,
      registryHive: 'HKEY_LOCAL_MACHINE',
      registryKey: 'SOFTWARE\\X',
    },
    'RegistryKey',
  ],
  [
    {
      '@odata.type': `${T}registryValueEvidence`,
      registryHive: 'HKLM',
      registryKey: 'K',
      registryValueName: 'Run',
    },
    'RegistryValue',
  ],
  [
    { '@odata.type': `${T}mailboxEvidence`, primaryAddress: 'm@b.example', displayName: 'M' },
    'Mailbox',
  ],
  [
    { '@odata.type': `${T}analyzedMessageEvidence`, networkMessageId: 'n-1', subject: 'Hi' },
    'MailMessage',
  ],
  [{ '@odata.type': `${T}mailClusterEvidence`, urn: 'urn:c', clusterByValue: 'x' }, 'MailCluster'],
  [
    { '@odata.type': `${T}submissionMailEvidence`, submissionId: 's-1', subject: 'S' },
    'SubmissionMail',
  ],
  [
    { '@odata.type': `${T}cloudApplicationEvidence`, appId: 11, displayName: 'App' },
    'CloudApplication',
  ],
  [
    { '@odata.type': `${T}oauthApplicationEvidence`, appId: 'o-1', displayName: 'OAuth' },
    'CloudApplication',
  ],
  [
    { '@odata.type': `${T}securityGroupEvidence`, securityGroupId: 'g-1', displayName: 'Admins' },
    'SecurityGroup',
  ],
  [
    {
      '@odata.type': `${T}azureResourceEvidence`,
      resourceId: '/subscriptions/s/r',
      resourceName: 'r',
    },
    'AzureResource',
  ],
  [{ '@odata.type': `${T}ioTDeviceEvidence`, deviceId: 'iot-1', deviceName: 'Cam' }, 'IoTDevice'],
  [{ '@odata.type': `${T}malwareEvidence`, name: 'Lumma', category: 'Trojan' }, 'Malware'],
  [{ '@odata.type': `${T}dnsEvidence`, domainName: 'evil.example' }, 'DnsResolution'],
  [
    { '@odata.type': `${T}networkConnectionEvidence`, sourceAddress: { ipAddress: '10.0.0.9' } },
    'Ip',
  ],
  [{ '@odata.type': `${T}nicEvidence`, ipAddress: { ipAddress: '10.0.0.8' } }, 'Ip'],
  [{ '@odata.type': `${T}hostLogonSessionEvidence`, host: { hostName: 'h2' } }, 'Host'],
  [
    {
      '@odata.type': `${T}cloudLogonSessionEvidence`,
      account: { userAccount: { userPrincipalName: 'c@d.example' } },
    },
    'Account',
  ],
  [{ '@odata.type': `${T}blobEvidence`, name: 'b1', url: 'https://s.blob.example/c/b1' }, 'Blob'],
  [{ '@odata.type': `${T}kubernetesPodEvidence`, name: 'pod-1' }, 'KubernetesPod'],
  [
    { '@odata.type': `${T}gitHubRepoEvidence`, repoId: 'r-9', baseUrl: 'https://github.example/r' },
    'GitHubRepo',
  ],
  [
    {
      '@odata.type': `${T}servicePrincipalEvidence`,
      servicePrincipalName: 'sp',
      servicePrincipalObjectId: 'sp-1',
      id: 'sp-1',
    },
    'ServicePrincipal',
  ],
  [
    {
      '@odata.type': `${T}amazonResourceEvidence`,
      resourceName: 'bucket',
      amazonResourceId: 'arn',
      id: 'arn',
    },
    'AmazonResource',
  ],
  [{ '@odata.type': `${T}aiAgentEvidence`, agentId: 'ag-1', name: 'Agent' }, 'AiAgent'],
];

describe('entities from Graph alert evidence', () => {
  it.each(EVIDENCE)('reads %j as an entity', (evidence, kind) => {
    const sightings = sightingsFromEvidence(evidence, 'alert-1');

    const main = sightings.find((sighting) => sighting.kind === kind);
    expect(main).toBeDefined();
    expect(main?.displayName).not.toBe('');
    expect(main?.source).toBe('graphEvidence');
    expect(main?.alertId).toBe('alert-1');
  });

  it('never throws on null fields or junk values', () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.array(fc.anything()),
      fc.object(),
    );
    const evidence = fc.record({
      '@odata.type': fc.constantFrom(
        ...EVIDENCE.map(([item]) => String(item['@odata.type'])),
        '',
        'x',
      ),
      userAccount: junk,
      fileDetails: junk,
      imageFile: junk,
      ipAddress: junk,
      url: junk,
      ipInterfaces: junk,
      urls: junk,
      host: junk,
      account: junk,
    });
    fc.assert(
      fc.property(evidence, (item) => {
        expect(() => sightingsFromEvidence(item, 'a')).not.toThrow();
      }),
    );
  });

  it('merges one user seen by object id in one alert and by UPN in another', () => {
    const alerts = [
      {
        id: 'a1',
        evidence: [
          {
            '@odata.type': `${T}userEvidence`,
            userAccount: { azureAdUserId: 'OID-1', accountName: 'ann' },
          },
        ],
      },
      {
        id: 'a2',
        evidence: [
          {
            '@odata.type': `${T}userEvidence`,
            userAccount: { userPrincipalName: 'ann@b.example' },
          },
        ],
      },
      {
        id: 'a3',
        evidence: [
          {
            '@odata.type': `${T}userEvidence`,
            userAccount: { azureAdUserId: 'oid-1', userPrincipalName: 'Ann@B.example' },
          },
        ],
      },
    ];
    const { entities } = extractIncidentEntities(subject({ graphAlerts: alerts }));

    const accounts = entities.filter((entity) => entity.kind === 'Account');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.alertIds).toEqual(['a1', 'a2', 'a3']);
  });

  it('merges Graph evidence with Sentinel entities and keeps both sources', () => {
    const sentinel: SentinelEntity[] = [
      { id: 'e1', name: 'e1', kind: 'Ip', properties: { address: '198.51.100.7' } },
      {
        id: 'e2',
        name: 'e2',
        kind: 'Account',
        properties: { accountName: 'ann', upnSuffix: 'b.example' },
      },
      { id: 'e3', name: 'e3', kind: 'SecurityAlert', properties: {} },
    ];
    const graph = [
      { id: 'a1', evidence: [{ '@odata.type': `${T}ipEvidence`, ipAddress: '198.51.100.7' }] },
    ];

    const { entities } = extractIncidentEntities(
      subject({ graphAlerts: graph, sentinelEntities: sentinel }),
    );

    expect(entities.map((entity) => [entity.kind, entity.sources])).toEqual([
      ['Ip', ['graphEvidence', 'sentinelEntities']],
      ['Account', ['sentinelEntities']],
    ]);
  });

  it('reads every entity of the project sample incident', () => {
    const incident = fixture<GraphIncident>('graph-incident-with-alerts.json');
    const { entities } = extractIncidentEntities(subject({ graphAlerts: incident.alerts ?? [] }));

    expect(entities.length).toBeGreaterThanOrEqual(3);
    for (const entity of entities) {
      expect(entity.kind).not.toBe('');
      expect(entity.displayName).not.toBe('');
      expect(entity.sources).toEqual(['graphEvidence']);
    }
  });
});

describe.runIf(sharedExists)('entities from the public samples', () => {
  it('reads the Graph sample and the trigger sample', () => {
    const graph = readSharedJson<{ value: GraphIncident[] }>(
      'samples/graph-incident-with-alerts.v1.0.json',
    );
    const alerts = graph.value.flatMap((incident) => incident.alerts ?? []);
    const trigger = readSharedJson<{
      object: { properties: { relatedEntities?: SentinelEntity[] } };
    }>('samples/sentinel-playbook-incident-trigger.json');

    const fromGraph = extractIncidentEntities(subject({ graphAlerts: alerts })).entities;
    const fromTrigger = extractIncidentEntities(
      subject({ triggerEntities: trigger.object.properties.relatedEntities ?? [] }),
    ).entities;

    expect(fromGraph.map((entity) => entity.kind)).toEqual(
      expect.arrayContaining(['Account', 'Host', 'Ip', 'File']),
    );
    for (const entity of [...fromGraph, ...fromTrigger]) expect(entity.displayName).not.toBe('');
  });
});

describe('large incidents', () => {
  it('keeps every entity of 180 alerts and 120 entities, de-duplicated', () => {
    const incident = largeGraphIncident({ alerts: 180, entities: 120 });

    const { entities, techniques } = extractIncidentEntities(
      subject({ graphAlerts: incident.alerts ?? [] }),
    );

    expect(entities).toHaveLength(120);
    expect(Math.max(...entities.map((entity) => entity.alertIds.length))).toBeGreaterThan(1);
    expect(techniques.map((technique) => technique.id).sort()).toEqual(['T1059.001', 'T1105']);
  });

  it('finds the one account at index 97 of 120 trigger entities (BR-18)', () => {
    const trigger = largeTriggerBody({ count: 120, vipIndex: 97, alertsCount: 180 });

    const { entities } = extractIncidentEntities(
      subject({ triggerEntities: trigger.object.properties.relatedEntities ?? [] }),
    );

    expect(entities).toHaveLength(120);
    expect(
      entities.filter((entity) => entity.kind === 'Account').map((entity) => entity.value),
    ).toEqual(['ceo@contoso.example']);
  });
});
