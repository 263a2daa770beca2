/**
 * A description for an incident that has none (BR-01: Defender-provider incidents reach
 * Sentinel without one): each alert's name and description, earliest alert first, repeats
 * dropped, cut to Sentinel's limit without splitting a character.
 */
import type { GraphAlert } from '../model/graphIncident.ts';
import type { SentinelAlert } from '../model/sentinelIncident.ts';
import { truncateText } from '../mapping/truncateText.ts';
import { text } from '../mapping/valueReaders.ts';
import type { EnrichmentSubject } from './enrichmentSubject.ts';

interface AlertText {
  title: string;
  description: string;
  startedAt: number;
  order: number;
}

/** '' when the incident already has a description or its alerts say nothing. */
export function deriveDescription(subject: EnrichmentSubject, maxChars: number): string {
  const existing = subject.sentinel?.view.description || subject.defender?.description || '';
  if (existing.trim() !== '') return '';

  const alerts =
    subject.graphAlerts.length > 0
      ? fromGraph(subject.graphAlerts)
      : fromSentinel(subject.sentinelAlerts);
  alerts.sort((a, b) => a.startedAt - b.startedAt || a.order - b.order);

  const seen = new Set<string>();
  const lines: string[] = [];
  for (const alert of alerts) {
    const body = alert.description.trim();
    const key = (body || alert.title).toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    lines.push(alert.title && body ? `${alert.title}: ${body}` : body || alert.title);
  }
  const joined = lines.join('\n');
  return joined.length > maxChars ? `${truncateText(joined, maxChars - 1)}…` : joined;
}

function time(value: unknown): number {
  const parsed = Date.parse(text(value));
  return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
}

function fromGraph(alerts: GraphAlert[]): AlertText[] {
  return alerts.filter(Boolean).map((alert, order) => ({
    title: text(alert.title).trim(),
    description: text(alert.description),
    startedAt: time(alert.firstActivityDateTime ?? alert.createdDateTime),
    order,
  }));
}

function fromSentinel(alerts: SentinelAlert[]): AlertText[] {
  return alerts.filter(Boolean).map((alert, order) => ({
    title: text(alert.properties?.alertDisplayName).trim(),
    description: text(alert.properties?.description),
    startedAt: time(alert.properties?.startTimeUtc ?? alert.properties?.timeGenerated),
    order,
  }));
}
