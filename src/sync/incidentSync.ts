/**
 * On-demand sync of one incident pair, addressed from either side. Finds or creates the link
 * (through the Sentinel incident's providerIncidentId, which Microsoft's connector sets to the
 * Defender incident id), then runs the read-merge-write of the pair. An incident with no twin
 * is reported as unpaired, never duplicated.
 */
import {
  formatSentinelIncidentArmId,
  parseSentinelIncidentArmId,
  type SentinelIncidentRef,
} from '../model/sentinelIncidentArmId.ts';
import type { SentinelIncident } from '../model/sentinelIncident.ts';
import type { GraphIncident } from '../model/graphIncident.ts';
import type { Logger } from '../logging/logger.ts';
import type { LinkRecord } from '../store/linkRecord.ts';
import type { Store } from '../store/store.ts';
import { isDefenderProvider } from '../mapping/defenderProvider.ts';
import { KeyedMutex } from './keyedMutex.ts';
import type { PairRegistry, PairRuntime } from './pairRegistry.ts';
import { SyncError } from './syncErrors.ts';
import { syncLinkedPair } from './syncLinkedPair.ts';
import type { SyncOutcome } from './syncOutcome.ts';

export interface IncidentSyncOptions {
  store: Store;
  pairs: PairRegistry;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Serialises work on one incident; shared with enrichment so its label writes and a sync's
   * PUT never overlap in this process.
   */
  mutex?: KeyedMutex;
}

export interface SyncRequest {
  trigger: string;
  dryRun?: boolean;
}

export class IncidentSync {
  private readonly mutex: KeyedMutex;

  constructor(private readonly options: IncidentSyncOptions) {
    this.mutex = options.mutex ?? new KeyedMutex();
  }

  async syncSentinelIncident(armId: string, request: SyncRequest): Promise<SyncOutcome> {
    const ref = parseSentinelIncidentArmId(armId);
    if (!ref)
      throw new SyncError('sentinel_incident_not_found', 'Not a Sentinel incident ARM id', {
        armId,
      });

    const pair = this.options.pairs.forWorkspace(ref);
    if (!pair) {
      throw new SyncError(
        'pair_not_configured',
        'No pair is configured for this Sentinel workspace',
        {
          workspace: `${ref.subscriptionId}/${ref.resourceGroupName}/${ref.workspaceName}`,
        },
      );
    }

    const canonicalId = formatSentinelIncidentArmId(ref);
    return this.mutex.run(canonicalId.toLowerCase(), async () => {
      const sentinel = await pair.sentinel.get(ref.incidentId);
      if (!sentinel)
        throw new SyncError('sentinel_incident_not_found', 'Sentinel incident not found', {
          armId,
        });

      const link =
        (await this.options.store.findLinkBySentinelArmId(canonicalId)) ??
        (await this.linkFromSentinel(pair, ref, sentinel));
      if (!link) return this.unpaired(pair, canonicalId, '', '', request);

      return this.runLinked(pair, link, request, { sentinel });
    });
  }

  async syncDefenderIncident(
    tenantId: string,
    incidentId: string,
    request: SyncRequest,
  ): Promise<SyncOutcome> {
    const pairs = this.options.pairs.forDefenderTenant(tenantId);
    if (pairs.length === 0) {
      throw new SyncError('pair_not_configured', 'No pair is configured for this Defender tenant', {
        tenantId,
      });
    }

    const [firstPair] = pairs;
    if (!firstPair) throw new SyncError('pair_not_configured', 'No pair for tenant', { tenantId });
    const defender = await firstPair.defender.getIncident(incidentId);
    if (!defender)
      throw new SyncError('defender_incident_not_found', 'Defender incident not found', {
        incidentId,
      });

    const link = await this.mutex.run(
      `defender:${tenantId}:${incidentId}`.toLowerCase(),
      async () => {
        const links = await this.options.store.findLinksByDefender(tenantId, incidentId);
        return (
          links.find((candidate) => candidate.state === 'linked') ??
          links[0] ??
          (await this.linkFromDefender(pairs, tenantId, incidentId))
        );
      },
    );
    if (!link) return this.unpaired(firstPair, '', tenantId, incidentId, request);

    const pair = this.options.pairs.byName(link.pairName) ?? firstPair;
    // The first read only proved the incident exists; the sync reads it again under the lock,
    // since a read taken before waiting could be older than the last synced state.
    return this.mutex.run(link.sentinelIncidentArmId.toLowerCase(), () =>
      this.runLinked(pair, link, request, {}),
    );
  }

  private async runLinked(
    pair: PairRuntime,
    link: LinkRecord,
    request: SyncRequest,
    initial: { sentinel?: SentinelIncident; defender?: GraphIncident },
  ): Promise<SyncOutcome> {
    // Re-read inside the lock: a sync that waited may hold a link revision that moved on.
    const fresh = (await this.options.store.findLinkById(link.id)) ?? link;
    const outcome = await syncLinkedPair(pair, fresh, {
      store: this.options.store,
      logger: this.options.logger,
      trigger: request.trigger,
      dryRun: request.dryRun,
      sleep: this.options.sleep,
      initial,
    });
    this.options.logger.info(
      {
        pair: pair.config.name,
        linkId: fresh.id,
        outcome: outcome.outcome,
        sentinelChanges: outcome.sentinel.changes.length,
        defenderChanges: outcome.defender.changes.length,
        attempts: outcome.attempts,
        trigger: request.trigger,
      },
      'pair synced',
    );
    return outcome;
  }

  /** Links a Sentinel incident to the Defender incident its providerIncidentId names. */
  private async linkFromSentinel(
    pair: PairRuntime,
    ref: SentinelIncidentRef,
    sentinel: SentinelIncident,
  ): Promise<LinkRecord | undefined> {
    const defenderId = sentinel.properties.providerIncidentId;
    if (!defenderId || !isDefenderProvider(sentinel.properties.providerName)) return undefined;

    const defender = await pair.defender.getIncident(String(defenderId));
    if (!defender) return undefined;

    return this.options.store.createLink({
      pairName: pair.config.name,
      defenderTenantId: pair.config.defender.tenantId,
      defenderIncidentId: String(defenderId),
      sentinelIncidentArmId: formatSentinelIncidentArmId(ref),
      sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
      linkedBy: 'providerIncidentId',
    });
  }

  /** Finds the Sentinel twin of a Defender incident in the workspaces paired with its tenant. */
  private async linkFromDefender(
    pairs: PairRuntime[],
    tenantId: string,
    incidentId: string,
  ): Promise<LinkRecord | undefined> {
    const filter = `properties/providerIncidentId eq '${incidentId.replaceAll("'", "''")}'`;
    for (const pair of pairs) {
      for await (const sentinel of pair.sentinel.list({ filter, top: 10 })) {
        const ref = parseSentinelIncidentArmId(sentinel.id);
        if (!ref || !isDefenderProvider(sentinel.properties.providerName)) continue;
        return this.options.store.createLink({
          pairName: pair.config.name,
          defenderTenantId: tenantId,
          defenderIncidentId: incidentId,
          sentinelIncidentArmId: formatSentinelIncidentArmId(ref),
          sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
          linkedBy: 'providerIncidentId',
        });
      }
    }
    return undefined;
  }

  private async unpaired(
    pair: PairRuntime,
    sentinelIncidentArmId: string,
    defenderTenantId: string,
    defenderIncidentId: string,
    request: SyncRequest,
  ): Promise<SyncOutcome> {
    const audit = await this.options.store.appendAudit({
      linkId: null,
      pairName: pair.config.name,
      trigger: request.trigger,
      outcome: 'unpaired',
      detail: { sentinelIncidentArmId, defenderTenantId, defenderIncidentId },
    });
    return {
      outcome: 'unpaired',
      pairName: pair.config.name,
      link: null,
      sentinelIncidentArmId,
      defenderTenantId: defenderTenantId || pair.config.defender.tenantId,
      defenderIncidentId,
      sentinel: { written: false, changes: [] },
      defender: { written: false, changes: [] },
      decisions: [],
      notes: [
        {
          field: 'link',
          code: 'unpaired',
          message: 'No twin found: the incident exists on one side only.',
          value: sentinelIncidentArmId || defenderIncidentId,
        },
      ],
      attempts: 0,
      auditId: audit.id,
    };
  }
}
