/**
 * Sync-IncidentOnUpdate: when a Sentinel incident changes, incident-bridge syncs it with its
 * Defender twin. One run at a time, so two updates of one incident never race.
 */
import {
  API_KEY_STEP,
  API_PREREQUISITE,
  AUTOMATION_CONTRIBUTOR_STEP,
  CONNECTOR_PREREQUISITE,
  RESPONDER_STEP,
  automationRuleStep,
} from './commonSteps.ts';
import type { PlaybookSpec } from './playbookSpec.ts';
import {
  FAILED_STATES,
  INCIDENT_ARM_ID,
  bridgeAction,
  failureText,
  sentinelComment,
  sentinelIncidentTrigger,
} from './workflowActions.ts';

export const SYNC_RULE_NAME = 'incident-bridge: sync updated incidents';

export const syncIncidentOnUpdate: PlaybookSpec = {
  name: 'Sync-IncidentOnUpdate',
  description:
    'When a Microsoft Sentinel incident is updated, incident-bridge merges it with ' +
    'its Defender XDR twin and writes what changed on each side. If the sync fails, a ' +
    'comment on the incident says why.',
  tags: ['Sync', 'Incident management'],
  entities: [],
  prerequisites: [API_PREREQUISITE, CONNECTOR_PREREQUISITE],
  postDeployment: [
    API_KEY_STEP,
    RESPONDER_STEP,
    AUTOMATION_CONTRIBUTOR_STEP,
    automationRuleStep(SYNC_RULE_NAME),
  ],
  usage: [
    'The automation rule runs it when an open incident from Defender XDR changes; it ' +
      'can also be run by hand from an incident.',
    'The sync result (what changed on each side, and why) is the output of the Sync ' +
      'incident action; nothing is commented on success.',
  ],
  bridgeAuth: 'connector',
  usesSentinel: true,
  parameters: {},
  workflowParameters: {},
  triggers: { Microsoft_Sentinel_incident: sentinelIncidentTrigger({ singleRun: true }) },
  actions: {
    Sync_incident: bridgeAction('post', '/sync/sentinel-incident', {
      incidentArmId: INCIDENT_ARM_ID,
    }),
    Comment_sync_failure: sentinelComment(
      `<p>incident-bridge could not sync this incident with Defender XDR. ${failureText('Sync_incident')}</p>`,
      { Sync_incident: FAILED_STATES },
    ),
  },
};
