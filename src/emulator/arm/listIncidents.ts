/**
 * `Incidents_List`: GET .../incidents with `$filter`, `$orderby`, `$top` (at most 1,000, the
 * service's cap) and `$skipToken` paging.
 */
import type { RequestHandler } from 'express';

import { SENTINEL_LIMITS } from '../../model/sentinelIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { parseFilter } from '../odata/filterParser.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { parseOrderBy } from '../odata/orderBy.ts';
import { sendArmBadRequest } from './armErrors.ts';
import { workspaceOf } from './armGuards.ts';
import { armNextLink, pageOf, readPageRequest } from './armPaging.ts';
import { filterIncidents, orderIncidents } from './incidentQuery.ts';

/** Page size when the caller sends no `$top`; the service's own default is not documented. */
export const DEFAULT_INCIDENT_PAGE_SIZE = 50;

export function listIncidents(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const workspace = workspaceOf(res);

    try {
      const filterText = req.query['$filter'];
      const orderByText = req.query['$orderby'];
      const filter = typeof filterText === 'string' ? parseFilter(filterText) : undefined;
      const orderBy = typeof orderByText === 'string' ? parseOrderBy(orderByText) : undefined;
      const page = readPageRequest(req, DEFAULT_INCIDENT_PAGE_SIZE, SENTINEL_LIMITS.listMaxTop);

      const all = [...workspace.incidents.values()].map((stored) => stored.resource);
      const selected = orderIncidents(filterIncidents(all, filter), orderBy);
      res.json(pageOf(selected, page, (offset) => armNextLink(context.baseUrl, req, offset)));
    } catch (error) {
      if (error instanceof ODataQueryError) return sendArmBadRequest(res, error.message);
      throw error;
    }
  };
}
