/**
 * The documents MSAL reads before asking for a token: the tenant's OpenID configuration,
 * the signing keys (JWKS) it points to, and the instance-discovery answer of `/common`
 * (only fetched when a client leaves instance discovery on).
 */
import type { RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { aadErrors, sendAadError } from './aadErrors.ts';
import { tenantIssuer } from './accessTokens.ts';
import { tenantIssuerV1 } from './apiAccessTokens.ts';

/** Tenant segments that name no single tenant but still have a configuration document. */
const MULTI_TENANT_SEGMENTS = ['common', 'organizations'];

export function getOpenIdConfiguration(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const segment = String(req.params['tenant']);
    const multiTenant = MULTI_TENANT_SEGMENTS.includes(segment.toLowerCase());
    const tenant = context.state.tenant(segment);
    if (!tenant && !multiTenant) {
      return sendAadError(res, aadErrors.tenantNotFound(segment), context);
    }

    const base = `${context.baseUrl}/${segment}`;
    res.json({
      issuer: tenantIssuer(context.baseUrl, tenant?.tenantId ?? '{tenantid}'),
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      request_uri_parameter_supported: false,
      tenant_region_scope: null,
      cloud_instance_name: 'microsoftonline.com',
    });
  };
}

/**
 * The v1 document (`/{tenant}/.well-known/openid-configuration`): v1 issuer, same keys.
 * Resource servers that accept v1 tokens read their keys from here.
 */
export function getOpenIdConfigurationV1(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const segment = String(req.params['tenant']);
    const tenant = context.state.tenant(segment);
    if (!tenant) return sendAadError(res, aadErrors.tenantNotFound(segment), context);

    const base = `${context.baseUrl}/${segment}`;
    res.json({
      issuer: tenantIssuerV1(tenant.tenantId),
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      jwks_uri: `${base}/discovery/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['pairwise'],
      cloud_instance_name: 'microsoftonline.com',
    });
  };
}

export function getSigningKeys(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    res.json({ keys: [context.signingKey.publicJwk] });
  };
}

/** `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...` */
export function getInstanceDiscovery(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const host = new URL(context.baseUrl).host;
    const authorizationEndpoint = String(req.query['authorization_endpoint'] ?? '');
    const tenant = /\/([^/]+)\/oauth2\//.exec(authorizationEndpoint)?.[1] ?? 'common';

    res.json({
      tenant_discovery_endpoint:
        `${context.baseUrl}/${tenant}/v2.0/.well-known/` + 'openid-configuration',
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  };
}
