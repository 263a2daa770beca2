/**
 * Route table of the emulated Sentinel incidents API (Microsoft.SecurityInsights,
 * https://learn.microsoft.com/rest/api/securityinsights/incidents). Paths match ignoring
 * case, as ARM does; a method a path does not serve gets 405.
 */
import express, { Router, type RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { sendArmError } from './armErrors.ts';
import {
  armBearer,
  requireApiVersion,
  resolveSubscription,
  resolveWorkspace,
} from './armGuards.ts';
import { getDomainWhois, getIpGeodata } from './enrichmentLookups.ts';
import { deleteComment, getComment, listComments, putComment } from './incidentComments.ts';
import {
  deleteIncident,
  getIncident,
  listIncidentAlerts,
  listIncidentEntities,
} from './incidentReads.ts';
import { listIncidents } from './listIncidents.ts';
import { putIncident } from './putIncident.ts';
import { listWatchlistItems, queryIndicators } from './workspaceContext.ts';

const WORKSPACE =
  '/subscriptions/:subscriptionId/resourceGroups/:resourceGroupName/providers/' +
  'Microsoft.OperationalInsights/workspaces/:workspaceName';
const INCIDENTS = `${WORKSPACE}/providers/Microsoft.SecurityInsights/incidents`;
const INCIDENT = `${INCIDENTS}/:incidentId`;
const COMMENTS = `${INCIDENT}/comments`;
const COMMENT = `${COMMENTS}/:commentId`;
const INSIGHTS = `${WORKSPACE}/providers/Microsoft.SecurityInsights`;
const ENRICHMENT =
  '/subscriptions/:subscriptionId/resourceGroups/:resourceGroupName/providers/' +
  'Microsoft.SecurityInsights/enrichment';

export function armRouter(context: EmulatorContext): Router {
  const router = Router({ caseSensitive: false });
  const guards = [
    armBearer(context),
    requireApiVersion,
    resolveWorkspace(context),
    express.json({ limit: '4mb' }),
  ];

  router.get(INCIDENTS, guards, listIncidents(context));
  router.all(INCIDENTS, methodNotAllowed);

  router.get(INCIDENT, guards, getIncident);
  router.put(INCIDENT, guards, putIncident(context));
  router.delete(INCIDENT, guards, deleteIncident);
  router.all(INCIDENT, methodNotAllowed);

  router.post(`${INCIDENT}/alerts`, guards, listIncidentAlerts);
  router.post(`${INCIDENT}/entities`, guards, listIncidentEntities);

  router.get(COMMENTS, guards, listComments(context));
  router.all(COMMENTS, methodNotAllowed);

  router.get(COMMENT, guards, getComment);
  router.put(COMMENT, guards, putComment(context));
  router.delete(COMMENT, guards, deleteComment(context));
  router.all(COMMENT, methodNotAllowed);

  router.get(`${INSIGHTS}/watchlists/:watchlistAlias/watchlistItems`, guards, listWatchlistItems);
  router.post(
    `${INSIGHTS}/threatIntelligence/main/queryIndicators`,
    guards,
    queryIndicators(context),
  );

  const subscriptionGuards = [armBearer(context), requireApiVersion, resolveSubscription(context)];
  router.get(`${ENRICHMENT}/ip/geodata`, subscriptionGuards, getIpGeodata(context));
  router.get(`${ENRICHMENT}/domain/whois`, subscriptionGuards, getDomainWhois(context));

  router.use('/subscriptions', notFound);
  return router;
}

const methodNotAllowed: RequestHandler = (req, res) => {
  const message = `The requested resource does not support http method '${req.method}'.`;
  sendArmError(res, 405, 'MethodNotAllowed', message);
};

const notFound: RequestHandler = (req, res) => {
  const message = `No emulated ARM resource at '${req.originalUrl.split('?')[0]}'.`;
  sendArmError(res, 404, 'ResourceNotFound', message);
};
