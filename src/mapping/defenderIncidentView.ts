/**
 * One Defender incident in Graph v1.0 vocabulary, whichever API it was read from. Every enum
 * is parsed; a value the service sent that incident-bridge does not know becomes
 * `unknownFutureValue` (or `unknown`) with a note, never an error.
 */
import type {
  GraphAlert,
  GraphClassification,
  GraphDetermination,
  GraphIncidentStatus,
  GraphSeverity,
} from '../model/graphIncident.ts';
import type { MappingNote } from './mappingNote.ts';

export type DefenderSource = 'graph' | 'legacy';

export interface DefenderComment {
  text: string;
  author: string;
  createdDateTime: string;
}

export interface DefenderIncidentView {
  source: DefenderSource;
  id: string;
  tenantId: string;
  title: string;
  description: string;
  status: GraphIncidentStatus;
  severity: GraphSeverity;
  classification: GraphClassification;
  determination: GraphDetermination;
  /** Free text in Defender, usually a UPN; null when unassigned. */
  assignedTo: string | null;
  customTags: string[];
  systemTags: string[];
  redirectIncidentId: string | null;
  createdDateTime: string;
  lastUpdateDateTime: string;
  lastModifiedBy: string;
  incidentWebUrl: string;
  firstActivityDateTime: string;
  lastActivityDateTime: string;
  comments: DefenderComment[];
  alerts: GraphAlert[];
}

export interface DefenderIncidentReading {
  incident: DefenderIncidentView;
  notes: MappingNote[];
}
