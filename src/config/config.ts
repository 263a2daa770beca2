/**
 * incident-bridge's configuration, as `loadConfig` returns it: complete (defaults applied),
 * checked, frozen. Durations carry their unit in the name.
 */
import type { EnrichmentConfig } from './enrichmentConfig.ts';

export type { EnrichmentConfig };
import type { ApiRole } from '../auth/apiRoles.ts';

export type FieldPolicy =
  'newest' | 'defender' | 'sentinel' | 'defenderToSentinel' | 'sentinelToDefender' | 'off';

export type CredentialConfig =
  | { kind: 'defaultChain'; tenantId?: string; clientId?: string; authorityHost?: string }
  | {
      kind: 'clientSecret';
      tenantId: string;
      clientId: string;
      clientSecret?: string;
      clientSecretEnv?: string;
      authorityHost?: string;
    }
  | {
      kind: 'clientCertificate';
      tenantId: string;
      clientId: string;
      certificatePath: string;
      authorityHost?: string;
    }
  | { kind: 'managedIdentity'; clientId?: string };

export interface PairPolicy {
  status: FieldPolicy;
  classification: FieldPolicy;
  owner: FieldPolicy;
  tags: FieldPolicy;
  comments: FieldPolicy;
  severity: FieldPolicy;
  title: FieldPolicy;
  description: FieldPolicy;
  reopenFromDefender: boolean;
  reopenFromSentinel: boolean;
  tieBreaker: 'defender' | 'sentinel';
  clockSkewToleranceMs: number;
  falsePositiveReason: 'byDetermination' | 'inaccurateData';
  copySystemTags: boolean;
}

export interface PairConfig {
  name: string;
  /** `complement`: Microsoft's connector already syncs this workspace; only its gaps are ours. */
  mode: 'full' | 'complement';
  defender: { tenantId: string; credential: string };
  sentinel: {
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
    tenantId: string;
    credential: string;
  };
  policy: PairPolicy;
  intervals: { pollIntervalMs: number; pollOverlapMs: number; reconcileIntervalMs: number };
}

export interface AzureEndpoints {
  sentinelApiVersion: string;
  armEndpoint: string;
  graphEndpoint: string;
  authorityHost: string;
  armScope?: string;
  graphScope?: string;
  trustedCaCertPath?: string;
}

export type BudgetOverrides = Partial<
  Record<
    'graph' | 'defenderLegacy' | 'sentinelRead' | 'sentinelWrite' | 'sentinelComment',
    Array<{ points: number; windowMs: number }>
  >
>;
/** An API key as config holds it: never the key, only its SHA-256. */
export interface ApiKeyConfig {
  id: string;
  sha256: string;
  roles: readonly ApiRole[];
}

/** Who may call the API. Issuer and metadata templates hold `{tenantId}`. */
export interface InboundAuthConfig {
  /** Tenants whose Entra ID tokens are accepted; empty turns tokens off. */
  tenants: readonly string[];
  /** The API's App ID URI (v1 tokens) and client id (v2 tokens). */
  audiences: readonly string[];
  issuers: { v1: string; v2: string };
  openIdMetadataUrl: string;
  clockSkewSeconds: number;
  apiKeys: readonly ApiKeyConfig[];
}

export interface ApiLimitsConfig {
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  requestsPerMinute: number;
  failedAuthPerMinute: number;
}

export interface IncidentBridgeConfig {
  store: { sqlitePath: string; databaseUrl?: string; schema?: string; poolSize: number };
  budgets: BudgetOverrides;
  azure: AzureEndpoints;
  credentials: Readonly<Record<string, CredentialConfig>>;
  pairs: readonly PairConfig[];
  updates: { closureAliases: Readonly<Record<string, string>> };
  engine: EngineConfig;
  enrichment: EnrichmentConfig;
  auth: InboundAuthConfig;
  limits: ApiLimitsConfig;
}

export interface EngineConfig {
  workerConcurrency: number;
  jobLeaseMs: number;
  pairLeaseMs: number;
  /** Names this replica in job and pair leases; host, process id and a random part if unset. */
  replicaId?: string;
  /** Replicas that share the Microsoft quotas; each one's budgets are this share of them. */
  replicas: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxAttempts: number;
  /** A call to Sentinel or Graph that takes longer is abandoned and retried by its job. */
  requestTimeoutMs: number;
  /** How long a sync request waits for its job before answering 202. */
  syncWaitMs: number;
  /** Run the pollers and the reconcile sweep. */
  background: boolean;
  auth: InboundAuthConfig;
  limits: ApiLimitsConfig;
}
