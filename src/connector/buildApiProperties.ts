/**
 * `apiProperties.json`: how a connection to the connector is made. The API key variant asks
 * for the key as a secure string (sent in the header the Swagger names); the Entra ID variant
 * signs the user in through the `aad` identity provider and asks for a token for the API's
 * App ID URI. Ids are placeholders: the client secret is supplied at create time, never
 * committed.
 */
import {
  CLIENT_ID_PLACEHOLDER,
  CONNECTOR_BRAND_COLOR,
  CONNECTOR_PUBLISHER,
  ENTRA_LOGIN_URI,
  GLOBAL_CONSENT_REDIRECT,
  RESOURCE_URI_PLACEHOLDER,
  type ConnectorAuthMode,
} from './connectorSettings.ts';

export interface ApiProperties {
  properties: {
    iconBrandColor: string;
    capabilities: string[];
    publisher: string;
    connectionParameters: Record<string, Record<string, unknown>>;
    policyTemplateInstances: unknown[];
  };
}

export function buildApiProperties(auth: ConnectorAuthMode): ApiProperties {
  return {
    properties: {
      iconBrandColor: CONNECTOR_BRAND_COLOR,
      capabilities: ['actions'],
      publisher: CONNECTOR_PUBLISHER,
      connectionParameters: auth === 'apiKey' ? apiKeyParameters() : entraIdParameters(),
      policyTemplateInstances: [],
    },
  };
}

export function apiKeyParameters(): Record<string, Record<string, unknown>> {
  return {
    api_key: {
      type: 'securestring',
      uiDefinition: {
        displayName: 'API key',
        description: 'The incident-bridge API key of this connection',
        tooltip: 'Ask the incident-bridge operator for a key; it is sent in the X-API-Key header',
        constraints: { required: 'true', clearText: false, tabIndex: 2 },
      },
    },
  };
}

/** What differs per install; the files hold placeholders, ARM passes its parameters. */
export interface EntraIdValues {
  clientId: string;
  resourceUri: string;
  clientSecret?: string;
}

const PLACEHOLDERS: EntraIdValues = {
  clientId: CLIENT_ID_PLACEHOLDER,
  resourceUri: RESOURCE_URI_PLACEHOLDER,
};

export function entraIdParameters(
  values: EntraIdValues = PLACEHOLDERS,
): Record<string, Record<string, unknown>> {
  return {
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'aad',
        clientId: values.clientId,
        ...(values.clientSecret === undefined ? {} : { clientSecret: values.clientSecret }),
        scopes: [],
        redirectMode: 'Global',
        redirectUrl: GLOBAL_CONSENT_REDIRECT,
        properties: { IsFirstParty: 'False' },
        customParameters: {
          loginUri: { value: ENTRA_LOGIN_URI },
          tenantId: { value: 'common' },
          resourceUri: { value: values.resourceUri },
        },
      },
      uiDefinition: {
        displayName: 'Sign in with Entra ID',
        description: 'Sign in with an account that may use incident-bridge',
        tooltip: 'The API checks the token audience, tenant and roles',
        constraints: { required: 'true' },
      },
    },
    'token:TenantId': {
      type: 'string',
      metadata: { sourceType: 'AzureActiveDirectoryTenant' },
      // The platform fills it from the sign-in; its UI text is fixed by the schema.
      uiDefinition: {
        displayName: 'Tenant',
        description: 'The tenant ID of for the Azure Active Directory application',
        constraints: { hidden: 'true', required: 'false' },
      },
    },
  };
}
