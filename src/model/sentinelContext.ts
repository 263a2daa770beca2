/**
 * Wire types of the Sentinel sources enrichment reads besides incidents: watchlist items and
 * threat-intelligence indicators (Microsoft.SecurityInsights 2025-09-01), and the IP geodata
 * and domain whois lookups (resource-group scoped, preview api-versions only).
 */

/** `GET …/watchlists/{alias}/watchlistItems`: one row of a watchlist. */
export interface SentinelWatchlistItem {
  id?: string;
  name: string;
  type?: string;
  etag?: string | null;
  properties: {
    watchlistItemId?: string | null;
    watchlistItemType?: string | null;
    isDeleted?: boolean | null;
    created?: string | null;
    updated?: string | null;
    /** The row: column name to cell value. */
    itemsKeyValue: Record<string, unknown>;
    entityMapping?: Record<string, unknown> | null;
  };
}

/** `POST …/threatIntelligence/main/queryIndicators` body (ThreatIntelligenceFilteringCriteria). */
export interface ThreatIntelligenceQuery {
  pageSize?: number;
  minConfidence?: number;
  maxConfidence?: number;
  minValidUntil?: string;
  maxValidUntil?: string;
  includeDisabled?: boolean;
  sources?: string[];
  patternTypes?: string[];
  threatTypes?: string[];
  ids?: string[];
  keywords?: string[];
  skipToken?: string;
}

export interface ThreatIntelligenceParsedPattern {
  patternTypeKey?: string | null;
  patternTypeValues?: Array<{ valueType?: string | null; value?: string | null }> | null;
}

/** One indicator (`kind: indicator`) of the query answer. */
export interface ThreatIntelligenceIndicator {
  id?: string;
  name: string;
  type?: string;
  kind: 'indicator' | string;
  etag?: string | null;
  properties: {
    displayName?: string | null;
    description?: string | null;
    pattern?: string | null;
    patternType?: string | null;
    parsedPattern?: ThreatIntelligenceParsedPattern[] | null;
    confidence?: number | null;
    threatTypes?: string[] | null;
    source?: string | null;
    validFrom?: string | null;
    validUntil?: string | null;
    revoked?: boolean | null;
    lastUpdatedTimeUtc?: string | null;
    threatIntelligenceTags?: string[] | null;
    [property: string]: unknown;
  };
}

export interface ThreatIntelligenceIndicatorPage {
  value: ThreatIntelligenceIndicator[];
  nextLink?: string;
}

/** `GET …/enrichment/ip/geodata/?ipAddress=` (EnrichmentIpGeodata). */
export interface SentinelIpGeodata {
  ipAddr?: string | null;
  asn?: string | null;
  carrier?: string | null;
  city?: string | null;
  cityCf?: number | null;
  continent?: string | null;
  country?: string | null;
  countryCf?: number | null;
  ipRoutingType?: string | null;
  latitude?: string | null;
  longitude?: string | null;
  organization?: string | null;
  organizationType?: string | null;
  region?: string | null;
  state?: string | null;
  stateCf?: number | null;
  stateCode?: string | null;
}

/** `GET …/enrichment/domain/whois/?domain=` (EnrichmentDomainWhois). */
export interface SentinelDomainWhois {
  domain?: string | null;
  server?: string | null;
  created?: string | null;
  updated?: string | null;
  expires?: string | null;
  parsedWhois?: {
    registrar?: { name?: string | null; abuseContactEmail?: string | null } | null;
    nameServers?: string[] | null;
    statuses?: string[] | null;
  } | null;
}
