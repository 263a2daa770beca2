/**
 * The verdict of an enrichment: how many entities of each kind, how many match threat
 * intelligence or a watchlist, and a score from 0 to 100 whose every point has a reason
 * listed beside it. The weights are deliberately few and coarse: the score orders incidents
 * for an analyst, it does not decide them.
 */
import type { EnrichmentEntity } from '../enrichmentEntity.ts';
import type { SourcedFinding } from '../providers/providerPipeline.ts';

export interface EnrichmentVerdict {
  score: number;
  reasons: string[];
  counts: Array<{ kind: string; count: number }>;
  threatIntelHits: number;
  watchlistHits: number;
}

/** Points per signal, and the most a kind of signal can add. */
export const SCORE_WEIGHTS = {
  threatIntelFirst: 40,
  threatIntelEach: 10,
  threatIntelMax: 60,
  maliciousEach: 15,
  maliciousMax: 30,
  suspiciousEach: 5,
  suspiciousMax: 15,
  vip: 10,
  userRiskHigh: 15,
  userRiskMedium: 8,
  allowList: -15,
} as const;

const NAMES_IN_REASON = 3;

function names(entities: EnrichmentEntity[]): string {
  const shown = entities.slice(0, NAMES_IN_REASON).map((entity) => entity.displayName);
  const more = entities.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

export function scoreVerdict(
  entities: readonly EnrichmentEntity[],
  findings: readonly SourcedFinding[],
): EnrichmentVerdict {
  const byKey = new Map<string, SourcedFinding[]>();
  for (const finding of findings)
    byKey.set(finding.targetKey, [...(byKey.get(finding.targetKey) ?? []), finding]);
  const having = (test: (finding: SourcedFinding) => boolean) =>
    entities.filter((entity) => (byKey.get(entity.key) ?? []).some(test));

  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${points > 0 ? '+' : ''}${points}: ${reason}`);
  };

  const tiHits = having((finding) => finding.signals?.threatIntel !== undefined);
  if (tiHits.length > 0) {
    const points = Math.min(
      SCORE_WEIGHTS.threatIntelMax,
      SCORE_WEIGHTS.threatIntelFirst + SCORE_WEIGHTS.threatIntelEach * (tiHits.length - 1),
    );
    add(points, `threat intelligence matches ${tiHits.length} entities (${names(tiHits)})`);
  }

  const malicious = entities.filter((entity) => entity.verdicts.includes('malicious'));
  if (malicious.length > 0) {
    const points = Math.min(
      SCORE_WEIGHTS.maliciousMax,
      SCORE_WEIGHTS.maliciousEach * malicious.length,
    );
    add(points, `Defender rates ${malicious.length} entities malicious (${names(malicious)})`);
  }
  const suspicious = entities.filter(
    (entity) => entity.verdicts.includes('suspicious') && !entity.verdicts.includes('malicious'),
  );
  if (suspicious.length > 0) {
    const points = Math.min(
      SCORE_WEIGHTS.suspiciousMax,
      SCORE_WEIGHTS.suspiciousEach * suspicious.length,
    );
    add(points, `Defender rates ${suspicious.length} entities suspicious (${names(suspicious)})`);
  }

  const vips = having((finding) => finding.signals?.watchlist?.role === 'vip');
  if (vips.length > 0) add(SCORE_WEIGHTS.vip, `involves a VIP (${names(vips)})`);

  const risky = (level: string) => having((finding) => finding.signals?.userRisk === level);
  const high = risky('high');
  const medium = risky('medium');
  if (high.length > 0)
    add(SCORE_WEIGHTS.userRiskHigh, `high user risk in Entra ID (${names(high)})`);
  else if (medium.length > 0)
    add(SCORE_WEIGHTS.userRiskMedium, `medium user risk in Entra ID (${names(medium)})`);

  const allowed = having((finding) => finding.signals?.watchlist?.role === 'allow');
  if (allowed.length > 0 && score > 0)
    add(SCORE_WEIGHTS.allowList, `known-good entities on an allow-list (${names(allowed)})`);

  const watchlisted = having((finding) => finding.signals?.watchlist !== undefined);
  if (reasons.length === 0) reasons.push('0: no source marks any entity as bad');
  return {
    score: Math.max(0, Math.min(100, score)),
    reasons,
    counts: countByKind(entities),
    threatIntelHits: tiHits.length,
    watchlistHits: watchlisted.length,
  };
}

function countByKind(entities: readonly EnrichmentEntity[]): EnrichmentVerdict['counts'] {
  const counts = new Map<string, number>();
  for (const entity of entities) counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
