/**
 * `POST /{tenant}/oauth2/v2.0/token` for the client-credentials grant, with a client secret
 * or a client assertion (certificate credential). Failures answer with the AADSTS errors
 * MSAL knows.
 */
import { timingSafeEqual } from 'node:crypto';

import type { Request, RequestHandler, Response } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import type { EmulatorClient } from '../state/appPrincipal.ts';
import { aadErrors, sendAadError, type AadError } from './aadErrors.ts';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  issueAccessToken,
  type ClientAuthenticationMethod,
} from './accessTokens.ts';
import { issueApiAccessToken } from './apiAccessTokens.ts';
import { checkClientAssertion } from './clientAssertion.ts';
import { resolveClientCredentialsScope } from './resources.ts';

const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export function postToken(context: EmulatorContext): RequestHandler {
  return async (req, res) => {
    const tenantSegment = String(req.params['tenant']);
    const form = formOf(req);
    const fail = (failure: AadError) => sendAadError(res, failure, context);

    const tenant = context.state.tenant(tenantSegment);
    if (!tenant) return fail(aadErrors.tenantNotFound(tenantSegment));

    const grantType = form['grant_type'] ?? '';
    if (grantType !== 'client_credentials') return fail(aadErrors.unsupportedGrantType(grantType));

    const clientId = form['client_id'];
    if (!clientId) return fail(aadErrors.missingParameter('client_id'));
    res.locals['clientId'] = clientId;

    const client = context.state.findClient(tenant.tenantId, clientId);
    if (!client) return fail(aadErrors.unknownClient(clientId, tenantSegment));

    const method = await authenticateClient(form, client, tenantSegment, context.clock());
    if (typeof method !== 'string') return fail(method);

    const scope = resolveClientCredentialsScope(form['scope'] ?? '');
    if (!scope.ok && scope.problem === 'notDefaultScope') {
      return fail(aadErrors.invalidScope(scope.scope));
    }
    if (!scope.ok) {
      const api = context.state.findApi(tenant.tenantId, scope.scope.slice(0, -'/.default'.length));
      if (!api) return fail(aadErrors.unknownResource(scope.scope, tenantSegment));
      const apiToken = await issueApiAccessToken(
        { api, client },
        context.signingKey,
        context.baseUrl,
        context.clock(),
      );
      return sendToken(res, apiToken);
    }

    const token = await issueAccessToken(
      { client, audience: scope.audience, method },
      context.signingKey,
      context.baseUrl,
      context.clock(),
    );
    sendToken(res, token);
  };
}

async function authenticateClient(
  form: Record<string, string>,
  client: EmulatorClient,
  tenantSegment: string,
  now: Date,
): Promise<ClientAuthenticationMethod | AadError> {
  const secret = form['client_secret'];
  if (secret !== undefined) {
    return client.clientSecret && sameSecret(secret, client.clientSecret)
      ? 'secret'
      : aadErrors.invalidSecret(client.clientId);
  }

  const assertion = form['client_assertion'];
  if (assertion === undefined) return aadErrors.missingCredential();
  if (form['client_assertion_type'] !== JWT_BEARER_ASSERTION) {
    return aadErrors.missingParameter('client_assertion_type');
  }

  const check = await checkClientAssertion(assertion, client, tenantSegment, now);
  return check.ok ? 'certificate' : aadErrors.invalidAssertion(check.reason);
}

function sendToken(res: Response, accessToken: string): void {
  res.set('Cache-Control', 'no-store, no-cache');
  res.json({
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
  });
}

/** The urlencoded form as single strings; repeated keys keep their first value. */
function formOf(req: Request): Record<string, string> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return {};

  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') form[key] = first;
  }
  return form;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
