/**
 * Graph security enum handling: input in any casing, output in camelCase, old determination
 * names stored under their new ones, and evolvable members hidden behind
 * `unknownFutureValue` unless the caller sends `Prefer: include-unknown-enum-members`.
 * https://learn.microsoft.com/graph/api/resources/security-incident?view=graph-rest-1.0
 */
import {
  GRAPH_CLASSIFICATIONS,
  GRAPH_DETERMINATION_RENAMES,
  GRAPH_DETERMINATIONS,
  GRAPH_INCIDENT_STATUSES,
  GRAPH_SEVERITIES,
  type GraphAlert,
  type GraphIncident,
} from '../../model/graphIncident.ts';

export const GRAPH_ALERT_STATUSES = [
  'unknown',
  'new',
  'inProgress',
  'resolved',
  'unknownFutureValue',
] as const;

/** Members declared after `unknownFutureValue` in the v1.0 metadata. */
export const EVOLVABLE_INCIDENT_STATUSES: readonly string[] = ['awaitingAction'];
export const EVOLVABLE_SERVICE_SOURCES: readonly string[] = [
  'microsoftDefenderForCloud',
  'microsoftSentinel',
];
export const EVOLVABLE_DETECTION_SOURCES: readonly string[] = [
  'microsoftDefenderForCloud',
  'microsoftDefenderForIoT',
  'microsoftDefenderForServers',
  'microsoftDefenderForStorage',
  'microsoftDefenderForDNS',
  'microsoftDefenderForDatabases',
  'microsoftDefenderForContainers',
  'microsoftDefenderForNetwork',
  'microsoftDefenderForAppService',
  'microsoftDefenderForKeyVault',
  'microsoftDefenderForResourceManager',
  'microsoftDefenderForApiManagement',
  'nrtAlerts',
  'scheduledAlerts',
  'microsoftDefenderThreatIntelligenceAnalytics',
  'builtInMl',
  'microsoftSentinel',
];

/** The member of `members` that equals `value` ignoring case, or `undefined`. */
export function matchEnumMember<T extends string>(
  value: unknown,
  members: readonly T[],
): T | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return members.find((member) => member.toLowerCase() === lower);
}

/** A determination in its current spelling, accepting the renamed ones in any casing. */
export function matchDetermination(value: unknown): string | undefined {
  const current = matchEnumMember(value, GRAPH_DETERMINATIONS);
  if (current) return current;

  const renamed = matchEnumMember(value, Object.keys(GRAPH_DETERMINATION_RENAMES));
  return renamed ? GRAPH_DETERMINATION_RENAMES[renamed] : undefined;
}

/** Rewrites known enum values of a stored incident into camelCase; unknown values stay. */
export function normalizeIncidentEnums(incident: GraphIncident): GraphIncident {
  return {
    ...incident,
    status: matchEnumMember(incident.status, GRAPH_INCIDENT_STATUSES) ?? incident.status,
    severity: matchEnumMember(incident.severity, GRAPH_SEVERITIES) ?? incident.severity,
    classification:
      matchEnumMember(incident.classification, GRAPH_CLASSIFICATIONS) ?? incident.classification,
    determination: matchDetermination(incident.determination) ?? incident.determination,
  };
}

export function normalizeAlertEnums(alert: GraphAlert): GraphAlert {
  return {
    ...alert,
    status: matchEnumMember(alert.status, GRAPH_ALERT_STATUSES) ?? alert.status,
    severity: matchEnumMember(alert.severity, GRAPH_SEVERITIES) ?? alert.severity,
    classification:
      matchEnumMember(alert.classification, GRAPH_CLASSIFICATIONS) ?? alert.classification,
    determination: matchDetermination(alert.determination) ?? alert.determination,
  };
}

/** The value a client without the `Prefer` opt-in sees for a possibly evolvable member. */
export function hideEvolvable(
  value: string | null | undefined,
  evolvable: readonly string[],
): string | null | undefined {
  return value && evolvable.includes(value) ? 'unknownFutureValue' : value;
}
