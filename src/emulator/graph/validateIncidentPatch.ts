/**
 * What `PATCH /security/incidents/{id}` accepts: status, classification, determination,
 * assignedTo and customTags, nothing else (severity, displayName and description are
 * read-only in v1.0). Enum input is matched ignoring case and old determination names are
 * taken as their new ones; `redirected`, `awaitingAction` and `unknownFutureValue` cannot be
 * set by a client.
 */
import {
  GRAPH_CLASSIFICATIONS,
  GRAPH_PATCHABLE_FIELDS,
  type GraphIncident,
} from '../../model/graphIncident.ts';
import { matchDetermination, matchEnumMember } from './graphEnums.ts';

const SETTABLE_STATUSES = ['active', 'inProgress', 'resolved'] as const;
const SETTABLE_CLASSIFICATIONS = GRAPH_CLASSIFICATIONS.filter(
  (value) => value !== 'unknownFutureValue',
);

export type IncidentPatchCheck =
  { ok: true; changes: Partial<GraphIncident> } | { ok: false; message: string };

export function validateIncidentPatch(body: unknown): IncidentPatchCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('The request body must be a JSON object.');
  }

  const changes: Partial<GraphIncident> = {};
  for (const [property, value] of Object.entries(body)) {
    // OData annotations such as @odata.type describe the payload; they are not properties.
    if (property.startsWith('@odata.')) continue;

    const problem = setChange(changes, property, value);
    if (problem) return fail(problem);
  }
  return { ok: true, changes };
}

function setChange(changes: Partial<GraphIncident>, property: string, value: unknown) {
  if (!(GRAPH_PATCHABLE_FIELDS as readonly string[]).includes(property)) {
    return (
      `Property '${property}' of incident is read-only or does not exist ` +
      'and cannot be updated.'
    );
  }

  switch (property) {
    case 'status': {
      const status = matchEnumMember(value, SETTABLE_STATUSES);
      if (!status) return invalidValue(property, value);
      changes.status = status;
      return undefined;
    }
    case 'classification': {
      const classification = matchEnumMember(value, SETTABLE_CLASSIFICATIONS);
      if (!classification) return invalidValue(property, value);
      changes.classification = classification;
      return undefined;
    }
    case 'determination': {
      const determination = matchDetermination(value);
      if (!determination || determination === 'unknownFutureValue') {
        return invalidValue(property, value);
      }
      changes.determination = determination;
      return undefined;
    }
    case 'assignedTo':
      if (value !== null && typeof value !== 'string') return invalidValue(property, value);
      changes.assignedTo = value;
      return undefined;
    default: {
      const tags = Array.isArray(value) && value.every((tag) => typeof tag === 'string');
      if (!tags) return invalidValue(property, value);
      changes.customTags = value;
      return undefined;
    }
  }
}

function invalidValue(property: string, value: unknown): string {
  return `Invalid value '${JSON.stringify(value)}' for property '${property}'.`;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
