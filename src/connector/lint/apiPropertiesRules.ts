/**
 * Rules on `apiProperties.json`: a brand colour that certification accepts, capabilities,
 * connection parameters with a UI definition, an `aad` provider with its resource URI and a
 * hidden tenant claim, and no committed client ids or secrets.
 */
import { finding, type LintFinding } from '../../lint/lintFinding.ts';

const FORBIDDEN_COLORS = new Set(['#007ee5', '#ffffff']);
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const PARAMETER_TYPES = new Set([
  'string',
  'securestring',
  'int',
  'bool',
  'gatewaySetting',
  'oauthSetting',
]);

type Json = Record<string, unknown>;

export function lintApiProperties(file: unknown): LintFinding[] {
  const properties = ((file as Json | null)?.['properties'] ?? {}) as Json;
  const found: LintFinding[] = [];

  const color = String(properties['iconBrandColor'] ?? '');
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    found.push(
      finding('IconBrandColor', '#/properties/iconBrandColor', 'a #rrggbb colour is required'),
    );
  } else if (FORBIDDEN_COLORS.has(color.toLowerCase())) {
    found.push(
      finding('IconBrandColor', '#/properties/iconBrandColor', `${color} is not accepted`),
    );
  }

  if (!Array.isArray(properties['capabilities'])) {
    found.push(
      finding(
        'Capabilities',
        '#/properties/capabilities',
        'list the capabilities, e.g. ["actions"]',
      ),
    );
  }

  const parameters = (properties['connectionParameters'] ?? {}) as Record<string, Json>;
  if (Object.keys(parameters).length === 0) {
    found.push(
      finding(
        'ConnectionParametersMissing',
        '#/properties/connectionParameters',
        'a connection needs parameters',
      ),
    );
  }
  for (const [name, parameter] of Object.entries(parameters)) {
    found.push(...checkParameter(name, parameter, parameters));
  }

  const text = JSON.stringify(file);
  if (GUID.test(text)) {
    found.push(finding('CommittedIdentifier', '#', 'holds a GUID; use a placeholder for ids'));
  }
  if (/"clientSecret"\s*:/.test(text)) {
    found.push(finding('CommittedSecret', '#', 'holds a clientSecret; supply it at create time'));
  }
  return found;
}

function checkParameter(name: string, parameter: Json, all: Record<string, Json>): LintFinding[] {
  const at = `#/properties/connectionParameters/${name.replaceAll('/', '~1')}`;
  const found: LintFinding[] = [];
  const type = String(parameter['type'] ?? '');
  if (!PARAMETER_TYPES.has(type))
    found.push(
      finding('ConnectionParameterType', `${at}/type`, `'${type}' is not a parameter type`),
    );
  if (typeof parameter['uiDefinition'] !== 'object') {
    found.push(
      finding('ConnectionParameterUi', at, 'needs a uiDefinition with displayName and description'),
    );
  }

  if (type !== 'oauthSetting') return found;
  const settings = (parameter['oAuthSettings'] ?? {}) as Json;
  if (settings['identityProvider'] === 'aad') {
    const custom = (settings['customParameters'] ?? {}) as Record<string, Json>;
    if (!custom['resourceUri']?.['value']) {
      found.push(
        finding(
          'AadResourceUri',
          `${at}/oAuthSettings/customParameters`,
          'aad needs resourceUri (the API App ID URI)',
        ),
      );
    }
    if (!all['token:TenantId']) {
      found.push(
        finding(
          'AadTenantClaim',
          '#/properties/connectionParameters',
          "add the hidden 'token:TenantId' parameter",
        ),
      );
    }
  }
  if (!settings['redirectUrl'] && settings['redirectMode'] !== 'GlobalPerConnector') {
    found.push(
      finding('OAuthRedirect', `${at}/oAuthSettings`, 'set the redirectUrl the client app lists'),
    );
  }
  return found;
}
