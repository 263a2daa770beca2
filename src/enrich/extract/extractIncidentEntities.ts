/**
 * Every entity of an incident, de-duplicated across alerts and sources, with the alerts that
 * mention it, and the ATT&CK techniques its alerts cite. Graph evidence is read first: it
 * knows which alert saw what, and its names are the ones analysts see in Defender.
 */
import type { GraphAlert } from '../../model/graphIncident.ts';
import type { SentinelAlert } from '../../model/sentinelIncident.ts';
import { text } from '../../mapping/valueReaders.ts';
import type { EnrichmentEntity } from '../enrichmentEntity.ts';
import type { EnrichmentSubject } from '../enrichmentSubject.ts';
import { normalizeTechniqueId } from '../providers/offline/mitreAttackProvider.ts';
import { EntityCollector } from './entityCollector.ts';
import { sightingsFromEvidence } from './graphEvidenceSightings.ts';
import { sightingFromSentinelEntity } from './sentinelEntitySightings.ts';

export interface TechniqueRef {
  id: string;
  alertIds: string[];
}

export interface ExtractedIncident {
  entities: EnrichmentEntity[];
  techniques: TechniqueRef[];
}

export function extractIncidentEntities(subject: EnrichmentSubject): ExtractedIncident {
  const collector = new EntityCollector();
  for (const alert of subject.graphAlerts) {
    const alertId = text(alert?.id);
    for (const evidence of Array.isArray(alert?.evidence) ? alert.evidence : []) {
      if (evidence) collector.addAll(sightingsFromEvidence(evidence, alertId));
    }
  }
  for (const entity of subject.sentinelEntities) {
    const sighting = sightingFromSentinelEntity(entity, 'sentinelEntities');
    if (sighting) collector.add(sighting);
  }
  for (const entity of subject.triggerEntities) {
    const sighting = sightingFromSentinelEntity(entity, 'triggerBody');
    if (sighting) collector.add(sighting);
  }
  return { entities: collector.list(), techniques: collectTechniques(subject) };
}

/** The id an alert is known by on both sides: Graph's id is Sentinel's providerAlertId. */
export function sentinelAlertId(alert: SentinelAlert): string {
  return (
    text(alert?.properties?.providerAlertId) ||
    text(alert?.properties?.systemAlertId) ||
    text(alert?.name)
  );
}

function collectTechniques(subject: EnrichmentSubject): TechniqueRef[] {
  const byId = new Map<string, Set<string>>();
  const add = (raw: unknown, alertId: string): void => {
    const id = normalizeTechniqueId(text(raw));
    if (!id) return;
    const alerts = byId.get(id) ?? new Set<string>();
    if (alertId) alerts.add(alertId);
    byId.set(id, alerts);
  };

  for (const alert of subject.graphAlerts as Array<GraphAlert | null>) {
    for (const id of Array.isArray(alert?.mitreTechniques) ? alert.mitreTechniques : []) {
      add(id, text(alert?.id));
    }
  }
  for (const alert of subject.sentinelAlerts as Array<SentinelAlert | null>) {
    const techniques = alert?.properties?.techniques;
    for (const id of Array.isArray(techniques) ? techniques : [])
      add(id, alert ? sentinelAlertId(alert) : '');
  }
  for (const id of subject.sentinel?.techniques ?? []) add(id, '');

  // A parent id the incident lists beside one of its own sub-techniques adds nothing.
  const ids = [...byId.keys()];
  return ids
    .filter(
      (id) =>
        id.includes('.') ||
        !ids.some((other) => other.startsWith(`${id}.`) && byId.get(id)?.size === 0),
    )
    .map((id) => ({ id, alertIds: [...(byId.get(id) ?? [])] }));
}
