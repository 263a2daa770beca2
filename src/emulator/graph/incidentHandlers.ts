/**
 * The single-incident operations of `/security/incidents/{id}`: GET (with `$expand=alerts`),
 * PATCH of the writable properties, and POST of a comment, which answers with the whole
 * comment list. Writes move `lastUpdateDateTime` strictly forward and record the calling
 * app in `lastModifiedBy`.
 */
import type { Request, RequestHandler, Response } from 'express';

import type { GraphIncident } from '../../model/graphIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { principalOf } from '../http/bearerAuth.ts';
import { graphActorName } from '../state/appPrincipal.ts';
import { appendDefenderComment, applyDefenderChange } from '../state/defenderTenant.ts';
import { sendGraphBadRequest, sendGraphError } from './graphErrors.ts';
import { tenantOf } from './graphGuards.ts';
import { incidentView, readExpand, wantsUnknownEnumMembers } from './incidentView.ts';
import { validateIncidentPatch } from './validateIncidentPatch.ts';

const COMMENT_ODATA_TYPE = 'microsoft.graph.security.alertComment';

export function getIncident(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const incident = incidentOf(req, res);
    if (!incident) return;

    const expand = readExpand(req);
    if (!expand.ok) return sendGraphBadRequest(req, res, expand.message);

    const view = incidentView(incident, {
      expandAlerts: expand.alerts,
      includeUnknownEnumMembers: wantsUnknownEnumMembers(req),
    });
    res.json({ '@odata.context': entityContext(context), ...view });
  };
}

export function patchIncident(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const incident = incidentOf(req, res);
    if (!incident) return;

    const check = validateIncidentPatch(req.body);
    if (!check.ok) return sendGraphBadRequest(req, res, check.message);

    const author = { name: graphActorName(principalOf(res)) };
    applyDefenderChange(incident, check.changes, author, context.clock());

    const view = incidentView(incident, {
      expandAlerts: false,
      includeUnknownEnumMembers: wantsUnknownEnumMembers(req),
    });
    res.json({ '@odata.context': entityContext(context), ...view });
  };
}

export function postComment(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const incident = incidentOf(req, res);
    if (!incident) return;

    const body = (req.body ?? {}) as Record<string, unknown>;
    const odataType = body['@odata.type'];
    if (odataType !== undefined && String(odataType).replace(/^#/, '') !== COMMENT_ODATA_TYPE) {
      return sendGraphBadRequest(req, res, `'@odata.type' must be '${COMMENT_ODATA_TYPE}'.`);
    }
    const text = body['comment'];
    if (typeof text !== 'string' || text.trim() === '') {
      return sendGraphBadRequest(req, res, "The 'comment' property is required.");
    }

    const author = { name: graphActorName(principalOf(res)) };
    const comments = appendDefenderComment(incident, text, author, context.clock());
    const metadata = `$metadata#security/incidents('${incident.id}')/comments`;
    res.json({
      '@odata.context': `${context.baseUrl}/v1.0/${metadata}`,
      value: comments,
    });
  };
}

/** The addressed incident of the caller's tenant, or `undefined` after answering 404. */
function incidentOf(req: Request, res: Response): GraphIncident | undefined {
  const id = String(req.params['incidentId']);
  const incident = tenantOf(res).incidents.get(id);
  if (!incident) sendGraphError(req, res, 404, 'NotFound', `Incident '${id}' was not found.`);
  return incident;
}

function entityContext(context: EmulatorContext): string {
  return `${context.baseUrl}/v1.0/$metadata#security/incidents/$entity`;
}
