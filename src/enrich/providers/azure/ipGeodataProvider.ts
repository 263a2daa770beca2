/**
 * Sentinel's IP geodata lookup for public addresses: country, city, carrier, organisation and
 * ASN as Microsoft's enrichment service knows them.
 */
import type { EnrichmentProvider } from '../enrichmentProvider.ts';
import { isPublicIp } from '../offline/ipClassificationProvider.ts';

export function ipGeodataProvider(maxLookups: number): EnrichmentProvider {
  return {
    name: 'ipGeodata',
    kinds: ['Ip'],
    requires: ['sentinel'],
    concurrency: 2,
    maxTargets: maxLookups,
    accepts: (target) => isPublicIp(target.value),
    lookup: async ([target], context) => {
      if (!target) return [];
      const geo = await context.sentinel!.getIpGeodata(target.value, {
        abortSignal: context.signal,
      });
      if (!geo) return [];

      const facts = Object.fromEntries(
        Object.entries({
          country: geo.country,
          city: geo.city,
          state: geo.state,
          asn: geo.asn,
          organization: geo.organization,
          carrier: geo.carrier,
          organizationType: geo.organizationType,
        }).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
        ),
      );
      const place = [geo.city, geo.country].filter(Boolean).join(', ');
      const owner = [geo.asn ? `AS${geo.asn}` : '', geo.organization ?? '']
        .filter(Boolean)
        .join(' ');
      const summary = [place, owner].filter(Boolean).join('; ') || 'No geodata details';
      return [{ targetKey: target.key, summary, facts, source: 'Sentinel IP geodata' }];
    },
  };
}
