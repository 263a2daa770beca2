/**
 * How a stored incident is answered: alerts only with `$expand=alerts`, and evolvable enum
 * members (status `awaitingAction`, newer alert sources) as `unknownFutureValue` unless the
 * request carries `Prefer: include-unknown-enum-members`.
 */
import type { Request } from 'express';

import type { GraphAlert, GraphIncident } from '../../model/graphIncident.ts';
import {
  EVOLVABLE_DETECTION_SOURCES,
  EVOLVABLE_INCIDENT_STATUSES,
  EVOLVABLE_SERVICE_SOURCES,
  hideEvolvable,
} from './graphEnums.ts';

export interface IncidentViewOptions {
  expandAlerts: boolean;
  includeUnknownEnumMembers: boolean;
}

export function incidentView(incident: GraphIncident, options: IncidentViewOptions): GraphIncident {
  const { alerts, ...rest } = structuredClone(incident);
  const view: GraphIncident = options.expandAlerts ? { ...rest, alerts } : rest;
  if (options.includeUnknownEnumMembers) return view;

  view.status = hideEvolvable(view.status, EVOLVABLE_INCIDENT_STATUSES);
  if (view.alerts) view.alerts = view.alerts.map(hideEvolvableAlertMembers);
  return view;
}

function hideEvolvableAlertMembers(alert: GraphAlert): GraphAlert {
  return {
    ...alert,
    serviceSource: hideEvolvable(alert.serviceSource, EVOLVABLE_SERVICE_SOURCES),
    detectionSource: hideEvolvable(alert.detectionSource, EVOLVABLE_DETECTION_SOURCES),
  };
}

export function wantsUnknownEnumMembers(req: Request): boolean {
  const preferences = (req.get('prefer') ?? '').split(',').map((item) => item.trim().toLowerCase());
  return preferences.includes('include-unknown-enum-members');
}

/** `$expand` accepts `alerts` only, as the incidents API documents. */
export function readExpand(
  req: Request,
): { ok: true; alerts: boolean } | { ok: false; message: string } {
  const expand = req.query['$expand'];
  if (expand === undefined) return { ok: true, alerts: false };

  const items = String(expand)
    .split(',')
    .map((item) => item.trim());
  const unknown = items.find((item) => item.toLowerCase() !== 'alerts');
  if (unknown !== undefined) {
    return {
      ok: false,
      message:
        `Could not find a property named '${unknown}' on type ` +
        "'microsoft.graph.security.incident'.",
    };
  }
  return { ok: true, alerts: true };
}
