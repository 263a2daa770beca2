/**
 * The labels a verdict suggests for the Sentinel incident. They all carry the `enrich:`
 * prefix, which the label mapping reserves: they are incident-bridge's own markers, never
 * synced to Defender as tags, and replaced as a set on each enrichment.
 */
import { ENRICHMENT_LABEL_PREFIX } from '../../mapping/labelMapping.ts';
import type { SourcedFinding } from '../providers/providerPipeline.ts';
import type { EnrichmentVerdict } from './enrichmentVerdict.ts';

export const THREAT_INTEL_LABEL = `${ENRICHMENT_LABEL_PREFIX}ti-hit`;
export const HIGH_SCORE_LABEL = `${ENRICHMENT_LABEL_PREFIX}high-score`;

export function enrichmentLabels(
  verdict: EnrichmentVerdict,
  findings: readonly SourcedFinding[],
  highScoreThreshold: number,
): string[] {
  const labels = new Set<string>();
  if (verdict.threatIntelHits > 0) labels.add(THREAT_INTEL_LABEL);
  for (const finding of findings) {
    const list = finding.signals?.watchlist;
    if (list) labels.add(`${ENRICHMENT_LABEL_PREFIX}${list.label}`);
  }
  if (verdict.score >= highScoreThreshold) labels.add(HIGH_SCORE_LABEL);
  return [...labels].sort();
}
