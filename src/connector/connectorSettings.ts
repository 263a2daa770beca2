/**
 * The connector-wide choices that are not in the contract: where the API is reached, how a
 * connection authenticates and how the connector looks. Values that differ per install
 * (host, client ids, App ID URI) are placeholders here; the deploy templates replace them
 * with parameters.
 */

/** A bare host, as Swagger wants it; ARM deployments set the real one. */
export const CONNECTOR_HOST_PLACEHOLDER = 'incident-bridge.example.com';

/** The header the API reads its key from (see the API's authentication). */
export const API_KEY_HEADER = 'X-API-Key';

/** Certified connectors may not use #007ee5 or #ffffff; any other colour is allowed. */
export const CONNECTOR_BRAND_COLOR = '#1f4e79';

export const CONNECTOR_PUBLISHER = 'incident-bridge maintainers';

/** Entra ID redirect of the Global redirect mode; the client app must list it. */
export const GLOBAL_CONSENT_REDIRECT = 'https://global.consent.azure-apim.net/redirect';

export const ENTRA_LOGIN_URI = 'https://login.microsoftonline.com';

/** Placeholders an admin replaces; never real ids or secrets in the repository. */
export const CLIENT_ID_PLACEHOLDER = '__CONNECTOR_CLIENT_APP_ID__';
export const RESOURCE_URI_PLACEHOLDER = '__API_APP_ID_URI__';

/** How a connection authenticates: each variant is one folder of connector files. */
export type ConnectorAuthMode = 'apiKey' | 'entraId';

export const CONNECTOR_AUTH_MODES: readonly ConnectorAuthMode[] = ['apiKey', 'entraId'];

/** The security scheme name, as the designer shows it when a connection is made. */
export const SECURITY_SCHEME_NAME: Readonly<Record<ConnectorAuthMode, string>> = {
  apiKey: 'API Key',
  entraId: 'Entra ID',
};

export function securityDefinitionFor(mode: ConnectorAuthMode): Record<string, unknown> {
  if (mode === 'apiKey') return { type: 'apiKey', in: 'header', name: API_KEY_HEADER };

  // The platform reads the real OAuth settings from apiProperties; Swagger holds a
  // placeholder flow that names the Entra ID endpoints.
  return {
    type: 'oauth2',
    flow: 'accessCode',
    authorizationUrl: `${ENTRA_LOGIN_URI}/common/oauth2/authorize`,
    tokenUrl: `${ENTRA_LOGIN_URI}/common/oauth2/token`,
    scopes: {},
  };
}
