/**
 * What ARM checks before the Logic Apps and Web providers see a request: the management
 * token (shared with the Sentinel routes), an api-version, and a subscription the caller's
 * tenant owns. The resource group is left in `res.locals`; the emulator does not model
 * resource groups otherwise, so any name is accepted.
 */
import type { RequestHandler, Response } from 'express';

import { sendArmError } from '../arm/armErrors.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { principalOf } from '../http/bearerAuth.ts';
import type { ResourceGroupRef } from '../state/logicResources.ts';

export function resolveResourceGroup(context: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const group: ResourceGroupRef = {
      subscriptionId: String(req.params['subscriptionId']),
      resourceGroupName: String(req.params['resourceGroupName']),
    };

    const owningTenant = context.state.subscriptionTenantId(group.subscriptionId);
    if (!owningTenant) {
      const message = `The subscription '${group.subscriptionId}' could not be found.`;
      return sendArmError(res, 404, 'SubscriptionNotFound', message);
    }

    const callerTenant = principalOf(res).tenantId;
    if (callerTenant.toLowerCase() !== owningTenant.toLowerCase()) {
      const message =
        `The access token is from the wrong issuer (tenant '${callerTenant}'). It must match ` +
        `the tenant '${owningTenant}' associated with this subscription.`;
      return sendArmError(res, 403, 'InvalidAuthenticationTokenTenant', message);
    }

    res.locals['resourceGroup'] = group;
    res.locals['tenantId'] = owningTenant;
    next();
  };
}

export function resourceGroupOf(res: Response): ResourceGroupRef {
  const group: unknown = res.locals['resourceGroup'];
  if (!group) throw new Error('resourceGroupOf used on a route without resolveResourceGroup');
  return group as ResourceGroupRef;
}
