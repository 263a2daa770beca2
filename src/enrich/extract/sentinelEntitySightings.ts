/**
 * Entities from Sentinel's entity list (`POST …/incidents/{id}/entities`) and from the
 * playbook trigger body's `relatedEntities`; both use the ARM entity shape of sync-semantics
 * 3.8. Alerts and bookmarks are not entities to enrich and are left out.
 */
import type { SentinelEntity } from '../../model/sentinelIncident.ts';
import { text } from '../../mapping/valueReaders.ts';
import type { EntitySighting, EntitySource } from '../enrichmentEntity.ts';
import * as build from './sightingBuilders.ts';
import type { SightingBase } from './sightingBuilders.ts';

type Props = Record<string, unknown>;
type Reader = (p: Props, base: SightingBase) => EntitySighting | undefined;

const NOT_ENRICHED = new Set(['securityalert', 'bookmark']);

function s(p: Props, key: string): string {
  return text(p[key]).trim();
}

function upnOf(p: Props): string {
  const name = s(p, 'accountName');
  const suffix = s(p, 'upnSuffix');
  return name && suffix ? `${name}@${suffix}` : '';
}

const READERS: Record<string, Reader> = {
  account: (p, base) =>
    build.account(base, {
      upn: upnOf(p),
      aadUserId: s(p, 'aadUserId'),
      sid: s(p, 'sid'),
      accountName: s(p, 'accountName'),
      domainName: s(p, 'ntDomain') || s(p, 'dnsDomain'),
      displayName: s(p, 'displayName'),
    }),
  host: (p, base) =>
    build.host(base, {
      hostName: s(p, 'hostName') || s(p, 'netBiosName'),
      dnsDomain: s(p, 'dnsDomain'),
      azureAdDeviceId: s(p, 'azureID'),
    }),
  ip: (p, base) =>
    build.ip(base, s(p, 'address'), {
      countryCode: s((p['location'] ?? {}) as Props, 'countryCode'),
    }),
  url: (p, base) => build.url(base, s(p, 'url')),
  filehash: (p, base) => build.fileHash(base, s(p, 'algorithm'), s(p, 'hashValue')),
  file: (p, base) => build.file(base, { fileName: s(p, 'fileName'), directory: s(p, 'directory') }),
  process: (p, base) =>
    build.process(base, { commandLine: s(p, 'commandLine'), processId: s(p, 'processId') }),
  mailbox: (p, base) =>
    build.mailbox(base, {
      address: s(p, 'mailboxPrimaryAddress'),
      upn: s(p, 'upn'),
      displayName: s(p, 'displayName'),
    }),
  mailmessage: (p, base) =>
    build.mailMessage(base, {
      networkMessageId: s(p, 'networkMessageId'),
      internetMessageId: s(p, 'internetMessageId'),
      subject: s(p, 'subject'),
      sender: s(p, 'p1Sender'),
      recipient: s(p, 'recipient'),
    }),
  mailcluster: (p, base) =>
    build.simple(base, 'MailCluster', s(p, 'friendlyName'), [
      s(p, 'clusterSourceIdentifier'),
      s(p, 'query'),
    ]),
  submissionmail: (p, base) =>
    build.simple(base, 'SubmissionMail', s(p, 'subject'), [
      s(p, 'submissionId'),
      s(p, 'networkMessageId'),
    ]),
  cloudapplication: (p, base) =>
    build.simple(base, 'CloudApplication', s(p, 'appName'), [s(p, 'appId'), s(p, 'appName')]),
  dnsresolution: (p, base) =>
    build.simple(base, 'DnsResolution', s(p, 'domainName'), [s(p, 'domainName')]),
  registrykey: (p, base) => {
    const path = [s(p, 'hive'), s(p, 'key')].filter(Boolean).join('\\');
    return build.simple(base, 'RegistryKey', path, [path]);
  },
  registryvalue: (p, base) =>
    build.simple(
      base,
      'RegistryValue',
      s(p, 'valueName'),
      [s(p, 'friendlyName'), s(p, 'valueName')],
      {
        valueData: s(p, 'valueData'),
      },
    ),
  securitygroup: (p, base) =>
    build.simple(base, 'SecurityGroup', s(p, 'distinguishedName') || s(p, 'friendlyName'), [
      s(p, 'objectGuid'),
      s(p, 'sid'),
      s(p, 'distinguishedName'),
    ]),
  azureresource: (p, base) =>
    build.simple(base, 'AzureResource', s(p, 'friendlyName'), [s(p, 'resourceId')]),
  iotdevice: (p, base) =>
    build.simple(base, 'IoTDevice', s(p, 'deviceName'), [s(p, 'deviceId'), s(p, 'deviceName')]),
  malware: (p, base) =>
    build.simple(base, 'Malware', s(p, 'malwareName'), [s(p, 'malwareName')], {
      category: s(p, 'category'),
    }),
};

export function sightingFromSentinelEntity(
  entity: SentinelEntity,
  source: EntitySource,
): EntitySighting | undefined {
  if (typeof entity !== 'object' || entity === null) return undefined;
  const kind = text(entity.kind).trim();
  if (!kind || NOT_ENRICHED.has(kind.toLowerCase())) return undefined;

  const properties = (
    typeof entity.properties === 'object' && entity.properties !== null ? entity.properties : {}
  ) as Props;
  const base: SightingBase = { source, roles: [] };
  const reader = READERS[kind.toLowerCase()];
  if (reader) return reader(properties, base);

  // A kind newer than this table: keep it, identified by the entity's own name.
  const name = s(properties, 'friendlyName') || text(entity.name);
  return build.simple(base, kind, name, [text(entity.name), name]);
}
