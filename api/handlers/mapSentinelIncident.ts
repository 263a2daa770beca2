import type { PlaybookTriggerBody } from '../../src/model/playbookTrigger.ts';
import type { SentinelIncident } from '../../src/model/sentinelIncident.ts';
import { isPlaybookTriggerBody } from '../../src/model/playbookTrigger.ts';
import { formatSentinelIncidentArmId } from '../../src/model/sentinelIncidentArmId.ts';
import { mapSentinelToDefender } from '../../src/mapping/mapSentinelToDefender.ts';
import { readSentinelIncident } from '../../src/mapping/sentinelIncidentView.ts';
import type { DeterminationMemory } from '../../src/mapping/classificationTable.ts';
import { isDefenderProvider } from '../../src/mapping/defenderProvider.ts';
import type { MapSentinelIncidentResult } from '../contractTypes.ts';
import type { Handler } from './handler.ts';

/** A trigger body has `object`; anything else is read as the ARM resource. */
export function sentinelBodyShape(body: unknown): string {
  return isPlaybookTriggerBody(body) && 'object' in (body as object)
    ? 'PlaybookTriggerBody'
    : 'SentinelIncidentResource';
}

export const mapSentinelIncident: Handler = async (req, res, services) => {
  const reading = readSentinelIncident(req.body as SentinelIncident | PlaybookTriggerBody);
  const incident = reading.incident;

  // A linked incident has a remembered determination: the round trip then loses nothing.
  const link = incident.ref
    ? await services.store.findLinkBySentinelArmId(formatSentinelIncidentArmId(incident.ref))
    : undefined;
  const memory = (link?.determinationMemory ?? {}) as DeterminationMemory;
  const mapped = mapSentinelToDefender(incident, { memory });

  const result: MapSentinelIncidentResult = {
    sentinelIncidentArmId: incident.ref
      ? formatSentinelIncidentArmId(incident.ref)
      : incident.armId,
    sentinelIncidentName: incident.name || incident.ref?.incidentId || '',
    defenderIncidentId:
      link?.defenderIncidentId ??
      (isDefenderProvider(incident.providerName) ? incident.providerIncidentId : ''),
    determinationFromMemory: mapped.determinationFromMemory,
    defender: {
      ...mapped.defender,
      status: mapped.defender.status as MapSentinelIncidentResult['defender']['status'],
      classification: mapped.defender
        .classification as MapSentinelIncidentResult['defender']['classification'],
    },
    graphPatch: mapped.patch,
    notes: [...reading.notes, ...mapped.notes],
  };
  res.json(result);
};
