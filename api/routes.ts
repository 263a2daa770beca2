/**
 * The route table: one row per operation of the contract. Paths come from the contract itself,
 * so a row cannot drift from the document.
 */
import { enrichIncident } from './handlers/enrichIncident.ts';
import { getHealth } from './handlers/getHealth.ts';
import { getIncidentLink } from './handlers/getIncidentLink.ts';
import { listPairs } from './handlers/listPairs.ts';
import type { Handler } from './handlers/handler.ts';
import { defenderBodyShape, mapDefenderIncident } from './handlers/mapDefenderIncident.ts';
import { mapSentinelIncident, sentinelBodyShape } from './handlers/mapSentinelIncident.ts';
import { getSyncStatus } from './handlers/getSyncStatus.ts';
import { planSync } from './handlers/planSync.ts';
import { postIncidentUpdate } from './handlers/postIncidentUpdate.ts';
import { reconcilePairs } from './handlers/reconcilePairs.ts';
import { replayDeadLetter } from './handlers/replayDeadLetter.ts';
import { syncDefenderIncident } from './handlers/syncDefenderIncident.ts';
import { syncSentinelIncident } from './handlers/syncSentinelIncident.ts';
import type { BodyShapeChooser } from './middleware/validateRequest.ts';

export interface Route {
  operationId: string;
  handler: Handler;
  bodyShape?: BodyShapeChooser;
}

export const routes: readonly Route[] = [
  { operationId: 'GetHealth', handler: getHealth },
  {
    operationId: 'MapDefenderIncident',
    handler: mapDefenderIncident,
    bodyShape: defenderBodyShape,
  },
  {
    operationId: 'MapSentinelIncident',
    handler: mapSentinelIncident,
    bodyShape: sentinelBodyShape,
  },
  { operationId: 'SyncSentinelIncident', handler: syncSentinelIncident },
  { operationId: 'SyncDefenderIncident', handler: syncDefenderIncident },
  { operationId: 'GetIncidentLink', handler: getIncidentLink },
  { operationId: 'PostIncidentUpdate', handler: postIncidentUpdate },
  { operationId: 'PlanSync', handler: planSync },
  { operationId: 'GetSyncStatus', handler: getSyncStatus },
  { operationId: 'ReplayDeadLetter', handler: replayDeadLetter },
  { operationId: 'ReconcilePairs', handler: reconcilePairs },
  { operationId: 'EnrichIncident', handler: enrichIncident },
  { operationId: 'ListPairs', handler: listPairs },
];
