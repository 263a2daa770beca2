/**
 * Entities from Graph alert evidence (alerts_v2 `evidence`, sync-semantics 1.7): every
 * documented `@odata.type`, with the entities nested inside (a process's image file and user,
 * a device's IP interfaces and logged-on users, a message's sender IP and URLs). Types this
 * table does not know still give an entity, of a kind named after the type. Null or missing
 * fields are skipped, never fatal.
 */
import type { GraphAlertEvidence } from '../../model/graphIncident.ts';
import { text } from '../../mapping/valueReaders.ts';
import type { EntitySighting } from '../enrichmentEntity.ts';
import * as build from './sightingBuilders.ts';
import type { SightingBase } from './sightingBuilders.ts';

type Json = Record<string, unknown>;
type Emit = (sighting: EntitySighting | undefined) => void;
type Reader = (evidence: Json, base: SightingBase, emit: Emit) => void;

const EVIDENCE_PREFIX = '#microsoft.graph.security.';

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function s(value: Json, key: string): string {
  return text(value[key]).trim();
}

/** Entities nested in an evidence item do not share its verdict or roles. */
function nested(base: SightingBase): SightingBase {
  return { source: base.source, alertId: base.alertId, roles: [] };
}

function userAccount(account: Json, base: SightingBase): EntitySighting | undefined {
  return build.account(base, {
    upn: s(account, 'userPrincipalName'),
    aadUserId: s(account, 'azureAdUserId'),
    sid: s(account, 'userSid'),
    accountName: s(account, 'accountName'),
    domainName: s(account, 'domainName'),
    displayName: s(account, 'displayName'),
  });
}

function fileDetails(details: Json, base: SightingBase, emit: Emit): void {
  emit(
    build.file(base, {
      fileName: s(details, 'fileName'),
      directory: s(details, 'filePath'),
      sha256: s(details, 'sha256'),
      sha1: s(details, 'sha1'),
      md5: s(details, 'md5'),
    }),
  );
  for (const algorithm of ['sha256', 'sha1', 'md5']) {
    emit(build.fileHash(base, algorithm, s(details, algorithm)));
  }
}

function ipOf(value: unknown, base: SightingBase, emit: Emit): void {
  if (typeof value === 'string') emit(build.ip(base, value));
  else
    emit(
      build.ip(base, s(obj(value), 'ipAddress'), {
        countryCode: s(obj(value), 'countryLetterCode'),
      }),
    );
}

function device(evidence: Json, base: SightingBase, emit: Emit): void {
  emit(
    build.host(base, {
      hostName: s(evidence, 'hostName'),
      fqdn: s(evidence, 'deviceDnsName'),
      dnsDomain: s(evidence, 'dnsDomain'),
      mdeDeviceId: s(evidence, 'mdeDeviceId'),
      azureAdDeviceId: s(evidence, 'azureAdDeviceId'),
    }),
  );
  const inner = nested(base);
  for (const address of list(evidence['ipInterfaces'])) ipOf(address, inner, emit);
  for (const key of ['lastIpAddress', 'lastExternalIpAddress']) ipOf(s(evidence, key), inner, emit);
  for (const user of list(evidence['loggedOnUsers'])) emit(userAccount(obj(user), inner));
}

const READERS: Record<string, Reader> = {
  userevidence: (e, base, emit) => emit(userAccount(obj(e['userAccount']), base)),
  deviceevidence: device,
  ipevidence: (e, base, emit) => ipOf(e, base, emit),
  urlevidence: (e, base, emit) => emit(build.url(base, s(e, 'url'))),
  fileevidence: (e, base, emit) => fileDetails(obj(e['fileDetails']), base, emit),
  filehashevidence: (e, base, emit) => emit(build.fileHash(base, s(e, 'algorithm'), s(e, 'value'))),
  processevidence: (e, base, emit) => {
    const image = obj(e['imageFile']);
    emit(
      build.process(base, {
        commandLine: s(e, 'processCommandLine'),
        processId: s(e, 'processId'),
        imageName: s(image, 'fileName'),
      }),
    );
    fileDetails(image, nested(base), emit);
    emit(userAccount(obj(e['userAccount']), nested(base)));
  },
  registrykeyevidence: (e, base, emit) =>
    emit(registryKey(base, s(e, 'registryHive'), s(e, 'registryKey'))),
  registryvalueevidence: (e, base, emit) => {
    const key = `${s(e, 'registryHive')}\\${s(e, 'registryKey')}`;
    const name = s(e, 'registryValueName');
    emit(
      build.simple(base, 'RegistryValue', `${key}\\${name}`, [`${key}\\${name}`], {
        valueName: name,
        valueData: s(e, 'registryValue'),
        valueType: s(e, 'registryValueType'),
      }),
    );
  },
  mailboxevidence: (e, base, emit) => {
    const user = obj(e['userAccount']);
    emit(
      build.mailbox(base, {
        address: s(e, 'primaryAddress'),
        upn: s(user, 'userPrincipalName'),
        displayName: s(e, 'displayName'),
      }),
    );
    emit(userAccount(user, nested(base)));
  },
  analyzedmessageevidence: (e, base, emit) => {
    const sender = obj(e['p1Sender']);
    emit(
      build.mailMessage(base, {
        networkMessageId: s(e, 'networkMessageId'),
        internetMessageId: s(e, 'internetMessageId'),
        subject: s(e, 'subject'),
        sender: s(sender, 'emailAddress'),
        recipient: s(e, 'recipientEmailAddress'),
      }),
    );
    ipOf(s(e, 'senderIp'), nested(base), emit);
    for (const address of list(e['urls'])) emit(build.url(nested(base), text(address)));
    emit(build.mailbox(nested(base), { address: s(e, 'recipientEmailAddress') }));
  },
  mailclusterevidence: (e, base, emit) =>
    emit(build.simple(base, 'MailCluster', s(e, 'clusterByValue'), [s(e, 'urn'), s(e, 'query')])),
  submissionmailevidence: (e, base, emit) => {
    emit(
      build.simple(
        base,
        'SubmissionMail',
        s(e, 'subject'),
        [s(e, 'submissionId'), s(e, 'networkMessageId')],
        {
          sender: s(e, 'sender'),
          recipient: s(e, 'recipient'),
        },
      ),
    );
    ipOf(s(e, 'senderIp'), nested(base), emit);
  },
  cloudapplicationevidence: (e, base, emit) =>
    emit(
      build.simple(base, 'CloudApplication', s(e, 'displayName'), [
        s(e, 'appId'),
        s(e, 'displayName'),
      ]),
    ),
  oauthapplicationevidence: (e, base, emit) =>
    emit(
      build.simple(
        base,
        'CloudApplication',
        s(e, 'displayName'),
        [s(e, 'appId'), s(e, 'objectId')],
        {
          publisher: s(e, 'publisher'),
        },
      ),
    ),
  securitygroupevidence: (e, base, emit) =>
    emit(
      build.simple(base, 'SecurityGroup', s(e, 'displayName'), [
        s(e, 'securityGroupId'),
        s(e, 'displayName'),
      ]),
    ),
  azureresourceevidence: (e, base, emit) =>
    emit(build.simple(base, 'AzureResource', s(e, 'resourceName'), [s(e, 'resourceId')])),
  iotdeviceevidence: (e, base, emit) => {
    emit(
      build.simple(base, 'IoTDevice', s(e, 'deviceName'), [s(e, 'deviceId'), s(e, 'deviceName')]),
    );
    ipOf(e['ipAddress'], nested(base), emit);
  },
  malwareevidence: (e, base, emit) => {
    emit(
      build.simple(base, 'Malware', s(e, 'name'), [s(e, 'name')], { category: s(e, 'category') }),
    );
    for (const item of list(e['files'])) fileDetails(obj(obj(item)['fileDetails']), base, emit);
  },
  dnsevidence: (e, base, emit) => {
    emit(build.simple(base, 'DnsResolution', s(e, 'domainName'), [s(e, 'domainName')]));
    ipOf(e['hostIpAddress'], nested(base), emit);
    ipOf(e['dnsServerIp'], nested(base), emit);
  },
  networkconnectionevidence: (e, base, emit) => {
    ipOf(e['sourceAddress'], base, emit);
    ipOf(e['destinationAddress'], base, emit);
  },
  nicevidence: (e, base, emit) => ipOf(e['ipAddress'], base, emit),
  hostlogonsessionevidence: (e, base, emit) => {
    emit(userAccount(obj(obj(e['account'])['userAccount']), nested(base)));
    device(obj(e['host']), nested(base), emit);
  },
  cloudlogonsessionevidence: (e, base, emit) =>
    emit(userAccount(obj(obj(e['account'])['userAccount']), base)),
  blobevidence: (e, base, emit) => {
    emit(build.simple(base, 'Blob', s(e, 'name'), [s(e, 'url'), s(e, 'name')]));
    for (const hash of list(e['fileHashes'])) {
      emit(build.fileHash(base, s(obj(hash), 'algorithm'), s(obj(hash), 'value')));
    }
  },
};

function registryKey(base: SightingBase, hive: string, key: string): EntitySighting | undefined {
  const path = hive && key ? `${hive}\\${key}` : key;
  return build.simple(base, 'RegistryKey', path, [path], { hive, key });
}

/** `#microsoft.graph.security.kubernetesPodEvidence` becomes `KubernetesPod`. */
export function evidenceKindName(odataType: string): string {
  const name = odataType
    .replace(EVIDENCE_PREFIX, '')
    .replace(/^#/, '')
    .replace(/Evidence$/i, '');
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Unknown';
}

function generic(evidence: Json, base: SightingBase, emit: Emit): void {
  const kind = evidenceKindName(text(evidence['@odata.type']));
  const name =
    s(evidence, 'displayName') || s(evidence, 'name') || s(evidence, 'login') || s(evidence, 'url');
  const id = ['id', 'resourceId', 'userId', 'orgId', 'repoId', 'agentId', 'url', 'name']
    .map((key) => s(evidence, key))
    .find(Boolean);
  emit(build.simple(base, kind, name, [id ?? name]));
}

export function sightingsFromEvidence(
  evidence: GraphAlertEvidence,
  alertId: string,
): EntitySighting[] {
  const record = obj(evidence);
  const type = text(record['@odata.type']).replace(EVIDENCE_PREFIX, '').replace(/^#/, '');
  const base: SightingBase = {
    source: 'graphEvidence',
    alertId,
    verdict: text(record['verdict']) || undefined,
    roles: list(record['roles']).map(text).filter(Boolean),
  };

  const found: EntitySighting[] = [];
  const emit: Emit = (sighting) => {
    if (sighting) found.push(sighting);
  };
  const reader = READERS[type.toLowerCase()] ?? generic;
  reader(record, base, emit);
  return found;
}
