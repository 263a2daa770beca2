/**
 * Reads an incident from the legacy Defender XDR API (`api.security.microsoft.com/api/incidents`)
 * into the Graph vocabulary. Its pages spell enums differently from each other
 * (sync-semantics section 2), so every known spelling is accepted.
 */
import type { GraphAlert } from '../model/graphIncident.ts';
import type {
  LegacyAlert,
  LegacyComment,
  LegacyIncident,
} from '../model/defenderLegacyIncident.ts';
import { parseGraphClassification, parseGraphDetermination } from './classificationTable.ts';
import type { DefenderComment, DefenderIncidentReading } from './defenderIncidentView.ts';
import type { MappingNote } from './mappingNote.ts';
import { parseOrNote } from './readGraphIncident.ts';
import { parseGraphSeverity } from './severityTable.ts';
import { parseGraphStatus } from './statusTable.ts';
import { activityWindow, stringList, text } from './valueReaders.ts';

/** The resource page writes this classification with words instead of the enum name. */
const SPELLED_OUT_CLASSIFICATION = 'informational, expected activity';

export function readLegacyIncident(body: LegacyIncident): DefenderIncidentReading {
  const notes: MappingNote[] = [];
  const alerts = (Array.isArray(body.alerts) ? body.alerts : []).map(legacyAlertToGraph);
  const window = activityWindow(
    alerts.map((alert) => [alert.firstActivityDateTime, alert.lastActivityDateTime]),
  );

  const classification =
    text(body.classification).toLowerCase() === SPELLED_OUT_CLASSIFICATION
      ? 'informationalExpectedActivity'
      : body.classification;

  const incident = {
    source: 'legacy' as const,
    id: text(body.incidentId),
    tenantId: '',
    title: text(body.incidentName),
    description: '',
    status: parseOrNote(body.status, parseGraphStatus, 'status', 'unknownFutureValue', notes),
    severity: parseOrNote(body.severity, parseGraphSeverity, 'severity', 'unknown', notes),
    classification: parseOrNote(
      classification,
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
    customTags: stringList(body.tags),
    systemTags: [],
    redirectIncidentId: text(body.redirectIncidentId) || null,
    createdDateTime: text(body.createdTime),
    lastUpdateDateTime: text(body.lastUpdateTime),
    lastModifiedBy: '',
    incidentWebUrl: body.incidentId
      ? `https://security.microsoft.com/incidents/${body.incidentId}`
      : '',
    firstActivityDateTime: window.first || text(body.createdTime),
    lastActivityDateTime: window.last || text(body.lastUpdateTime),
    comments: (Array.isArray(body.comments) ? body.comments : []).map(readLegacyComment),
    alerts,
  };
  return { incident, notes };
}

function readLegacyComment(comment: LegacyComment): DefenderComment {
  return {
    text: text(comment.comment),
    author: text(comment.createdBy),
    createdDateTime: text(comment.createdTime),
  };
}

/** Keeps the legacy entity and device lists beside the Graph names for entity extraction. */
function legacyAlertToGraph(alert: LegacyAlert): GraphAlert {
  return {
    id: text(alert.alertId),
    incidentId: text(alert.incidentId),
    title: text(alert.title),
    description: text(alert.description),
    category: text(alert.category),
    status: text(alert.status),
    severity: text(alert.severity),
    classification: alert.classification ?? null,
    determination: alert.determination ?? null,
    serviceSource: text(alert.serviceSource),
    detectionSource: text(alert.detectionSource),
    mitreTechniques: stringList(alert.mitreTechniques),
    createdDateTime: text(alert.creationTime),
    lastUpdateDateTime: text(alert.lastUpdatedTime),
    firstActivityDateTime: text(alert.firstActivity),
    lastActivityDateTime: text(alert.lastActivity),
    legacyEntities: Array.isArray(alert.entities) ? alert.entities : [],
    legacyDevices: Array.isArray(alert.devices) ? alert.devices : [],
  };
}
