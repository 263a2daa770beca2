/**
 * The plugin interface every context provider implements, offline or remote. A provider says
 * which entity kinds it handles and how it wants to be run (batch size, concurrency, timeout,
 * cache lifetime); the pipeline does the running, the caching and the error handling, so a
 * provider only answers "what do you know about these?". `src/enrich/README.md` walks through
 * writing one.
 */
import type { SentinelContextClient } from '../../clients/sentinelContextClient.ts';
import type { GraphDirectoryClient } from '../../clients/graphDirectoryClient.ts';

/** What a provider is asked about: an entity, or an ATT&CK technique of the incident. */
export interface LookupTarget {
  /** The entity key (or `technique:T1059.001`); findings are matched back by it. */
  key: string;
  kind: string;
  value: string;
  displayName: string;
  attributes: Readonly<Record<string, string>>;
}

/** Signals the verdict is computed from; a finding carries the ones it found. */
export interface FindingSignals {
  threatIntel?: { indicator: string; confidence: number; threatTypes: string[] };
  watchlist?: { alias: string; label: string; role: WatchlistRole };
  userRisk?: 'none' | 'low' | 'medium' | 'high' | 'hidden' | 'unknownFutureValue';
  accountDisabled?: boolean;
}

export type WatchlistRole = 'vip' | 'allow' | 'watch';

export interface ProviderFinding {
  targetKey: string;
  /** One line for people, e.g. "Private address (RFC 1918)". */
  summary: string;
  /** Facts a playbook can read, e.g. `{ country: 'NL', asn: '64500' }`. */
  facts?: Record<string, string | number | boolean>;
  signals?: FindingSignals;
  /** Where the answer came from, more precisely than the provider name. */
  source?: string;
}

/** Remote sources a provider may use; absent when the incident's pair is not configured. */
export interface ProviderSources {
  sentinel?: SentinelContextClient;
  directory?: GraphDirectoryClient;
}

export interface ProviderContext extends ProviderSources {
  /** Aborted when the provider's time is up; pass it to every remote call. */
  signal: AbortSignal;
  now: () => Date;
}

export interface EnrichmentProvider {
  /** Stable name, shown in results and used as the cache namespace. */
  readonly name: string;
  /** Entity kinds (`Ip`, `Account`, ...) or `MitreTechnique` this provider looks up. */
  readonly kinds: readonly string[];
  /** Remote sources the provider cannot run without; it is skipped when one is missing. */
  readonly requires?: ReadonlyArray<keyof ProviderSources>;
  /** Targets per `lookup` call; 1 (the default) asks about one target at a time. */
  readonly batchSize?: number;
  /** `lookup` calls in flight at once; defaults to the pipeline's setting. */
  readonly concurrency?: number;
  /** Time allowed for the whole run; defaults to the pipeline's setting. */
  readonly timeoutMs?: number;
  /** Targets looked up per run at most (cache hits aside); the rest are reported, not asked. */
  readonly maxTargets?: number;
  /** How long answers (including "nothing found") are reused; 0 disables the cache. */
  readonly cacheTtlMs?: number;
  /** Which targets are worth a lookup, beyond their kind (e.g. only public IPs). */
  accepts?(target: LookupTarget): boolean;
  lookup(targets: readonly LookupTarget[], context: ProviderContext): Promise<ProviderFinding[]>;
}
