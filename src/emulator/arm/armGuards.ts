/**
 * What ARM checks before the Sentinel provider sees a request, in ARM's order: a bearer
 * token for the management audience, an `api-version`, a subscription the caller's tenant
 * owns, an existing workspace. The workspace is left in `res.locals` for the handlers.
 */
import type { RequestHandler, Response } from 'express';

import type { SentinelWorkspaceRef } from '../../model/sentinelIncidentArmId.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { principalOf, requireBearer, type BearerFailure } from '../http/bearerAuth.ts';
import type { SentinelWorkspace } from '../state/sentinelWorkspace.ts';
import { sendArmError } from './armErrors.ts';

const API_VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

const BEARER_FAILURES: Record<BearerFailure, { code: string; message: string }> = {
  missing: {
    code: 'AuthenticationFailed',
    message: "Authentication failed. The 'Authorization' header is missing.",
  },
  malformed: {
    code: 'AuthenticationFailedInvalidHeader',
    message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
  },
  expired: {
    code: 'ExpiredAuthenticationToken',
    message: 'The access token expiry UTC time is earlier than current UTC time.',
  },
  invalid: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' },
  wrongAudience: {
    code: 'InvalidAuthenticationTokenAudience',
    message: 'The access token has been obtained for wrong audience or resource.',
  },
};

export function armBearer(context: EmulatorContext): RequestHandler {
  return requireBearer(context, {
    resource: 'arm',
    reject: (_req, res, failure) => {
      const { code, message } = BEARER_FAILURES[failure];
      res.setHeader(
        'WWW-Authenticate',
        `Bearer authorization_uri="${context.baseUrl}/common", error="invalid_token", ` +
          `error_description="${message}"`,
      );
      sendArmError(res, 401, code, message);
    },
  });
}

export const requireApiVersion: RequestHandler = (req, res, next) => {
  const apiVersion = req.query['api-version'];
  if (apiVersion === undefined) {
    return sendArmError(
      res,
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  if (typeof apiVersion !== 'string' || !API_VERSION_FORMAT.test(apiVersion)) {
    return sendArmError(
      res,
      400,
      'InvalidApiVersionParameter',
      `The api-version '${String(apiVersion)}' is invalid.`,
    );
  }
  next();
};

/** A subscription the caller's tenant owns, for resource-group scoped operations. */
export function resolveSubscription(context: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const subscriptionId = String(req.params['subscriptionId']);
    const owningTenant = context.state.subscriptionTenantId(subscriptionId);
    if (!owningTenant) {
      const message = `The subscription '${subscriptionId}' could not be found.`;
      return sendArmError(res, 404, 'SubscriptionNotFound', message);
    }
    const callerTenant = principalOf(res).tenantId;
    if (callerTenant.toLowerCase() !== owningTenant.toLowerCase()) {
      const message = `The access token is from the wrong issuer (tenant '${callerTenant}').`;
      return sendArmError(res, 403, 'InvalidAuthenticationTokenTenant', message);
    }
    next();
  };
}

export function resolveWorkspace(context: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const ref: SentinelWorkspaceRef = {
      subscriptionId: String(req.params['subscriptionId']),
      resourceGroupName: String(req.params['resourceGroupName']),
      workspaceName: String(req.params['workspaceName']),
    };

    const owningTenant = context.state.subscriptionTenantId(ref.subscriptionId);
    if (!owningTenant) {
      const message = `The subscription '${ref.subscriptionId}' could not be found.`;
      return sendArmError(res, 404, 'SubscriptionNotFound', message);
    }

    // Real ARM answers a token from a foreign tenant with 401; the emulator uses 403 so that
    // "authenticated but not allowed here" stays apart from "not authenticated".
    const callerTenant = principalOf(res).tenantId;
    if (callerTenant.toLowerCase() !== owningTenant.toLowerCase()) {
      const message =
        `The access token is from the wrong issuer (tenant '${callerTenant}'). It must match ` +
        `the tenant '${owningTenant}' associated with this subscription.`;
      return sendArmError(res, 403, 'InvalidAuthenticationTokenTenant', message);
    }

    const workspace = context.state.workspace(ref);
    if (!workspace) {
      const message =
        `The Resource 'Microsoft.OperationalInsights/workspaces/${ref.workspaceName}' under ` +
        `resource group '${ref.resourceGroupName}' was not found.`;
      return sendArmError(res, 404, 'ResourceNotFound', message);
    }

    res.locals['workspace'] = workspace;
    next();
  };
}

export function workspaceOf(res: Response): SentinelWorkspace {
  const workspace: unknown = res.locals['workspace'];
  if (!workspace) throw new Error('workspaceOf used on a route without resolveWorkspace');
  return workspace as SentinelWorkspace;
}
