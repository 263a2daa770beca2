/**
 * `deploy/role-assignments/azuredeploy.json`, deployed to the workspace's resource group:
 * Microsoft Sentinel Responder on the workspace for the API's identity and each playbook's,
 * and (in the playbooks' resource group) Microsoft Sentinel Automation Contributor for the
 * Azure Security Insights service principal, without which automation rules cannot run the
 * playbooks. Principal ids are parameters: they differ per tenant.
 */
import { DEPLOYMENT_TEMPLATE_SCHEMA, type ArmTemplate } from '../artifacts/armTemplate.ts';

export const SENTINEL_RESPONDER_ROLE = '3e150937-b8fe-4cfb-8069-0eccf23a5dc1';
export const SENTINEL_AUTOMATION_CONTRIBUTOR_ROLE = 'f4c81013-99ee-4d62-a7ee-b3f1f648599a';
const ROLE_ASSIGNMENTS_API_VERSION = '2022-04-01';
const WORKSPACE_SCOPE =
  "[concat('Microsoft.OperationalInsights/workspaces/', parameters('WorkspaceName'))]";

export function buildRoleAssignmentsTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: {
      title: 'incident-bridge role assignments',
      description: 'The Azure roles the API, the playbooks and Microsoft Sentinel need.',
    },
    parameters: {
      WorkspaceName: {
        type: 'string',
        metadata: { description: 'The Sentinel (Log Analytics) workspace in this resource group.' },
      },
      ApiPrincipalId: {
        type: 'string',
        metadata: {
          description:
            "Object id of the API's managed identity (output principalId of deploy/api).",
        },
      },
      PlaybookPrincipalIds: {
        type: 'array',
        defaultValue: [],
        metadata: { description: "Object ids of the playbooks' managed identities." },
      },
      SecurityInsightsPrincipalId: {
        type: 'string',
        metadata: {
          description:
            'Object id of the Azure Security Insights service principal in this tenant ' +
            '(Enterprise applications).',
        },
      },
      PlaybooksResourceGroupName: {
        type: 'string',
        defaultValue: '[resourceGroup().name]',
        metadata: { description: 'Resource group holding the playbooks.' },
      },
    },
    variables: {
      responderRoleId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${SENTINEL_RESPONDER_ROLE}')]`,
      automationContributorRoleId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${SENTINEL_AUTOMATION_CONTRIBUTOR_ROLE}')]`,
    },
    resources: [
      {
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: ROLE_ASSIGNMENTS_API_VERSION,
        name:
          "[guid(resourceGroup().id, parameters('WorkspaceName'), " +
          "parameters('ApiPrincipalId'), 'responder')]",
        scope: WORKSPACE_SCOPE,
        properties: {
          roleDefinitionId: "[variables('responderRoleId')]",
          principalId: "[parameters('ApiPrincipalId')]",
          principalType: 'ServicePrincipal',
        },
      },
      {
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: ROLE_ASSIGNMENTS_API_VERSION,
        name:
          "[guid(resourceGroup().id, parameters('WorkspaceName'), " +
          "parameters('PlaybookPrincipalIds')[copyIndex()], 'responder')]",
        scope: WORKSPACE_SCOPE,
        copy: { name: 'playbookResponders', count: "[length(parameters('PlaybookPrincipalIds'))]" },
        properties: {
          roleDefinitionId: "[variables('responderRoleId')]",
          principalId: "[parameters('PlaybookPrincipalIds')[copyIndex()]]",
          principalType: 'ServicePrincipal',
        },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'incident-bridge-automation-contributor',
        resourceGroup: "[parameters('PlaybooksResourceGroupName')]",
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: {
            principalId: { value: "[parameters('SecurityInsightsPrincipalId')]" },
            roleDefinitionId: { value: "[variables('automationContributorRoleId')]" },
          },
          template: {
            $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
            contentVersion: '1.0.0.0',
            parameters: {
              principalId: {
                type: 'string',
                metadata: { description: 'Azure Security Insights object id.' },
              },
              roleDefinitionId: {
                type: 'string',
                metadata: { description: 'The role to assign.' },
              },
            },
            resources: [
              {
                type: 'Microsoft.Authorization/roleAssignments',
                apiVersion: ROLE_ASSIGNMENTS_API_VERSION,
                name: "[guid(resourceGroup().id, parameters('principalId'), 'automation-contributor')]",
                properties: {
                  roleDefinitionId: "[parameters('roleDefinitionId')]",
                  principalId: "[parameters('principalId')]",
                  principalType: 'ServicePrincipal',
                },
              },
            ],
          },
        },
      },
    ],
  };
}
