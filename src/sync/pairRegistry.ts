/**
 * The configured pairs with their live clients. Clients are built once per pair side and
 * credentials once per credential name, so every pair sharing a credential shares its token
 * cache.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { IncidentBridgeConfig, PairConfig } from '../config/config.ts';
import { createCredential } from '../clients/createCredential.ts';
import { GraphSecurityClient } from '../clients/graphSecurityClient.ts';
import { OwnerDirectory } from '../clients/ownerDirectory.ts';
import { SentinelContextClient } from '../clients/sentinelContextClient.ts';
import { SentinelIncidentsClient } from '../clients/sentinelIncidentsClient.ts';
import type { TransportOptions } from '../clients/transportOptions.ts';
import { ApiBudgets } from '../clients/budgets/apiBudgets.ts';
import { sameWorkspace, type SentinelWorkspaceRef } from '../model/sentinelIncidentArmId.ts';
import { effectivePolicy } from './core/effectivePolicy.ts';

export interface PairRuntime {
  config: PairConfig;
  policy: PairConfig['policy'];
  sentinel: SentinelIncidentsClient;
  defender: GraphSecurityClient;
  /** The directory of the tenant owning the Sentinel workspace, for resolving owners. */
  owners: OwnerDirectory;
  /** Watchlists, threat intelligence, geodata and whois of the pair's workspace. */
  sentinelContext?: SentinelContextClient;
}

export class PairRegistry {
  private readonly pairs: PairRuntime[];

  constructor(
    pairs: PairRuntime[],
    readonly budgets: ApiBudgets = new ApiBudgets(),
  ) {
    this.pairs = pairs;
  }

  static fromConfig(
    config: IncidentBridgeConfig,
    transport: TransportOptions,
    budgets: ApiBudgets = new ApiBudgets({ specs: config.budgets }),
  ): PairRegistry {
    const credentials = new Map<string, TokenCredential>();
    const credentialFor = (name: string): TokenCredential => {
      let credential = credentials.get(name);
      if (!credential) {
        const settings = config.credentials[name];
        if (!settings) throw new Error(`No credential named ${name}`);
        credential = createCredential(name, settings, {
          authorityHost: config.azure.authorityHost,
          transport,
        });
        credentials.set(name, credential);
      }
      return credential;
    };

    const graphClients = new Map<string, GraphSecurityClient>();
    const graphFor = (credentialName: string, tenantId: string): GraphSecurityClient => {
      const key = `${credentialName}\u0000${tenantId.toLowerCase()}`;
      let client = graphClients.get(key);
      if (!client) {
        client = new GraphSecurityClient({
          credential: credentialFor(credentialName),
          graphEndpoint: config.azure.graphEndpoint,
          graphScope: config.azure.graphScope,
          transport,
          budgets,
          tenantId,
          requestTimeoutMs: config.engine.requestTimeoutMs,
        });
        graphClients.set(key, client);
      }
      return client;
    };

    const runtimes = config.pairs.map((pair) => ({
      config: pair,
      policy: effectivePolicy(pair),
      sentinel: new SentinelIncidentsClient({
        workspace: pair.sentinel,
        credential: credentialFor(pair.sentinel.credential),
        apiVersion: config.azure.sentinelApiVersion,
        armEndpoint: config.azure.armEndpoint,
        armScope: config.azure.armScope,
        transport,
        budgets,
        tenantId: pair.sentinel.tenantId,
        requestTimeoutMs: config.engine.requestTimeoutMs,
      }),
      sentinelContext: new SentinelContextClient({
        workspace: pair.sentinel,
        credential: credentialFor(pair.sentinel.credential),
        apiVersion: config.azure.sentinelApiVersion,
        enrichmentApiVersion: config.enrichment.azure.enrichmentApiVersion,
        armEndpoint: config.azure.armEndpoint,
        armScope: config.azure.armScope,
        transport,
        budgets,
        tenantId: pair.sentinel.tenantId,
      }),
      defender: graphFor(pair.defender.credential, pair.defender.tenantId),
      owners: new OwnerDirectory({
        graph: graphFor(pair.sentinel.credential, pair.sentinel.tenantId),
      }),
    }));
    return new PairRegistry(runtimes, budgets);
  }

  all(): readonly PairRuntime[] {
    return this.pairs;
  }

  byName(name: string): PairRuntime | undefined {
    return this.pairs.find((pair) => pair.config.name === name);
  }

  forWorkspace(workspace: SentinelWorkspaceRef): PairRuntime | undefined {
    return this.pairs.find((pair) => sameWorkspace(pair.config.sentinel, workspace));
  }

  forDefenderTenant(tenantId: string): PairRuntime[] {
    const wanted = tenantId.toLowerCase();
    return this.pairs.filter((pair) => pair.config.defender.tenantId.toLowerCase() === wanted);
  }
}
