/**
 * The Sentinel sources enrichment reads beside incidents, for one workspace, through
 * `@azure/arm-securityinsight`: watchlist items and threat-intelligence indicator queries
 * (the configured Sentinel api-version), and the IP geodata and domain whois lookups, which
 * Microsoft publishes only in preview api-versions and so get their own.
 * Every call spends the same per-tenant budgets as the incident client.
 */
import { SecurityInsights } from '@azure/arm-securityinsight';
import type { TokenCredential } from '@azure/core-auth';
import { isRestError } from '@azure/core-rest-pipeline';
import type {
  SentinelDomainWhois,
  SentinelIpGeodata,
  SentinelWatchlistItem,
  ThreatIntelligenceIndicator,
  ThreatIntelligenceQuery,
} from '../model/sentinelContext.ts';
import type { SentinelWorkspaceRef } from '../model/sentinelIncidentArmId.ts';
import { parseRetryAfterMs, RemoteCallError } from './remoteCallError.ts';
import { captureRawBody } from './sdkRawBody.ts';
import type { TransportOptions } from './transportOptions.ts';
import type { ApiBudgets } from './budgets/apiBudgets.ts';
import { budgetPolicy, classifySentinelRequest } from './budgets/budgetPolicy.ts';

export interface SentinelContextClientOptions {
  workspace: SentinelWorkspaceRef;
  credential: TokenCredential;
  apiVersion: string;
  /** For geodata and whois, which the stable api-versions do not serve. */
  enrichmentApiVersion: string;
  armEndpoint: string;
  armScope?: string;
  transport: TransportOptions;
  budgets?: ApiBudgets;
  tenantId?: string;
}

export interface CallOptions {
  abortSignal?: AbortSignal;
}

/** Enrichment waits for no one: one quick retry at most, then the provider reports. */
const SDK_RETRY_OPTIONS = { maxRetries: 1, maxRetryDelayInMs: 2_000 };

export class SentinelContextClient {
  readonly workspace: SentinelWorkspaceRef;
  private readonly sdk: SecurityInsights;
  private readonly enrichmentSdk: SecurityInsights;

  constructor(options: SentinelContextClientOptions) {
    this.workspace = options.workspace;
    this.sdk = createSdk(options, options.apiVersion);
    this.enrichmentSdk = createSdk(options, options.enrichmentApiVersion);
  }

  /** Every row of a watchlist; an alias the workspace does not have reads as empty. */
  async listWatchlistItems(
    alias: string,
    options: CallOptions = {},
  ): Promise<SentinelWatchlistItem[]> {
    const capture = captureRawBody({ abortSignal: options.abortSignal });
    const items: SentinelWatchlistItem[] = [];
    try {
      const pages = this.sdk.watchlistItems.list(this.rg, this.ws, alias, capture.options).byPage();
      for await (const _page of pages) {
        const body = capture.body() as { value?: SentinelWatchlistItem[] } | undefined;
        items.push(...(body?.value ?? []));
      }
      return items.filter((item) => item.properties?.isDeleted !== true);
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return [];
      throw toRemoteError('list watchlist items', error);
    }
  }

  /** Indicators matching the query, following nextLink up to `maxPages` pages. */
  async queryIndicators(
    query: ThreatIntelligenceQuery,
    options: CallOptions & { maxPages?: number } = {},
  ): Promise<ThreatIntelligenceIndicator[]> {
    const capture = captureRawBody({ abortSignal: options.abortSignal });
    const found: ThreatIntelligenceIndicator[] = [];
    let pages = 0;
    try {
      const iterator = this.sdk.threatIntelligenceIndicator
        .listQueryIndicators(this.rg, this.ws, query, capture.options)
        .byPage();
      for await (const _page of iterator) {
        const body = capture.body() as { value?: ThreatIntelligenceIndicator[] } | undefined;
        found.push(...(body?.value ?? []));
        pages += 1;
        if (pages >= (options.maxPages ?? 5)) break;
      }
      return found;
    } catch (error) {
      throw toRemoteError('query threat intelligence indicators', error);
    }
  }

  /** Geodata of one IP; undefined when the service has none for it. */
  async getIpGeodata(
    ipAddress: string,
    options: CallOptions = {},
  ): Promise<SentinelIpGeodata | undefined> {
    const capture = captureRawBody({ abortSignal: options.abortSignal });
    try {
      await this.enrichmentSdk.iPGeodata.get(this.rg, ipAddress, capture.options);
      return capture.body() as SentinelIpGeodata;
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return undefined;
      throw toRemoteError('get ip geodata', error);
    }
  }

  /** Whois of one domain; undefined when the service has no record. */
  async getDomainWhois(
    domain: string,
    options: CallOptions = {},
  ): Promise<SentinelDomainWhois | undefined> {
    const capture = captureRawBody({ abortSignal: options.abortSignal });
    try {
      await this.enrichmentSdk.domainWhois.get(this.rg, domain, capture.options);
      return capture.body() as SentinelDomainWhois;
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return undefined;
      throw toRemoteError('get domain whois', error);
    }
  }

  private get rg(): string {
    return this.workspace.resourceGroupName;
  }

  private get ws(): string {
    return this.workspace.workspaceName;
  }
}

function createSdk(options: SentinelContextClientOptions, apiVersion: string): SecurityInsights {
  const sdk = new SecurityInsights(options.credential, options.workspace.subscriptionId, {
    ...options.transport,
    endpoint: options.armEndpoint,
    credentialScopes: [options.armScope ?? `${new URL(options.armEndpoint).origin}/.default`],
    apiVersion,
    retryOptions: SDK_RETRY_OPTIONS,
  });
  if (options.budgets) {
    sdk.pipeline.addPolicy(
      budgetPolicy(
        options.budgets,
        options.tenantId ?? options.workspace.subscriptionId,
        classifySentinelRequest,
      ),
      { afterPhase: 'Retry' },
    );
  }
  return sdk;
}

function toRemoteError(operation: string, error: unknown): RemoteCallError {
  // The SDK error is not attached as a cause: it holds the request, headers included.
  if (!isRestError(error)) {
    const aborted = error instanceof Error && error.name === 'AbortError';
    return new RemoteCallError(
      'sentinel',
      operation,
      aborted ? 408 : undefined,
      aborted ? 'Aborted' : undefined,
      undefined,
    );
  }
  return new RemoteCallError(
    'sentinel',
    operation,
    error.statusCode,
    error.code,
    parseRetryAfterMs(error.response?.headers.get('retry-after')),
  );
}
