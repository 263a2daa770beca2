/**
 * The outcome of one enrichment, before it is shaped for the API or rendered as a comment.
 */
import type { EnrichmentNote } from './enrichmentNote.ts';
import type { EntitySource } from './enrichmentEntity.ts';
import type { ProviderRun } from './providers/providerPipeline.ts';
import type { EnrichmentVerdict } from './verdict/enrichmentVerdict.ts';

export interface EntityContext {
  provider: string;
  summary: string;
  source: string;
  fetchedAt: string;
  cached: boolean;
  facts: Array<{ name: string; value: string }>;
}

export interface EntityReport {
  kind: string;
  displayName: string;
  value: string;
  source: EntitySource;
  sources: EntitySource[];
  alertIds: string[];
  verdicts: string[];
  context: EntityContext[];
}

export interface TechniqueReport {
  id: string;
  name: string;
  tactics: string[];
  alertIds: string[];
}

export interface EnrichmentReport {
  incidentArmId: string;
  incidentTitle: string;
  defenderTenantId: string;
  defenderIncidentId: string;
  entities: EntityReport[];
  entitiesComplete: boolean;
  techniques: TechniqueReport[];
  verdict: EnrichmentVerdict;
  providers: ProviderRun[];
  labels: string[];
  /** Built from the alerts when the incident has no description; '' otherwise. */
  description: string;
  notes: EnrichmentNote[];
}
