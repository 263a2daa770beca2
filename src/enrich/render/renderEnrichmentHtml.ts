/**
 * The enrichment as an HTML comment for Sentinel: the score with its reasons, the entities
 * with what each source found, the ATT&CK techniques, and how each provider ran. Every value
 * is escaped. Nothing in it depends on the clock, so the same findings render to the same
 * text and a repeated enrichment is recognisably the same comment.
 */
import type { EnrichmentReport, EntityReport } from '../enrichmentReport.ts';
import { escapeHtml } from './escapeHtml.ts';

export const COMMENT_TITLE = 'incident-bridge enrichment';

function cell(value: string): string {
  return `<td>${escapeHtml(value)}</td>`;
}

function contextCell(entity: EntityReport): string {
  const lines = entity.context.map(
    (item) => `${escapeHtml(item.summary)} <i>(${escapeHtml(item.source)})</i>`,
  );
  if (entity.verdicts.length > 0)
    lines.unshift(`Defender verdict: ${escapeHtml(entity.verdicts.join(', '))}`);
  return `<td>${lines.join('<br>')}</td>`;
}

/** Entities a source flagged come first, then by kind and name. */
function flagged(entity: EntityReport): number {
  const signalled = entity.context.some(
    (item) => item.provider === 'threatIntel' || item.provider === 'watchlists',
  );
  if (signalled) return 0;
  return entity.verdicts.includes('malicious') || entity.verdicts.includes('suspicious') ? 1 : 2;
}

function entityTable(entities: EntityReport[]): string {
  const ordered = [...entities].sort(
    (a, b) =>
      flagged(a) - flagged(b) ||
      a.kind.localeCompare(b.kind) ||
      a.displayName.localeCompare(b.displayName),
  );
  const rows = ordered.map(
    (entity) =>
      `<tr>${cell(entity.kind)}${cell(entity.displayName)}${cell(String(entity.alertIds.length))}${contextCell(entity)}</tr>`,
  );
  return (
    '<table><thead><tr><th>Kind</th><th>Entity</th><th>Alerts</th><th>Context</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function techniqueTable(report: EnrichmentReport): string {
  if (report.techniques.length === 0) return '';
  const rows = report.techniques.map(
    (technique) =>
      `<tr>${cell(technique.id)}${cell(technique.name || 'not in the ATT&CK bundle')}${cell(technique.tactics.join(', '))}</tr>`,
  );
  return (
    '<p><b>MITRE ATT&amp;CK</b></p><table><thead><tr><th>ID</th><th>Technique</th><th>Tactics</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

export function renderEnrichmentHtml(report: EnrichmentReport): string {
  const { verdict } = report;
  const summary =
    `<p><b>Score ${verdict.score}/100</b>; ${report.entities.length} entities, ` +
    `${verdict.threatIntelHits} threat-intelligence hits, ${verdict.watchlistHits} watchlist hits.</p>`;
  const reasons = `<ul>${verdict.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`;
  const partial = report.entitiesComplete
    ? ''
    : '<p><i>Only part of the incident&#39;s entities could be read; some may be missing.</i></p>';
  const labels =
    report.labels.length > 0 ? `<p>Labels: ${escapeHtml(report.labels.join(', '))}</p>` : '';
  const runs = report.providers
    .filter((run) => run.status !== 'skipped')
    .map((run) => `${run.name} ${run.status}${run.detail ? ` (${run.detail})` : ''}`);
  const providers = runs.length > 0 ? `<p>Sources: ${escapeHtml(runs.join('; '))}.</p>` : '';

  return [
    `<p><b>${COMMENT_TITLE}</b></p>`,
    summary,
    reasons,
    partial,
    labels,
    report.entities.length > 0 ? entityTable(report.entities) : '<p>No entities found.</p>',
    techniqueTable(report),
    providers,
  ].join('');
}

export function partHeading(index: number, total: number): string {
  return total > 1 ? `<p><b>${COMMENT_TITLE}, part ${index} of ${total}</b></p>` : '';
}
