import type { GraphIncident } from '../../src/model/graphIncident.ts';
import type { LegacyIncident } from '../../src/model/defenderLegacyIncident.ts';
import { mapDefenderToSentinel } from '../../src/mapping/mapDefenderToSentinel.ts';
import {
  detectDefenderSource,
  readDefenderIncident,
} from '../../src/mapping/readDefenderIncident.ts';
import type { MapDefenderIncidentResult } from '../contractTypes.ts';
import type { Handler } from './handler.ts';

/** Which contract shape a Defender body is, for precise validation errors. */
export function defenderBodyShape(body: unknown): string | undefined {
  const source = detectDefenderSource(body);
  if (source === 'legacy') return 'LegacyDefenderIncident';
  return 'GraphIncident';
}

export const mapDefenderIncident: Handler = (req, res) => {
  const body = req.body as GraphIncident | LegacyIncident;
  const source = detectDefenderSource(body) ?? 'graph';

  const reading = readDefenderIncident(body, source);
  const mapped = mapDefenderToSentinel(reading.incident);

  const result: MapDefenderIncidentResult = {
    source,
    defenderIncidentId: reading.incident.id,
    defenderTenantId: reading.incident.tenantId,
    sentinel: {
      ...mapped.sentinel,
      severity: mapped.sentinel.severity as MapDefenderIncidentResult['sentinel']['severity'],
      status: mapped.sentinel.status as MapDefenderIncidentResult['sentinel']['status'],
      classification: mapped.sentinel
        .classification as MapDefenderIncidentResult['sentinel']['classification'],
      classificationReason: mapped.sentinel
        .classificationReason as MapDefenderIncidentResult['sentinel']['classificationReason'],
      labels: mapped.sentinel.labels.map((labelName) => ({ labelName, labelType: 'User' })),
    },
    notes: [...reading.notes, ...mapped.notes],
  };
  res.json(result);
};
