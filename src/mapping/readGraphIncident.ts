/**
 * Reads a Graph security v1.0 incident (`GET /security/incidents/{id}`, with or without
 * `$expand=alerts`) into a `DefenderIncidentView`. Reference: sync-semantics section 1.
 */
import type { GraphAlert, GraphComment, GraphIncident } from '../model/graphIncident.ts';
import { parseGraphClassification, parseGraphDetermination } from './classificationTable.ts';
import type { DefenderComment, DefenderIncidentReading } from './defenderIncidentView.ts';
import { note, type MappingNote } from './mappingNote.ts';
import { parseGraphSeverity } from './severityTable.ts';
import { parseGraphStatus } from './statusTable.ts';
import { activityWindow, stringList, text } from './valueReaders.ts';

export function readGraphIncident(body: GraphIncident): DefenderIncidentReading {
  const notes: MappingNote[] = [];
  const alerts: GraphAlert[] = Array.isArray(body.alerts) ? body.alerts : [];
  const window = activityWindow(
    alerts.map((alert) => [alert.firstActivityDateTime, alert.lastActivityDateTime]),
  );

  const incident = {
    source: 'graph' as const,
    id: String(body.id),
    tenantId: text(body.tenantId),
    title: text(body.displayName),
    description: text(body.description) || text(body.summary),
    status: parseOrNote(body.status, parseGraphStatus, 'status', 'unknownFutureValue', notes),
    severity: parseOrNote(body.severity, parseGraphSeverity, 'severity', 'unknown', notes),
    classification: parseOrNote(
      body.classification,
      parseGraphClassification,
      'classification',
      'unknown',
      notes,
    ),
    determination: parseOrNote(
      body.determination,
      parseGraphDetermination,
      'determination',
      'unknown',
      notes,
    ),
    assignedTo: text(body.assignedTo) || null,
    customTags: stringList(body.customTags),
    systemTags: stringList(body.systemTags),
    redirectIncidentId: text(body.redirectIncidentId) || null,
    createdDateTime: text(body.createdDateTime),
    lastUpdateDateTime: text(body.lastUpdateDateTime),
    lastModifiedBy: text(body.lastModifiedBy),
    incidentWebUrl: text(body.incidentWebUrl),
    firstActivityDateTime: window.first || text(body.createdDateTime),
    lastActivityDateTime: window.last || text(body.lastUpdateDateTime),
    comments: (Array.isArray(body.comments) ? body.comments : []).map(readGraphComment),
    alerts,
  };
  return { incident, notes };
}

/** Graph comments come as `createdByDisplayName` / `createdDateTime` or the legacy names. */
export function readGraphComment(comment: GraphComment): DefenderComment {
  return {
    text: text(comment.comment),
    author: text(comment.createdByDisplayName) || text(comment.createdBy),
    createdDateTime: text(comment.createdDateTime) || text(comment.createdTime),
  };
}

/**
 * Parses one enum value; a missing value takes the fallback silently, an unknown one takes it
 * with a note so the caller sees what was dropped.
 */
export function parseOrNote<T extends string>(
  value: unknown,
  parse: (raw: unknown) => T | undefined,
  field: string,
  fallback: T,
  notes: MappingNote[],
): T {
  if (value === null || value === undefined || value === '') return fallback;

  const parsed = parse(value);
  if (parsed !== undefined) return parsed;

  notes.push(note(field, 'unknown_value', `Unknown ${field} value; read as ${fallback}.`, value));
  return fallback;
}
