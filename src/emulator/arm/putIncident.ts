/**
 * `Incidents_CreateOrUpdate`: PUT .../incidents/{incidentId}. 201 on create, 200 on update.
 * The etag travels in the body: a stale one gets the 409 playbooks know, none at all means
 * an unconditional write. Every write gets a new etag and `lastModifiedTimeUtc`.
 */
import type { RequestHandler } from 'express';

import type { SentinelIncident } from '../../model/sentinelIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { newIncidentEtag, sameEtag } from '../ids.ts';
import { INCIDENT_RESOURCE_TYPE, incidentArmId } from '../state/sentinelResources.ts';
import { findStoredIncident, storeIncident } from '../state/sentinelWorkspace.ts';
import { stampIncidentWrite } from '../state/sentinelWrites.ts';
import { sendArmBadRequest, sendArmEtagConflict } from './armErrors.ts';
import { workspaceOf } from './armGuards.ts';
import {
  propertiesFromPut,
  readOnlyPropertiesForCreate,
  readOnlyPropertiesOf,
} from './incidentFromPut.ts';
import { validateIncidentBody } from './validateIncidentBody.ts';

export function putIncident(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const workspace = workspaceOf(res);
    const incidentName = String(req.params['incidentId']);
    const stored = findStoredIncident(workspace, incidentName);

    const check = validateIncidentBody(req.body);
    if (!check.ok) return sendArmBadRequest(res, check.message);

    // An etag sent for an incident that does not exist yet is ignored: the service's own
    // CreateIncident example creates (201) from a body that carries one.
    const { etag } = check.body;
    if (stored && etag !== undefined && !sameEtag(etag, stored.resource.etag ?? '')) {
      return sendArmEtagConflict(res, stored.resource.name);
    }

    const directory = context.state.directoryOf(workspace.tenantId);
    const now = context.clock();

    if (stored) {
      const previous = stored.resource.properties;
      stored.resource.properties = {
        ...propertiesFromPut(check.body, previous, directory),
        ...readOnlyPropertiesOf(previous),
      };
      stampIncidentWrite(stored.resource, now);
      return res.status(200).json(stored.resource);
    }

    const resource: SentinelIncident = {
      id: incidentArmId(workspace.ref, incidentName),
      name: incidentName,
      type: INCIDENT_RESOURCE_TYPE,
      etag: newIncidentEtag(),
      properties: {
        ...propertiesFromPut(check.body, undefined, directory),
        ...readOnlyPropertiesForCreate(workspace, incidentName, now),
      },
    };
    storeIncident(workspace, { resource, alerts: [], entities: [], comments: [] });
    res.status(201).json(resource);
  };
}
