/**
 * Rules on authentication: one security scheme (the platform uses only the first), every
 * requirement naming a defined scheme, empty scopes for non-OAuth schemes, and an API key
 * sent in a header.
 */
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';

export const securityRules: readonly ConnectorRule[] = [
  {
    id: 'SecurityDefinitions',
    check: ({ securityDefinitions, security }) => {
      const definitions = securityDefinitions ?? {};
      const names = Object.keys(definitions);
      const found: LintFinding[] = [];
      if (names.length === 0) {
        found.push(
          finding(
            'SecurityDefinitionsMissing',
            '#/securityDefinitions',
            'define how a connection authenticates',
          ),
        );
      }
      if (names.length > 1) {
        found.push(
          finding(
            'SecurityDefinitionsAmbiguous',
            '#/securityDefinitions',
            'only the first scheme is used; define one',
          ),
        );
      }
      for (const [name, definition] of Object.entries(definitions)) {
        if (definition['type'] === 'apiKey' && definition['in'] !== 'header') {
          found.push(
            finding(
              'ApiKeyNotInHeader',
              `#/securityDefinitions/${name}`,
              'send the key in a header',
            ),
          );
        }
        if (definition['type'] === 'oauth2' && definition['flow'] === 'application') {
          found.push(
            finding(
              'ClientCredentialsNotSupported',
              `#/securityDefinitions/${name}`,
              'custom connectors cannot use client credentials',
            ),
          );
        }
      }
      (security ?? []).forEach((requirement, index) => {
        for (const [name, scopes] of Object.entries(requirement)) {
          const definition = definitions[name];
          if (!definition) {
            found.push(
              finding(
                'SecurityRequirementUndefined',
                `#/security/${index}`,
                `'${name}' is not defined`,
              ),
            );
          } else if (definition['type'] !== 'oauth2' && scopes.length > 0) {
            found.push(
              finding(
                'SecurityScopesNotAllowed',
                `#/security/${index}`,
                `'${name}' takes no scopes`,
              ),
            );
          }
        }
      });
      return found;
    },
  },
];
