/**
 * Close-DefenderIncidentOnClose: when a Sentinel incident is closed, incident-bridge pushes
 * the mapped classification and status to the Defender twin, and the playbook comments the
 * outcome (which Defender fields changed) on the Sentinel incident.
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

export const CLOSE_RULE_NAME = 'incident-bridge: close Defender incidents';

const OUTCOME_COMMENT =
  "<p>incident-bridge: Defender XDR incident @{body('Push_close_to_Defender')?['defenderIncidentId']} " +
  "@{if(body('Push_close_to_Defender')?['defender']?['written'], 'was updated', 'needed no change')} " +
  "(outcome @{body('Push_close_to_Defender')?['outcome']}).</p>" +
  "<p>@{join(body('Describe_Defender_changes'), '<br>')}</p>";

export const closeDefenderIncidentOnClose: PlaybookSpec = {
  name: 'Close-DefenderIncidentOnClose',
  description:
    'When a Microsoft Sentinel incident is closed, incident-bridge resolves its ' +
    'Defender XDR twin with the mapped classification and determination, and the ' +
    'playbook comments on the Sentinel incident what changed in Defender. If the push ' +
    'fails, the comment says why.',
  tags: ['Sync', 'Incident management'],
  entities: [],
  prerequisites: [API_PREREQUISITE, CONNECTOR_PREREQUISITE],
  postDeployment: [
    API_KEY_STEP,
    RESPONDER_STEP,
    AUTOMATION_CONTRIBUTOR_STEP,
    automationRuleStep(CLOSE_RULE_NAME),
  ],
  usage: [
    'The automation rule runs it when an incident from Defender XDR is closed.',
    'A comment on the Sentinel incident lists the Defender fields that changed ' +
      '(status, classification, determination).',
  ],
  bridgeAuth: 'connector',
  usesSentinel: true,
  parameters: {},
  workflowParameters: {},
  triggers: { Microsoft_Sentinel_incident: sentinelIncidentTrigger({ singleRun: true }) },
  actions: {
    Push_close_to_Defender: bridgeAction('post', '/sync/sentinel-incident', {
      incidentArmId: INCIDENT_ARM_ID,
    }),
    Describe_Defender_changes: {
      type: 'Select',
      inputs: {
        from: "@body('Push_close_to_Defender')?['defender']?['changes']",
        select: "@concat(item()?['field'], ': ', item()?['before'], ' to ', item()?['after'])",
      },
      runAfter: { Push_close_to_Defender: ['Succeeded'] },
    },
    Comment_outcome: sentinelComment(OUTCOME_COMMENT, { Describe_Defender_changes: ['Succeeded'] }),
    Comment_close_failure: sentinelComment(
      `<p>incident-bridge could not close the Defender XDR incident. ${failureText('Push_close_to_Defender')}</p>`,
      { Push_close_to_Defender: FAILED_STATES },
    ),
  },
};
