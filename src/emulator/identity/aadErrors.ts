/**
 * Error answers of the Entra ID v2.0 endpoints: the OAuth `error` code, an `AADSTS` number
 * and description (what MSAL surfaces in its exceptions), plus trace and correlation ids.
 * Codes follow https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 */
import type { Response } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { newGuid } from '../ids.ts';

export interface AadError {
  status: number;
  /** OAuth 2.0 error code, e.g. `invalid_client`. */
  error: string;
  aadsts: number;
  description: string;
}

export const aadErrors = {
  tenantNotFound: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_tenant',
    aadsts: 90002,
    description: `Tenant '${tenant}' not found. Check that the tenant ID is correct.`,
  }),
  unsupportedGrantType: (grantType: string): AadError => ({
    status: 400,
    error: 'unsupported_grant_type',
    aadsts: 70003,
    description: `The app requested an unsupported grant type '${grantType}'.`,
  }),
  missingParameter: (name: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    aadsts: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  }),
  unknownClient: (clientId: string, tenant: string): AadError => ({
    status: 400,
    error: 'unauthorized_client',
    aadsts: 700016,
    description:
      `Application with identifier '${clientId}' was not found in the directory ` + `'${tenant}'.`,
  }),
  missingCredential: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    aadsts: 7000218,
    description: "The request body must contain 'client_assertion' or 'client_secret'.",
  }),
  invalidSecret: (clientId: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    aadsts: 7000215,
    description: `Invalid client secret provided for app '${clientId}'.`,
  }),
  invalidAssertion: (reason: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    aadsts: 700027,
    description: `Client assertion failed validation: ${reason}.`,
  }),
  invalidScope: (scope: string): AadError => ({
    status: 400,
    error: 'invalid_scope',
    aadsts: 1002012,
    description: `Scope '${scope}' is not valid; client credentials need a '/.default' scope.`,
  }),
  unknownResource: (scope: string, tenant: string): AadError => ({
    status: 400,
    error: 'invalid_resource',
    aadsts: 500011,
    description: `The resource principal named '${scope}' was not found in the tenant '${tenant}'.`,
  }),
} as const;

export function sendAadError(res: Response, failure: AadError, context: EmulatorContext): void {
  const now = context.clock();
  const traceId = newGuid();
  const correlationId = newGuid();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

  res.status(failure.status).json({
    error: failure.error,
    error_description:
      `AADSTS${failure.aadsts}: ${failure.description}\r\n` +
      `Trace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [failure.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${context.baseUrl}/error?code=${failure.aadsts}`,
  });
}
