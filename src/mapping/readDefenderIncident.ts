/**
 * Accepts a Defender incident from either API and tells which one it came from: Graph uses
 * `id` / `displayName`, the legacy API `incidentId` / `incidentName`.
 */
import type { GraphIncident } from '../model/graphIncident.ts';
import type { LegacyIncident } from '../model/defenderLegacyIncident.ts';
import type { DefenderIncidentReading, DefenderSource } from './defenderIncidentView.ts';
import { readGraphIncident } from './readGraphIncident.ts';
import { readLegacyIncident } from './readLegacyIncident.ts';

export function detectDefenderSource(body: unknown): DefenderSource | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;

  const record = body as Record<string, unknown>;
  if ('incidentId' in record && !('id' in record)) return 'legacy';
  if ('id' in record) return 'graph';
  return undefined;
}

export function readDefenderIncident(
  body: GraphIncident | LegacyIncident,
  source: DefenderSource,
): DefenderIncidentReading {
  return source === 'legacy'
    ? readLegacyIncident(body as LegacyIncident)
    : readGraphIncident(body as GraphIncident);
}
