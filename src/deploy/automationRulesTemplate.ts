/**
 * `deploy/automation-rules/azuredeploy.json`, deployed to the workspace's resource group: the
 * Sentinel automation rules that run the playbooks. New incidents are enriched; open
 * incidents from Defender XDR are synced when they change; closing one pushes the close to
 * Defender. The reconcile playbook runs on its own schedule and needs no rule.
 */
import {
  DEPLOYMENT_TEMPLATE_SCHEMA,
  type ArmResource,
  type ArmTemplate,
} from '../artifacts/armTemplate.ts';
import { CLOSE_RULE_NAME } from '../playbooks/templates/closeDefenderIncidentOnClose.ts';
import { ENRICH_RULE_NAME } from '../playbooks/templates/enrichIncidentOnCreate.ts';
import { SYNC_RULE_NAME } from '../playbooks/templates/syncIncidentOnUpdate.ts';

export const AUTOMATION_RULES_API_VERSION = '2025-09-01';

interface RuleSpec {
  key: string;
  displayName: string;
  order: number;
  triggersWhen: 'Created' | 'Updated';
  conditions: unknown[];
  playbookParameter: string;
}

const FROM_DEFENDER = {
  conditionType: 'Property',
  conditionProperties: {
    propertyName: 'IncidentProviderName',
    operator: 'Equals',
    propertyValues: "[parameters('DefenderProviderNames')]",
  },
};

const RULES: RuleSpec[] = [
  {
    key: 'enrich',
    displayName: ENRICH_RULE_NAME,
    order: 10,
    triggersWhen: 'Created',
    conditions: [],
    playbookParameter: 'EnrichPlaybookName',
  },
  {
    key: 'sync',
    displayName: SYNC_RULE_NAME,
    order: 20,
    triggersWhen: 'Updated',
    conditions: [
      FROM_DEFENDER,
      {
        conditionType: 'Property',
        conditionProperties: {
          propertyName: 'IncidentStatus',
          operator: 'Equals',
          propertyValues: ['New', 'Active'],
        },
      },
    ],
    playbookParameter: 'SyncPlaybookName',
  },
  {
    key: 'close',
    displayName: CLOSE_RULE_NAME,
    order: 30,
    triggersWhen: 'Updated',
    conditions: [
      FROM_DEFENDER,
      {
        conditionType: 'PropertyChanged',
        conditionProperties: {
          propertyName: 'IncidentStatus',
          changeType: 'ChangedTo',
          operator: 'Equals',
          propertyValues: ['Closed'],
        },
      },
    ],
    playbookParameter: 'ClosePlaybookName',
  },
];

export function buildAutomationRulesTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: {
      title: 'incident-bridge automation rules',
      description: 'Sentinel automation rules that run the incident-bridge playbooks.',
    },
    parameters: {
      WorkspaceName: {
        type: 'string',
        metadata: { description: 'The Sentinel (Log Analytics) workspace in this resource group.' },
      },
      PlaybooksResourceGroupName: {
        type: 'string',
        defaultValue: '[resourceGroup().name]',
        metadata: { description: 'Resource group holding the playbooks.' },
      },
      EnrichPlaybookName: {
        type: 'string',
        defaultValue: 'Enrich-IncidentOnCreate',
        metadata: { description: 'PlaybookName given to Enrich-IncidentOnCreate.' },
      },
      SyncPlaybookName: {
        type: 'string',
        defaultValue: 'Sync-IncidentOnUpdate',
        metadata: {
          description:
            'PlaybookName given to Sync-IncidentOnUpdate (or its managed identity variant).',
        },
      },
      ClosePlaybookName: {
        type: 'string',
        defaultValue: 'Close-DefenderIncidentOnClose',
        metadata: { description: 'PlaybookName given to Close-DefenderIncidentOnClose.' },
      },
      DefenderProviderNames: {
        type: 'array',
        defaultValue: ['Microsoft XDR'],
        metadata: {
          description: 'Incident provider names of incidents that come from Defender XDR.',
        },
      },
    },
    resources: RULES.map(automationRule),
  };
}

function automationRule(rule: RuleSpec): ArmResource {
  return {
    type: 'Microsoft.SecurityInsights/automationRules',
    apiVersion: AUTOMATION_RULES_API_VERSION,
    name: `[guid(resourceGroup().id, parameters('WorkspaceName'), 'incident-bridge-${rule.key}')]`,
    scope: "[concat('Microsoft.OperationalInsights/workspaces/', parameters('WorkspaceName'))]",
    properties: {
      displayName: rule.displayName,
      order: rule.order,
      triggeringLogic: {
        isEnabled: true,
        triggersOn: 'Incidents',
        triggersWhen: rule.triggersWhen,
        conditions: rule.conditions,
      },
      actions: [
        {
          order: 1,
          actionType: 'RunPlaybook',
          actionConfiguration: {
            logicAppResourceId: `[resourceId(parameters('PlaybooksResourceGroupName'), 'Microsoft.Logic/workflows', parameters('${rule.playbookParameter}'))]`,
            tenantId: '[subscription().tenantId]',
          },
        },
      ],
    },
  };
}
