/**
 * Severity between Graph security v1.0 and Sentinel 2025-09-01 (sync-semantics section 6.3).
 * Defender computes severity from its alerts and Graph cannot write it, so the hop is one-way:
 * Defender to Sentinel.
 */
import { GRAPH_SEVERITIES, type GraphSeverity } from '../model/graphIncident.ts';
import { SENTINEL_SEVERITIES, type SentinelSeverity } from '../model/sentinelIncident.ts';
import { matchEnumValue } from './enumValue.ts';

const LEGACY_UNSPECIFIED = 'unspecified';

export function parseGraphSeverity(value: unknown): GraphSeverity | undefined {
  if (typeof value === 'string' && value.toLowerCase() === LEGACY_UNSPECIFIED) return 'unknown';
  return matchEnumValue(value, GRAPH_SEVERITIES);
}

export function parseSentinelSeverity(value: unknown): SentinelSeverity | undefined {
  return matchEnumValue(value, SENTINEL_SEVERITIES);
}

/** `unknown` has no Sentinel counterpart; `Informational` is the documented stand-in. */
export function graphSeverityToSentinel(severity: GraphSeverity): {
  severity: SentinelSeverity;
  exact: boolean;
} {
  switch (severity) {
    case 'high':
      return { severity: 'High', exact: true };
    case 'medium':
      return { severity: 'Medium', exact: true };
    case 'low':
      return { severity: 'Low', exact: true };
    case 'informational':
      return { severity: 'Informational', exact: true };
    case 'unknown':
    case 'unknownFutureValue':
      return { severity: 'Informational', exact: false };
  }
}
