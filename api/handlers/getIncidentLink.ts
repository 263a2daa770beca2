import {
  parseSentinelIncidentArmId,
  formatSentinelIncidentArmId,
} from '../../src/model/sentinelIncidentArmId.ts';
import type { LinkRecord } from '../../src/store/linkRecord.ts';
import type { AppServices } from '../appServices.ts';
import type { IncidentLink } from '../contractTypes.ts';
import { ProblemError } from '../problems/problemError.ts';
import { checkedQuery, type Handler } from './handler.ts';

interface LinkQuery {
  sentinelIncidentArmId?: string;
  sentinelIncidentNumber?: number;
  defenderIncidentId?: string;
  tenantId?: string;
}

const LOOKUP_KEYS = [
  'sentinelIncidentArmId',
  'sentinelIncidentNumber',
  'defenderIncidentId',
] as const;

/** Finds a pair by either side's id; all ids compare as text (BR-27). */
export const getIncidentLink: Handler = async (_req, res, services) => {
  const query = checkedQuery<LinkQuery>(res);
  const given = LOOKUP_KEYS.filter((key) => query[key] !== undefined);
  if (given.length !== 1) {
    throw new ProblemError('lookup_key_required', 'Give exactly one of the lookup keys.', [
      {
        field: 'query',
        message: `got ${given.length} lookup keys`,
        acceptedValues: [...LOOKUP_KEYS],
      },
    ]);
  }

  const links = await findLinks(services, query);
  const [primary, ...others] = [...links].sort(byPreference);
  if (!primary) throw new ProblemError('link_not_found', 'No incident pair matches that id.');

  res.json(toIncidentLink(primary, others));
};

async function findLinks(services: AppServices, query: LinkQuery): Promise<LinkRecord[]> {
  if (query.sentinelIncidentArmId !== undefined) {
    const ref = parseSentinelIncidentArmId(query.sentinelIncidentArmId);
    if (!ref) {
      throw new ProblemError(
        'request_invalid',
        'sentinelIncidentArmId is not a Sentinel incident ARM id.',
        [
          {
            field: 'query.sentinelIncidentArmId',
            message: 'must be a Sentinel incident ARM id',
            acceptedValues: [],
          },
        ],
      );
    }
    const link = await services.store.findLinkBySentinelArmId(formatSentinelIncidentArmId(ref));
    return link ? [link] : [];
  }

  if (query.sentinelIncidentNumber !== undefined) {
    return services.store.findLinksBySentinelNumber(query.sentinelIncidentNumber);
  }

  const defenderId = String(query.defenderIncidentId);
  const tenants = query.tenantId
    ? [query.tenantId]
    : [...new Set(services.pairs.all().map((pair) => pair.config.defender.tenantId))];
  const found = await Promise.all(
    tenants.map((tenant) => services.store.findLinksByDefender(tenant, defenderId)),
  );
  return found.flat();
}

/** A live link before a redirected or unverified one; the oldest first among equals. */
function byPreference(a: LinkRecord, b: LinkRecord): number {
  const rank = (link: LinkRecord): number => (link.state === 'linked' ? 0 : 1);
  return rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt);
}

function toIncidentLink(link: LinkRecord, others: LinkRecord[]): IncidentLink {
  const name = link.sentinelIncidentArmId.split('/').pop() ?? '';
  return {
    linkId: link.id,
    pairName: link.pairName,
    state: link.state,
    linkedBy: link.linkedBy,
    defenderTenantId: link.defenderTenantId,
    defenderIncidentId: link.defenderIncidentId,
    defenderIncidentUrl: `https://security.microsoft.com/incidents/${link.defenderIncidentId}?tid=${link.defenderTenantId}`,
    sentinelIncidentArmId: link.sentinelIncidentArmId,
    sentinelIncidentName: name,
    sentinelIncidentNumber: link.sentinelIncidentNumber ?? 0,
    sentinelIncidentUrl: `https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident${link.sentinelIncidentArmId}`,
    lastSyncedAt: link.lastSyncedAt ?? '',
    createdAt: link.createdAt,
    relatedLinks: others.map((other) => ({
      linkId: other.id,
      state: other.state,
      sentinelIncidentArmId: other.sentinelIncidentArmId,
      defenderIncidentId: other.defenderIncidentId,
    })),
  };
}
