/** Prerequisites and post-deployment steps the playbooks share, in the order an admin acts. */

export const CONNECTOR_PREREQUISITE =
  'Deploy the incident-bridge custom connector (deploy/custom-connector) to the ' +
  'same resource group first.';
export const API_PREREQUISITE =
  'incident-bridge is deployed and reachable over HTTPS (deploy/api), with at least ' +
  'one pair configured.';

export const RESPONDER_STEP =
  "Assign the playbook's managed identity the Microsoft Sentinel Responder role on " +
  'the workspace (deploy/role-assignments).';
export const AUTOMATION_CONTRIBUTOR_STEP =
  'Give the Azure Security Insights service principal the Microsoft Sentinel ' +
  'Automation Contributor role on this resource group, so automation rules can run ' +
  'the playbook.';
export const API_KEY_STEP =
  'If no ApiKey was given at deployment: open the API connection named ' +
  'incidentbridge-{PlaybookName}, choose Edit API connection, enter the key and ' +
  'save.';

export function automationRuleStep(rule: string): string {
  return `Create the automation rule "${rule}" (deploy/automation-rules) or attach the playbook to a rule of your own.`;
}
