/**
 * One builder per entity kind, shared by the Graph evidence and Sentinel entity readers, so an
 * account read from a `userEvidence` and one read from a Sentinel `Account` get the same
 * identities and merge. A builder returns nothing when the input names nothing identifiable.
 */
import ipaddr from 'ipaddr.js';
import type { EntitySighting } from '../enrichmentEntity.ts';

export type SightingBase = Pick<EntitySighting, 'source' | 'alertId' | 'verdict' | 'roles'>;
type Fields = Record<string, string>;

const lower = (value: string): string => value.trim().toLowerCase();

function sighting(
  base: SightingBase,
  kind: string,
  displayName: string,
  value: string,
  identities: string[],
  attributes: Fields,
): EntitySighting | undefined {
  const keys = identities.filter((identity) => !identity.endsWith(':'));
  if (keys.length === 0) return undefined;
  const facts = Object.fromEntries(Object.entries(attributes).filter(([, text]) => text !== ''));
  return {
    ...base,
    kind,
    displayName: displayName || value || keys[0] || kind,
    value,
    identities: keys,
    attributes: facts,
  };
}

/** The canonical text of an IP address, or undefined when it is not one. */
export function canonicalIp(text: string): string | undefined {
  const trimmed = text.trim().replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(trimmed)) return undefined;
  const parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.kind() === 'ipv6'
    ? (parsed as ipaddr.IPv6).toNormalizedString()
    : parsed.toString();
}

export function account(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const upn = lower(fields['upn'] ?? '');
  const name = fields['accountName'] ?? '';
  const domain = fields['domainName'] ?? '';
  const qualified = name && domain ? `${lower(domain)}\\${lower(name)}` : '';
  return sighting(
    base,
    'Account',
    fields['displayName'] || upn || name,
    upn || fields['aadUserId'] || qualified || name,
    [
      `account:aad:${lower(fields['aadUserId'] ?? '')}`,
      `account:upn:${upn}`,
      `account:sid:${lower(fields['sid'] ?? '')}`,
      upn || fields['aadUserId'] ? 'account:' : `account:name:${qualified || lower(name)}`,
    ],
    {
      upn,
      aadUserId: lower(fields['aadUserId'] ?? ''),
      sid: fields['sid'] ?? '',
      accountName: name,
      domainName: domain,
    },
  );
}

export function host(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const name = lower(fields['hostName'] ?? '');
  const dnsDomain = lower(fields['dnsDomain'] ?? '');
  const fqdn = lower(fields['fqdn'] ?? '') || (name && dnsDomain ? `${name}.${dnsDomain}` : '');
  const shortName = name || fqdn.split('.')[0] || '';
  return sighting(
    base,
    'Host',
    fqdn || shortName,
    fqdn || shortName,
    [
      `host:mde:${lower(fields['mdeDeviceId'] ?? '')}`,
      `host:aad:${lower(fields['azureAdDeviceId'] ?? '')}`,
      `host:fqdn:${fqdn}`,
      fqdn ? 'host:' : `host:name:${shortName}`,
    ],
    { hostName: shortName, fqdn, mdeDeviceId: fields['mdeDeviceId'] ?? '' },
  );
}

export function ip(
  base: SightingBase,
  address: string,
  fields: Fields = {},
): EntitySighting | undefined {
  const canonical = canonicalIp(address);
  if (!canonical) return undefined;
  return sighting(base, 'Ip', canonical, canonical, [`ip:${canonical}`], {
    address: canonical,
    countryCode: fields['countryCode'] ?? '',
  });
}

export function url(base: SightingBase, address: string): EntitySighting | undefined {
  const text = address.trim();
  if (!text) return undefined;
  let normalized = text;
  try {
    normalized = new URL(text).href;
  } catch {
    // Defanged or relative URLs are kept as given; they still identify the entity.
  }
  return sighting(base, 'Url', text, normalized, [`url:${normalized.toLowerCase()}`], {
    url: normalized,
  });
}

export function fileHash(
  base: SightingBase,
  algorithm: string,
  value: string,
): EntitySighting | undefined {
  const hash = lower(value);
  if (!hash) return undefined;
  return sighting(base, 'FileHash', hash, hash, [`filehash:${hash}`], {
    algorithm: algorithm.toUpperCase(),
  });
}

export function file(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const name = fields['fileName'] ?? '';
  const directory = fields['directory'] ?? '';
  const path = directory && name ? `${directory.replace(/[\\/]$/, '')}\\${name}` : name;
  const hashes = ['sha256', 'sha1', 'md5'].map((key) => lower(fields[key] ?? ''));
  return sighting(
    base,
    'File',
    name || path,
    hashes.find(Boolean) ?? path,
    [
      ...hashes.map((hash) => `file:hash:${hash}`),
      hashes.some(Boolean) ? 'file:' : `file:path:${lower(path)}`,
    ],
    {
      fileName: name,
      directory,
      sha256: hashes[0] ?? '',
      sha1: hashes[1] ?? '',
      md5: hashes[2] ?? '',
    },
  );
}

export function process(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const commandLine = fields['commandLine'] ?? '';
  const processId = fields['processId'] ?? '';
  const image = fields['imageName'] ?? '';
  const label = commandLine || image;
  return sighting(
    base,
    'Process',
    processId ? `${image || 'process'} (${processId})` : label,
    commandLine,
    label || processId ? [`process:${processId}|${lower(label)}`] : [],
    { commandLine, processId, imageName: image },
  );
}

export function mailbox(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const address = lower(fields['address'] ?? '');
  return sighting(
    base,
    'Mailbox',
    fields['displayName'] || address,
    address,
    [`mailbox:${address}`],
    {
      address,
      upn: lower(fields['upn'] ?? ''),
    },
  );
}

export function mailMessage(base: SightingBase, fields: Fields): EntitySighting | undefined {
  const messageId = lower(fields['networkMessageId'] ?? '');
  const internetId = lower(fields['internetMessageId'] ?? '');
  return sighting(
    base,
    'MailMessage',
    fields['subject'] || internetId || messageId,
    messageId || internetId,
    [`mailmessage:${messageId}`, `mailmessage:internet:${internetId}`],
    {
      networkMessageId: messageId,
      subject: fields['subject'] ?? '',
      sender: lower(fields['sender'] ?? ''),
      recipient: lower(fields['recipient'] ?? ''),
    },
  );
}

/** Kinds identified by one or two plain fields: the first non-empty one is the identity. */
export function simple(
  base: SightingBase,
  kind: string,
  displayName: string,
  keyFields: string[],
  attributes: Fields = {},
): EntitySighting | undefined {
  const keys = keyFields.map(lower).filter(Boolean);
  const [first] = keys;
  if (!first) return undefined;
  return sighting(
    base,
    kind,
    displayName || first,
    first,
    [`${kind.toLowerCase()}:${first}`],
    attributes,
  );
}
