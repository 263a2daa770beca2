/**
 * Puts an enrichment together from its parts: the entities with what each provider found,
 * the techniques with their ATT&CK names, the verdict, the labels and a derived description.
 */
import type { EnrichmentConfig } from '../config/enrichmentConfig.ts';
import { deriveDescription } from './deriveDescription.ts';
import type { EnrichmentEntity } from './enrichmentEntity.ts';
import { enrichmentNote } from './enrichmentNote.ts';
import type { EnrichmentReport, EntityContext, TechniqueReport } from './enrichmentReport.ts';
import type { EnrichmentSubject } from './enrichmentSubject.ts';
import { techniqueKey } from './enrichmentTargets.ts';
import type { ExtractedIncident } from './extract/extractIncidentEntities.ts';
import type { PipelineResult, SourcedFinding } from './providers/providerPipeline.ts';
import { enrichmentLabels } from './verdict/enrichmentLabels.ts';
import { scoreVerdict } from './verdict/enrichmentVerdict.ts';

export function buildEnrichmentReport(
  subject: EnrichmentSubject,
  extracted: ExtractedIncident,
  pipeline: PipelineResult,
  config: EnrichmentConfig,
): EnrichmentReport {
  const byTarget = new Map<string, SourcedFinding[]>();
  for (const finding of pipeline.findings) {
    byTarget.set(finding.targetKey, [...(byTarget.get(finding.targetKey) ?? []), finding]);
  }

  const verdict = scoreVerdict(extracted.entities, pipeline.findings);
  const description = deriveDescription(subject, config.description.maxChars);
  const notes = [...subject.notes];
  if (description) {
    notes.push(
      enrichmentNote(
        'description',
        'description_derived',
        'The incident has no description; one was built from its alerts.',
      ),
    );
  }

  return {
    incidentArmId: subject.sentinel?.armId ?? '',
    incidentTitle: subject.sentinel?.view.title || subject.defender?.title || '',
    defenderTenantId: subject.defender?.tenantId ?? '',
    defenderIncidentId: subject.defender?.incidentId ?? '',
    entities: extracted.entities.map((entity) =>
      entityReport(entity, byTarget.get(entity.key) ?? []),
    ),
    entitiesComplete: subject.entitiesComplete,
    techniques: extracted.techniques.map((technique): TechniqueReport => {
      const attack = (byTarget.get(techniqueKey(technique.id)) ?? []).find(
        (item) => item.provider === 'mitreAttack',
      );
      const tactics = String(attack?.facts?.['tactics'] ?? '');
      return {
        id: technique.id,
        name: String(attack?.facts?.['name'] ?? ''),
        tactics: tactics ? tactics.split(', ') : [],
        alertIds: technique.alertIds,
      };
    }),
    verdict,
    providers: pipeline.runs,
    labels: enrichmentLabels(verdict, pipeline.findings, config.highScoreThreshold),
    description,
    notes,
  };
}

function entityReport(entity: EnrichmentEntity, findings: SourcedFinding[]) {
  return {
    kind: entity.kind,
    displayName: entity.displayName,
    value: entity.value,
    source: entity.sources[0] ?? 'graphEvidence',
    sources: entity.sources,
    alertIds: entity.alertIds,
    verdicts: entity.verdicts,
    context: findings.map((finding): EntityContext => ({
      provider: finding.provider,
      summary: finding.summary,
      source: finding.source,
      fetchedAt: finding.fetchedAt,
      cached: finding.cached,
      facts: Object.entries(finding.facts ?? {}).map(([name, value]) => ({
        name,
        value: String(value),
      })),
    })),
  };
}
