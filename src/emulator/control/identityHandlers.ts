/**
 * A user signing in through a client app and consenting to scopes of an API, as the custom
 * connector's OAuth connection does interactively: answers the delegated access token the
 * API would then receive. The emulator has no sign-in pages, so the control API plays them.
 */
import type { RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { issueApiAccessToken } from '../identity/apiAccessTokens.ts';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../identity/accessTokens.ts';
import { findUser } from '../state/defenderTenant.ts';
import { sendControlError } from './controlErrors.ts';

interface DelegatedTokenBody {
  tenantId?: unknown;
  user?: unknown;
  clientId?: unknown;
  resource?: unknown;
  scopes?: unknown;
}

export function postDelegatedToken(context: EmulatorContext): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as DelegatedTokenBody;
    const fields = [body.tenantId, body.user, body.clientId, body.resource];
    const scopes = body.scopes;
    if (!fields.every((value) => typeof value === 'string') || !isStringList(scopes)) {
      const message = 'Send tenantId, user, clientId and resource as strings and scopes as a list';
      return sendControlError(res, 400, 'invalid', message);
    }
    const [tenantId, userRef, clientId, resource] = fields as string[];

    const tenant = context.state.tenant(tenantId ?? '');
    const user = tenant && findUser(tenant, userRef ?? '');
    const client = context.state.findClient(tenantId ?? '', clientId ?? '');
    const api = context.state.findApi(tenantId ?? '', resource ?? '');
    if (!tenant || !user || !client || !api) {
      const message = 'No such tenant, user, client or API in the tenant';
      return sendControlError(res, 404, 'notFound', message);
    }

    const token = await issueApiAccessToken(
      { api, client, delegated: { user, scopes } },
      context.signingKey,
      context.baseUrl,
      context.clock(),
    );
    res.json({
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      access_token: token,
    });
  };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
