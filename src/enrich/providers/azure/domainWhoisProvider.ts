/**
 * Sentinel's domain whois lookup for the registrable domains of URLs, DNS names and mail
 * addresses: registrar, creation and expiry. A domain registered days ago is a common sign of
 * a phishing or C2 domain, so its age is given in days.
 */
import type { EnrichmentProvider, LookupTarget, ProviderFinding } from '../enrichmentProvider.ts';
import { hostNameOf, registrableDomain } from '../offline/domainProvider.ts';

const DAY_MS = 86_400_000;

function domainOf(target: LookupTarget): string {
  return registrableDomain(hostNameOf(target));
}

export function domainWhoisProvider(maxLookups: number): EnrichmentProvider {
  return {
    name: 'domainWhois',
    kinds: ['Url', 'DnsResolution', 'Mailbox'],
    requires: ['sentinel'],
    batchSize: 10,
    concurrency: 2,
    maxTargets: maxLookups,
    accepts: (target) => domainOf(target) !== '',
    lookup: async (targets, context) => {
      const domains = [...new Set(targets.map(domainOf))];
      const answers = new Map<string, ProviderFinding | undefined>();
      for (const domain of domains) {
        const whois = await context.sentinel!.getDomainWhois(domain, {
          abortSignal: context.signal,
        });
        if (!whois) continue;

        const created = Date.parse(String(whois.created ?? ''));
        const ageDays = Number.isNaN(created)
          ? undefined
          : Math.floor((context.now().getTime() - created) / DAY_MS);
        const registrar = whois.parsedWhois?.registrar?.name ?? '';
        const facts: Record<string, string | number> = { domain };
        if (registrar) facts['registrar'] = registrar;
        if (whois.created) facts['created'] = whois.created;
        if (whois.expires) facts['expires'] = whois.expires;
        if (ageDays !== undefined) facts['ageDays'] = ageDays;
        const age = ageDays !== undefined ? `, registered ${ageDays} days ago` : '';
        answers.set(domain, {
          targetKey: '',
          summary: `Whois ${domain}${registrar ? `: ${registrar}` : ''}${age}`,
          facts,
          source: 'Sentinel domain whois',
        });
      }
      return targets.flatMap((target) => {
        const answer = answers.get(domainOf(target));
        return answer ? [{ ...answer, targetKey: target.key }] : [];
      });
    },
  };
}
