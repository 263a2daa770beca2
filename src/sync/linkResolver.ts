/**
 * Finds the link of an incident addressed from either side, or makes one when the Sentinel
 * incident names its Defender twin (providerIncidentId, set by Microsoft's connector). A link
 * whose Defender incident was merged into another forwards to the survivor's link. Nothing is
 * ever created on either side: an incident without a twin stays unpaired.
 */
import { isDefenderProvider } from '../mapping/defenderProvider.ts';
import type { SentinelIncident } from '../model/sentinelIncident.ts';
import {
  formatSentinelIncidentArmId,
  parseSentinelIncidentArmId,
  type SentinelIncidentRef,
} from '../model/sentinelIncidentArmId.ts';
import type { LinkRecord } from '../store/linkRecord.ts';
import type { Store } from '../store/store.ts';
import type { PairRegistry, PairRuntime } from './pairRegistry.ts';
import { SyncError } from './syncErrors.ts';
import type { SyncTarget } from './engine/syncJobPayload.ts';

export interface ResolvedTarget {
  pair: PairRuntime;
  /** Undefined when the incident has no twin. */
  link?: LinkRecord;
  /** The Sentinel incident when it was read while resolving. */
  sentinel?: SentinelIncident;
  /** A sign that Defender delivered an old incident again (BR-02). */
  lateRedelivery?: boolean;
  /** Set when the addressed link forwarded to the survivor of a Defender merge. */
  forwardedFrom?: LinkRecord;
}

/** More than this between an incident's first activity and its creation means a redelivery. */
const LATE_REDELIVERY_MS = 30 * 24 * 3600 * 1000;
const MAX_FORWARDS = 5;

export class LinkResolver {
  constructor(
    private readonly store: Store,
    private readonly pairs: PairRegistry,
  ) {}

  /** The pair a target belongs to; misaddressed targets fail before any remote call. */
  pairFor(target: SyncTarget): PairRuntime {
    if (target.side === 'sentinel') {
      const ref = this.sentinelRef(target.incidentArmId);
      const pair = this.pairs.forWorkspace(ref);
      if (!pair) {
        throw new SyncError(
          'pair_not_configured',
          'No pair is configured for this Sentinel workspace',
          {
            workspace: `${ref.subscriptionId}/${ref.resourceGroupName}/${ref.workspaceName}`,
          },
        );
      }
      return pair;
    }

    const [pair] = this.pairs.forDefenderTenant(target.tenantId);
    if (!pair) {
      throw new SyncError('pair_not_configured', 'No pair is configured for this Defender tenant', {
        tenantId: target.tenantId,
      });
    }
    return pair;
  }

  /**
   * Fails with not-found when the target names no incident, so a request for one is refused
   * before anything is queued or stored. A linked target is known to exist: no remote call.
   */
  async assertExists(target: SyncTarget): Promise<void> {
    const pair = this.pairFor(target);
    if (await this.storedLink(target)) return;

    if (target.side === 'sentinel') {
      const ref = this.sentinelRef(target.incidentArmId);
      if (!(await pair.sentinel.get(ref.incidentId))) {
        throw new SyncError('sentinel_incident_not_found', 'Sentinel incident not found', {
          armId: target.incidentArmId,
        });
      }
      return;
    }
    if (!(await pair.defender.getIncident(target.incidentId))) {
      throw new SyncError('defender_incident_not_found', 'Defender incident not found', {
        incidentId: target.incidentId,
      });
    }
  }

  /** The link already stored for a target, without any remote call. */
  async storedLink(target: SyncTarget): Promise<LinkRecord | undefined> {
    if (target.side === 'sentinel') {
      return this.store.findLinkBySentinelArmId(
        formatSentinelIncidentArmId(this.sentinelRef(target.incidentArmId)),
      );
    }
    const links = await this.store.findLinksByDefender(target.tenantId, target.incidentId);
    return links.find((link) => link.state !== 'redirected') ?? links[0];
  }

  async resolve(target: SyncTarget): Promise<ResolvedTarget> {
    const pair = this.pairFor(target);
    const resolved =
      target.side === 'sentinel'
        ? await this.resolveSentinel(pair, this.sentinelRef(target.incidentArmId))
        : await this.resolveDefender(pair, target.tenantId, target.incidentId);
    return resolved.link ? this.followRedirects(resolved) : resolved;
  }

  private async resolveSentinel(
    pair: PairRuntime,
    ref: SentinelIncidentRef,
  ): Promise<ResolvedTarget> {
    const armId = formatSentinelIncidentArmId(ref);
    // A linked incident is read by the sync itself, inside the pair's lock: a read made here,
    // before the lock, could be older than what a sync running meanwhile stores.
    const stored = await this.store.findLinkBySentinelArmId(armId);
    if (stored) return { pair, link: stored };

    const sentinel = await pair.sentinel.get(ref.incidentId);
    if (!sentinel)
      throw new SyncError('sentinel_incident_not_found', 'Sentinel incident not found', { armId });

    const defenderId = sentinel.properties.providerIncidentId;
    if (!defenderId || !isDefenderProvider(sentinel.properties.providerName))
      return { pair, sentinel };
    if (!(await pair.defender.getIncident(String(defenderId)))) return { pair, sentinel };

    const earlier = await this.store.findLinksByDefender(
      pair.config.defender.tenantId,
      String(defenderId),
    );
    const link = await this.store.createLink({
      pairName: pair.config.name,
      defenderTenantId: pair.config.defender.tenantId,
      defenderIncidentId: String(defenderId),
      sentinelIncidentArmId: armId,
      sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
      linkedBy: 'providerIncidentId',
    });
    return {
      pair,
      link,
      sentinel,
      lateRedelivery: earlier.length > 0 && looksRedelivered(sentinel),
    };
  }

  private async resolveDefender(
    pair: PairRuntime,
    tenantId: string,
    incidentId: string,
  ): Promise<ResolvedTarget> {
    const links = await this.store.findLinksByDefender(tenantId, incidentId);
    const stored = links.find((link) => link.state !== 'redirected') ?? links[0];
    if (stored) return { pair: this.pairs.byName(stored.pairName) ?? pair, link: stored };

    if (!(await pair.defender.getIncident(incidentId))) {
      throw new SyncError('defender_incident_not_found', 'Defender incident not found', {
        incidentId,
      });
    }
    const filter = `properties/providerIncidentId eq '${incidentId.replaceAll("'", "''")}'`;
    for (const candidate of this.pairs.forDefenderTenant(tenantId)) {
      for await (const sentinel of candidate.sentinel.list({ filter, top: 10 })) {
        const ref = parseSentinelIncidentArmId(sentinel.id);
        if (!ref || !isDefenderProvider(sentinel.properties.providerName)) continue;
        const link = await this.store.createLink({
          pairName: candidate.config.name,
          defenderTenantId: tenantId,
          defenderIncidentId: incidentId,
          sentinelIncidentArmId: formatSentinelIncidentArmId(ref),
          sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
          linkedBy: 'providerIncidentId',
        });
        return { pair: candidate, link, sentinel };
      }
    }
    return { pair };
  }

  /** A merged Defender incident's link forwards to the survivor's (BR-04). */
  private async followRedirects(resolved: ResolvedTarget): Promise<ResolvedTarget> {
    let current = resolved;
    for (let hop = 0; hop < MAX_FORWARDS && current.link?.state === 'redirected'; hop += 1) {
      const next =
        current.link.redirectedToLinkId &&
        (await this.store.findLinkById(current.link.redirectedToLinkId));
      if (!next) break;
      current = {
        pair: this.pairs.byName(next.pairName) ?? current.pair,
        link: next,
        forwardedFrom: resolved.link,
      };
    }
    return current;
  }

  private sentinelRef(armId: string): SentinelIncidentRef {
    const ref = parseSentinelIncidentArmId(armId);
    if (!ref)
      throw new SyncError('sentinel_incident_not_found', 'Not a Sentinel incident ARM id', {
        armId,
      });
    return ref;
  }
}

function looksRedelivered(sentinel: SentinelIncident): boolean {
  const created = Date.parse(sentinel.properties.createdTimeUtc ?? '');
  const firstActivity = Date.parse(sentinel.properties.firstActivityTimeUtc ?? '');
  return (
    !Number.isNaN(created) &&
    !Number.isNaN(firstActivity) &&
    created - firstActivity > LATE_REDELIVERY_MS
  );
}
