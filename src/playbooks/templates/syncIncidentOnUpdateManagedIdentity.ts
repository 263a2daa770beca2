/**
 * Sync-IncidentOnUpdate-ManagedIdentity: the same sync, called with the playbook's managed
 * identity instead of the connector. The API gets an app-only Entra ID token (app role
 * Incidents.Sync) and no key has to be stored or rotated.
 */
import {
  API_PREREQUISITE,
  AUTOMATION_CONTRIBUTOR_STEP,
  RESPONDER_STEP,
  automationRuleStep,
} from './commonSteps.ts';
import type { PlaybookSpec } from './playbookSpec.ts';
import { SYNC_RULE_NAME } from './syncIncidentOnUpdate.ts';
import {
  FAILED_STATES,
  INCIDENT_ARM_ID,
  bridgeHttpAction,
  failureText,
  sentinelComment,
  sentinelIncidentTrigger,
} from './workflowActions.ts';

export const syncIncidentOnUpdateManagedIdentity: PlaybookSpec = {
  name: 'Sync-IncidentOnUpdate-ManagedIdentity',
  description:
    "When a Microsoft Sentinel incident is updated, the playbook's managed identity " +
    'calls incident-bridge to sync it with its Defender XDR twin. If the sync fails, ' +
    'a comment on the incident says why.',
  tags: ['Sync', 'Incident management'],
  entities: [],
  prerequisites: [
    API_PREREQUISITE,
    'incident-bridge accepts Entra ID tokens: its app registration has an App ID URI ' +
      'and the app role Incidents.Sync.',
  ],
  postDeployment: [
    "Grant the playbook's managed identity the app role Incidents.Sync on the " +
      'incident-bridge app (deploy/grant-permissions.sh --playbook-identity).',
    RESPONDER_STEP,
    AUTOMATION_CONTRIBUTOR_STEP,
    automationRuleStep(SYNC_RULE_NAME),
  ],
  usage: [
    'Use it instead of Sync-IncidentOnUpdate where connections must not hold an API ' +
      'key; attach it to the same automation rule.',
    'The HTTP action shows the sync result; a 401 or 403 means the token audience or ' +
      'the app role is wrong.',
  ],
  bridgeAuth: 'managedIdentity',
  usesSentinel: true,
  parameters: {
    HostName: {
      type: 'string',
      metadata: { description: 'Host name of the incident-bridge API, without https://.' },
    },
    ApiAudience: {
      type: 'string',
      metadata: {
        description:
          'App ID URI of the incident-bridge app registration, exactly as registered (e.g. ' +
          'api://incident-bridge).',
      },
    },
  },
  workflowParameters: {
    HostName: {
      type: 'String',
      value: "[parameters('HostName')]",
      description: 'Host name of the incident-bridge API.',
    },
    ApiAudience: {
      type: 'String',
      value: "[parameters('ApiAudience')]",
      description: 'Audience of the managed identity token.',
    },
  },
  triggers: { Microsoft_Sentinel_incident: sentinelIncidentTrigger({ singleRun: true }) },
  actions: {
    Sync_incident: bridgeHttpAction('POST', '/sync/sentinel-incident', {
      incidentArmId: INCIDENT_ARM_ID,
    }),
    Comment_sync_failure: sentinelComment(
      `<p>incident-bridge could not sync this incident with Defender XDR. ${failureText('Sync_incident')}</p>`,
      { Sync_incident: FAILED_STATES },
    ),
  },
};
