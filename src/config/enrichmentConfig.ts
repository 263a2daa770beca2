/** The `enrichment` section of the configuration, complete after parsing. */

export type WatchlistRoleConfig = 'vip' | 'allow' | 'watch';

export interface WatchlistConfig {
  alias: string;
  role: WatchlistRoleConfig;
  label?: string;
  kinds: string[];
  columns: string[];
}

export interface EnrichmentConfig {
  timeoutMs: number;
  concurrency: number;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** A score at or above it adds the `enrich:high-score` label. */
  highScoreThreshold: number;
  comment: {
    maxChars: number;
    /** How Sentinel counts a comment's length; utf16 code units unless proven otherwise. */
    lengthUnit: 'utf16' | 'utf8Bytes';
    maxParts: number;
    defenderMaxChars: number;
  };
  description: { maxChars: number };
  offline: {
    ipClassification: { enabled: boolean };
    ipGeo: { enabled: boolean; countryDbPath: string; asnDbPath: string };
    domain: { enabled: boolean };
    hashType: { enabled: boolean };
    mitreAttack: { enabled: boolean; bundlePath: string };
  };
  azure: {
    threatIntel: { enabled: boolean; minConfidence: number; batchSize: number };
    watchlists: { enabled: boolean; lists: WatchlistConfig[] };
    ipGeodata: { enabled: boolean; maxLookups: number };
    domainWhois: { enabled: boolean; maxLookups: number };
    graphUsers: { enabled: boolean; includeRiskLevel: boolean; maxLookups: number };
    enrichmentApiVersion: string;
  };
}
