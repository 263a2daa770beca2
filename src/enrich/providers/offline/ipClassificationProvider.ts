/**
 * What kind of address an IP is (private, loopback, reserved, multicast, ...), offline, from
 * ipaddr.js's range tables (IANA special-purpose registries).
 */
import ipaddr from 'ipaddr.js';
import type { EnrichmentProvider, ProviderFinding } from '../enrichmentProvider.ts';

const RANGE_NAMES: Record<string, string> = {
  unicast: 'Public address',
  private: 'Private address (RFC 1918)',
  uniqueLocal: 'Unique local address (RFC 4193)',
  loopback: 'Loopback address',
  linkLocal: 'Link-local address',
  multicast: 'Multicast address',
  broadcast: 'Broadcast address',
  unspecified: 'Unspecified address',
  carrierGradeNat: 'Carrier-grade NAT address (RFC 6598)',
  reserved: 'Reserved address (documentation, benchmarking or future use)',
  ipv4Mapped: 'IPv4-mapped IPv6 address',
  teredo: 'Teredo tunnel address',
  '6to4': '6to4 tunnel address',
};

/** The ipaddr.js range of an address (`unicast` for public ones), or undefined. */
export function ipRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  return ipaddr.parse(address).range();
}

/** True for addresses that route on the public internet, the only ones worth a geo lookup. */
export function isPublicIp(address: string): boolean {
  return ipRange(address) === 'unicast';
}

export function ipClassificationProvider(): EnrichmentProvider {
  return {
    name: 'ipClassification',
    kinds: ['Ip'],
    batchSize: 500,
    cacheTtlMs: 0,
    lookup: async (targets) =>
      targets.flatMap((target): ProviderFinding[] => {
        const range = ipRange(target.value);
        if (!range) return [];
        const version = ipaddr.parse(target.value).kind();
        return [
          {
            targetKey: target.key,
            summary: RANGE_NAMES[range] ?? `Special-purpose address (${range})`,
            facts: { range, version, public: range === 'unicast' },
            source: 'ipaddr.js range tables',
          },
        ];
      }),
  };
}
