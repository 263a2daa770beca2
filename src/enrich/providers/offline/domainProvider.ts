/**
 * Domain facts of URLs, DNS names, hosts and mail addresses, offline, with the public suffix
 * list (tldts): the registrable domain, its public suffix, whether the suffix is ICANN or a
 * private one (e.g. a cloud provider's), and whether the name is an IP or punycode.
 */
import { parse } from 'tldts';
import type { EnrichmentProvider, LookupTarget, ProviderFinding } from '../enrichmentProvider.ts';

export const DOMAIN_KINDS = ['Url', 'DnsResolution', 'Host', 'Mailbox'];

/** The host name a target names, or '' (a Host without a DNS domain names none). */
export function hostNameOf(target: LookupTarget): string {
  switch (target.kind) {
    case 'Url':
      return parse(target.value).hostname ?? '';
    case 'Mailbox':
      return target.value.split('@')[1] ?? '';
    case 'Host':
      return target.value.includes('.') ? target.value : '';
    default:
      return target.value;
  }
}

export function registrableDomain(hostName: string): string {
  return parse(hostName, { allowPrivateDomains: true }).domain ?? '';
}

export function domainProvider(): EnrichmentProvider {
  return {
    name: 'domain',
    kinds: DOMAIN_KINDS,
    batchSize: 500,
    cacheTtlMs: 0,
    accepts: (target) => hostNameOf(target) !== '',
    lookup: async (targets) =>
      targets.flatMap((target): ProviderFinding[] => {
        const host = hostNameOf(target);
        const parsed = parse(host, { allowPrivateDomains: true });
        if (parsed.isIp) {
          return [
            { targetKey: target.key, summary: 'Host is an IP address', facts: { isIp: true } },
          ];
        }
        if (!parsed.domain) return [];

        const punycode = host.split('.').some((label) => label.startsWith('xn--'));
        const facts = {
          hostname: parsed.hostname ?? host,
          domain: parsed.domain,
          publicSuffix: parsed.publicSuffix ?? '',
          subdomain: parsed.subdomain ?? '',
          icann: parsed.isIcann === true,
          privateSuffix: parsed.isPrivate === true,
          punycode,
        };
        const kind = parsed.isPrivate ? 'private suffix' : 'suffix';
        const note = punycode ? '; internationalised (punycode) name' : '';
        const summary = `Domain ${parsed.domain} (${kind} ${parsed.publicSuffix ?? ''})${note}`;
        return [{ targetKey: target.key, summary, facts, source: 'public suffix list (tldts)' }];
      }),
  };
}
