/**
 * EnrichIncident: the incident named by exactly one of its ids or given as a body, enriched
 * and, on request, written back. The answer carries every field a playbook reads, always.
 */
import type { EnrichOutcome } from '../../src/enrich/incidentEnricher.ts';
import type { EnrichmentTarget } from '../../src/enrich/loadEnrichmentSubject.ts';
import type { AppServices } from '../appServices.ts';
import type { EnrichIncidentRequest, EnrichmentResult } from '../contractTypes.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { Handler } from './handler.ts';

const LOOKUP_KEYS = ['incidentArmId', 'defenderIncidentId', 'incident'] as const;

export const enrichIncident: Handler = async (req, res, services) => {
  const body = req.body as EnrichIncidentRequest;
  const target = targetOf(body, services);

  const outcome = await services.enricher.enrich({
    target,
    writeSentinelComment: body.writeSentinelComment === true,
    writeSentinelLabels: body.writeSentinelLabels === true,
    writeSentinelDescription: body.writeSentinelDescription === true,
    writeDefenderComment: body.writeDefenderComment === true,
  });
  res.json(toEnrichmentResult(outcome));
};

function targetOf(body: EnrichIncidentRequest, services: AppServices): EnrichmentTarget {
  const given = LOOKUP_KEYS.filter((key) => body[key] !== undefined);
  if (given.length !== 1) {
    throw new ProblemError(
      'lookup_key_required',
      'Give exactly one of incidentArmId, defenderIncidentId or incident.',
      [{ field: 'body', message: `got ${given.length} of them`, acceptedValues: [...LOOKUP_KEYS] }],
    );
  }
  if (body.defenderTenantId !== undefined && body.defenderIncidentId === undefined) {
    throw new ProblemError('request_invalid', 'defenderTenantId goes with defenderIncidentId.', [
      {
        field: 'body.defenderTenantId',
        message: 'is only read with defenderIncidentId',
        acceptedValues: [],
      },
    ]);
  }

  if (body.incidentArmId !== undefined) return { kind: 'sentinel', armId: body.incidentArmId };
  if (body.incident !== undefined) return { kind: 'body', body: body.incident };
  return {
    kind: 'defender',
    tenantId: defenderTenant(body, services),
    incidentId: String(body.defenderIncidentId),
  };
}

/** The tenant may be left out when the configuration has only one. */
function defenderTenant(body: EnrichIncidentRequest, services: AppServices): string {
  if (body.defenderTenantId) return body.defenderTenantId;
  const tenants = [...new Set(services.pairs.all().map((pair) => pair.config.defender.tenantId))];
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  throw new ProblemError(
    'request_invalid',
    'defenderTenantId is required: several Defender tenants are configured.',
    [{ field: 'body.defenderTenantId', message: 'is required here', acceptedValues: tenants }],
  );
}

function toEnrichmentResult(outcome: EnrichOutcome): EnrichmentResult {
  const { report, writes } = outcome;
  return {
    incidentArmId: report.incidentArmId,
    defenderTenantId: report.defenderTenantId,
    defenderIncidentId: report.defenderIncidentId,
    entities: report.entities,
    entitiesComplete: report.entitiesComplete,
    techniques: report.techniques,
    verdict: report.verdict,
    providers: report.providers.map((run) => ({
      name: run.name,
      status: run.status,
      detail: run.detail,
      durationMs: run.durationMs,
      lookups: run.looked,
      fromCache: run.fromCache,
    })),
    labels: report.labels,
    description: report.description,
    commentHtml: outcome.commentHtml,
    commentParts: outcome.commentParts,
    written: writes,
    notes: report.notes,
  };
}
