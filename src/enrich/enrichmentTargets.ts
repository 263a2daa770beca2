/** Entities and techniques as the targets providers are asked about. */
import type { EnrichmentEntity } from './enrichmentEntity.ts';
import type { TechniqueRef } from './extract/extractIncidentEntities.ts';
import type { LookupTarget } from './providers/enrichmentProvider.ts';
import { TECHNIQUE_KIND } from './providers/offline/mitreAttackProvider.ts';

export function techniqueKey(id: string): string {
  return `technique:${id}`;
}

export function lookupTargets(
  entities: readonly EnrichmentEntity[],
  techniques: readonly TechniqueRef[],
): LookupTarget[] {
  return [
    ...entities.map((entity) => ({
      key: entity.key,
      kind: entity.kind,
      value: entity.value,
      displayName: entity.displayName,
      attributes: entity.attributes,
    })),
    ...techniques.map((technique) => ({
      key: techniqueKey(technique.id),
      kind: TECHNIQUE_KIND,
      value: technique.id,
      displayName: technique.id,
      attributes: {},
    })),
  ];
}
