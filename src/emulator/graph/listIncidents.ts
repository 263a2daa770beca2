/**
 * `GET /security/incidents`: most recently created first, `$filter`, `$top` (at most 50),
 * `$skip`, `$count=true`, `$expand=alerts`, and an absolute `@odata.nextLink` while more
 * pages remain. https://learn.microsoft.com/graph/api/security-list-incidents
 */
import type { Request, RequestHandler } from 'express';

import type { GraphIncident } from '../../model/graphIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { nextPageLink } from '../http/nextLink.ts';
import { compareSortValues } from '../odata/compareValues.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { sendGraphBadRequest } from './graphErrors.ts';
import { tenantOf } from './graphGuards.ts';
import { incidentMatches, parseIncidentFilter } from './incidentFilter.ts';
import { incidentView, readExpand, wantsUnknownEnumMembers } from './incidentView.ts';

export const GRAPH_INCIDENTS_MAX_TOP = 50;

export function listIncidents(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const expand = readExpand(req);
    if (!expand.ok) return sendGraphBadRequest(req, res, expand.message);

    try {
      const { top, skip, filter } = readPaging(req);
      const matching = [...tenantOf(res).incidents.values()]
        .filter((incident) => !filter || incidentMatches(incident, filter))
        .sort(newestFirst);

      const view = {
        expandAlerts: expand.alerts,
        includeUnknownEnumMembers: wantsUnknownEnumMembers(req),
      };
      const wantsCount = String(req.query['$count']).toLowerCase() === 'true';
      const nextSkip = skip + top;

      res.json({
        '@odata.context': `${context.baseUrl}/v1.0/$metadata#security/incidents`,
        ...(wantsCount ? { '@odata.count': matching.length } : {}),
        ...(nextSkip < matching.length
          ? { '@odata.nextLink': nextLink(context, req, nextSkip) }
          : {}),
        value: matching.slice(skip, nextSkip).map((incident) => incidentView(incident, view)),
      });
    } catch (error) {
      if (error instanceof ODataQueryError) return sendGraphBadRequest(req, res, error.message);
      throw error;
    }
  };
}

function readPaging(req: Request) {
  const filterText = req.query['$filter'];
  const filter = typeof filterText === 'string' ? parseIncidentFilter(filterText) : undefined;

  const top = readCount(req.query['$top'], '$top', 1) ?? GRAPH_INCIDENTS_MAX_TOP;
  if (top > GRAPH_INCIDENTS_MAX_TOP) {
    throw new ODataQueryError(
      '$top',
      `The limit of '${GRAPH_INCIDENTS_MAX_TOP}' for Top query has been exceeded. ` +
        `The value from the incoming request is '${top}'.`,
    );
  }
  const skip = readCount(req.query['$skip'], '$skip', 0) ?? 0;
  return { top, skip, filter };
}

/** `$top=0` is refused: its next page would start where it began, and clients would loop. */
function readCount(value: unknown, option: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) {
    throw new ODataQueryError(option, `Invalid value '${String(value)}' for ${option}.`);
  }
  return parsed;
}

function nextLink(context: EmulatorContext, req: Request, skip: number): string {
  return nextPageLink(context.baseUrl, req, '$skip', String(skip));
}

function newestFirst(a: GraphIncident, b: GraphIncident): number {
  const byCreation = compareSortValues(b.createdDateTime, a.createdDateTime);
  return byCreation !== 0 ? byCreation : compareSortValues(Number(b.id), Number(a.id));
}
