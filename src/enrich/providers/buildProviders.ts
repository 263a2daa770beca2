/**
 * The providers a configuration switches on, in the order their findings are shown. The
 * offline databases are opened here, once, at start: a missing or unreadable file stops the
 * service with its setting named rather than failing every enrichment later.
 */
import type { EnrichmentConfig } from '../../config/enrichmentConfig.ts';
import { domainWhoisProvider } from './azure/domainWhoisProvider.ts';
import { graphUserProvider } from './azure/graphUserProvider.ts';
import { ipGeodataProvider } from './azure/ipGeodataProvider.ts';
import { threatIntelProvider } from './azure/threatIntelProvider.ts';
import { watchlistProvider } from './azure/watchlistProvider.ts';
import type { EnrichmentProvider } from './enrichmentProvider.ts';
import { domainProvider } from './offline/domainProvider.ts';
import { hashTypeProvider } from './offline/hashTypeProvider.ts';
import { ipClassificationProvider } from './offline/ipClassificationProvider.ts';
import { createIpGeoProvider } from './offline/ipGeoProvider.ts';
import { mitreAttackProvider } from './offline/mitreAttackProvider.ts';

export class ProviderSetupError extends Error {
  readonly code = 'config_invalid';

  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`enrichment.${setting}: ${reason}`);
    this.name = 'ProviderSetupError';
  }
}

export async function buildProviders(config: EnrichmentConfig): Promise<EnrichmentProvider[]> {
  const { offline, azure } = config;
  const providers: EnrichmentProvider[] = [];

  if (offline.ipClassification.enabled) providers.push(ipClassificationProvider());
  if (offline.ipGeo.enabled) {
    try {
      providers.push(await createIpGeoProvider(offline.ipGeo));
    } catch (error) {
      throw new ProviderSetupError(
        'offline.ipGeo',
        `cannot open the database (${describe(error)})`,
      );
    }
  }
  if (offline.domain.enabled) providers.push(domainProvider());
  if (offline.hashType.enabled) providers.push(hashTypeProvider());
  if (offline.mitreAttack.enabled && offline.mitreAttack.bundlePath) {
    providers.push(mitreAttackProvider(offline.mitreAttack.bundlePath));
  }

  if (azure.threatIntel.enabled) providers.push(threatIntelProvider(azure.threatIntel));
  if (azure.watchlists.enabled && azure.watchlists.lists.length > 0) {
    providers.push(watchlistProvider(azure.watchlists.lists));
  }
  if (azure.ipGeodata.enabled) providers.push(ipGeodataProvider(azure.ipGeodata.maxLookups));
  if (azure.domainWhois.enabled) providers.push(domainWhoisProvider(azure.domainWhois.maxLookups));
  if (azure.graphUsers.enabled) providers.push(graphUserProvider(azure.graphUsers));
  return providers;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
