/**
 * The README of a playbook folder, written from the same spec as its template so the two
 * never disagree: overview, prerequisites, deployment (buttons and parameters),
 * post-deployment steps, permissions, usage and troubleshooting.
 */
import type { ArmTemplate } from '../../artifacts/armTemplate.ts';
import { deployButtons } from '../../artifacts/repository.ts';
import type { PlaybookSpec } from './playbookSpec.ts';

export function playbookReadme(spec: PlaybookSpec, template: ArmTemplate): string {
  const parameters = Object.entries(template.parameters).map(
    ([name, parameter]) =>
      `- \`${name}\` (${parameter.type}${parameter.defaultValue === undefined ? ', required' : ''}): ${parameter.metadata.description}`,
  );

  const sections = [
    `# ${spec.name}`,
    spec.description,
    '## Prerequisites',
    list(spec.prerequisites),
    '## Deployment',
    deployButtons(`playbooks/${spec.name}/azuredeploy.json`).join('\n'),
    `Or from a clone: \`incident-bridge playbooks deploy --resource-group <group> --playbook ${spec.name}\`, or \`az deployment group create -g <group> -f playbooks/${spec.name}/azuredeploy.json\`.`,
    'Parameters:',
    parameters.join('\n'),
    '## Post-deployment',
    numbered(spec.postDeployment),
    '## Permissions',
    list(permissions(spec)),
    '## Usage',
    list(spec.usage),
    '## Troubleshooting',
    list(troubleshooting(spec)),
  ];
  return `${sections.join('\n\n')}\n`;
}

function permissions(spec: PlaybookSpec): string[] {
  const granted: string[] = [];
  if (spec.usesSentinel) {
    granted.push(
      "The playbook's managed identity: Microsoft Sentinel Responder on the workspace " +
        '(it reads the incident and comments on it).',
      'The Azure Security Insights service principal: Microsoft Sentinel Automation ' +
        'Contributor on the resource group of the playbook.',
    );
  }
  granted.push(
    spec.bridgeAuth === 'connector'
      ? 'incident-bridge: an API key whose roles allow the calls (Incidents.Sync, Incidents.Enrich).'
      : "incident-bridge: the app role Incidents.Sync for the playbook's managed identity.",
    'Whoever deploys: Logic App Contributor on the resource group; Owner or User ' +
      'Access Administrator to assign the roles above.',
  );
  return granted;
}

function troubleshooting(spec: PlaybookSpec): string[] {
  const hints = [
    'Run `incident-bridge playbooks runs --resource-group <group>` to list recent ' +
      'runs with the failed actions and their error.',
  ];
  if (spec.usesSentinel) {
    hints.push(
      'The playbook is greyed out in the automation rule editor: the Automation ' +
        'Contributor role is missing on its resource group.',
      '"WorkflowManagedIdentityConfigurationInvalid" at deployment: the Sentinel ' +
        'connection and $connections disagree on managed identity; redeploy the template ' +
        'unchanged.',
    );
  }
  if (spec.bridgeAuth === 'connector') {
    hints.push(
      '"The API could not be found" at deployment: deploy the custom connector to this ' +
        'resource group first, with the same CustomConnectorName.',
      'Actions fail with 401: the connection has no API key, or a revoked one; edit the ' +
        'API connection.',
    );
  }
  return hints;
}

function list(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}
