/**
 * The route table: one row per operation of the contract, with the roles a caller needs.
 * Paths come from the contract itself, so a row cannot drift from the document; a test keeps
 * each row's roles equal to the operation's `security` in the contract.
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
import { OPEN, requires, type RouteAuth } from './routeAuth.ts';

export interface Route {
  operationId: string;
  auth: RouteAuth;
  handler: Handler;
  bodyShape?: BodyShapeChooser;
}

export const routes: readonly Route[] = [
  { operationId: 'GetHealth', auth: OPEN, handler: getHealth },
  {
    operationId: 'MapDefenderIncident',
    auth: requires('Incidents.Read'),
    handler: mapDefenderIncident,
    bodyShape: defenderBodyShape,
  },
  {
    operationId: 'MapSentinelIncident',
    auth: requires('Incidents.Read'),
    handler: mapSentinelIncident,
    bodyShape: sentinelBodyShape,
  },
  {
    operationId: 'SyncSentinelIncident',
    auth: requires('Incidents.Sync'),
    handler: syncSentinelIncident,
  },
  {
    operationId: 'SyncDefenderIncident',
    auth: requires('Incidents.Sync'),
    handler: syncDefenderIncident,
  },
  { operationId: 'GetIncidentLink', auth: requires('Incidents.Read'), handler: getIncidentLink },
  {
    operationId: 'PostIncidentUpdate',
    auth: requires('Incidents.Sync'),
    handler: postIncidentUpdate,
  },
  { operationId: 'PlanSync', auth: requires('Incidents.Read'), handler: planSync },
  { operationId: 'GetSyncStatus', auth: requires('Incidents.Read'), handler: getSyncStatus },
  { operationId: 'ReplayDeadLetter', auth: requires('Incidents.Sync'), handler: replayDeadLetter },
  { operationId: 'ReconcilePairs', auth: requires('Incidents.Sync'), handler: reconcilePairs },
  { operationId: 'EnrichIncident', auth: requires('Incidents.Enrich'), handler: enrichIncident },
  { operationId: 'ListPairs', auth: requires('Incidents.Read'), handler: listPairs },
];
