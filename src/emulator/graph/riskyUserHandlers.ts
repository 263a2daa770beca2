/**
 * `GET /v1.0/identityProtection/riskyUsers/{id}`: a user's Entra ID Protection risk. A user
 * the seed lists no risk for was never risky (404); a tenant seeded without Identity
 * Protection answers 403, as tenants without an Entra ID P2 licence do.
 */
import type { RequestHandler } from 'express';

import { sendGraphError } from './graphErrors.ts';
import { tenantOf } from './graphGuards.ts';

export const getRiskyUser: RequestHandler = (req, res) => {
  const tenant = tenantOf(res);
  if (!tenant.identityProtection) {
    const message = 'Your tenant is not licensed for this feature.';
    return sendGraphError(req, res, 403, 'Authorization_RequestDenied', message);
  }

  const id = String(req.params['userId']).toLowerCase();
  const risky = tenant.riskyUsers.find((user) => user.id.toLowerCase() === id);
  if (!risky) {
    return sendGraphError(req, res, 404, 'ResourceNotFound', `Risky user '${id}' was not found.`);
  }
  res.json({ '@odata.type': '#microsoft.graph.riskyUser', ...risky });
};
