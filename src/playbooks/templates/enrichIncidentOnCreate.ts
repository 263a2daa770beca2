/**
 * Enrich-IncidentOnCreate: when an incident is created, incident-bridge gathers its entities'
 * context and writes it back as a comment and labels (writing twice adds nothing).
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

export const ENRICH_RULE_NAME = 'incident-bridge: enrich new incidents';

export const enrichIncidentOnCreate: PlaybookSpec = {
  name: 'Enrich-IncidentOnCreate',
  description:
    'When a Microsoft Sentinel incident is created, incident-bridge looks up its ' +
    'entities (accounts, hosts, IPs, URLs, file hashes) and writes the result back as ' +
    'a comment and labels. If enrichment fails, a comment on the incident says why.',
  tags: ['Enrichment'],
  entities: ['Account', 'Host', 'IP', 'URL', 'FileHash'],
  prerequisites: [API_PREREQUISITE, CONNECTOR_PREREQUISITE],
  postDeployment: [
    API_KEY_STEP,
    RESPONDER_STEP,
    AUTOMATION_CONTRIBUTOR_STEP,
    automationRuleStep(ENRICH_RULE_NAME),
  ],
  usage: [
    'The automation rule runs it for every new incident; it can also be run by hand ' +
      'from an incident.',
    'incident-bridge writes the comment and labels itself, so running it again adds nothing new.',
  ],
  bridgeAuth: 'connector',
  usesSentinel: true,
  parameters: {
    WriteSentinelComment: {
      type: 'bool',
      defaultValue: true,
      metadata: { description: 'Write the enrichment as a comment on the Sentinel incident.' },
    },
    WriteSentinelLabels: {
      type: 'bool',
      defaultValue: true,
      metadata: { description: "Add the verdict's labels to the Sentinel incident." },
    },
    WriteDefenderComment: {
      type: 'bool',
      defaultValue: false,
      metadata: { description: 'Also write the enrichment as a comment on the Defender incident.' },
    },
  },
  workflowParameters: {
    WriteSentinelComment: {
      type: 'Bool',
      value: "[parameters('WriteSentinelComment')]",
      description: 'Write a Sentinel comment.',
    },
    WriteSentinelLabels: {
      type: 'Bool',
      value: "[parameters('WriteSentinelLabels')]",
      description: 'Add Sentinel labels.',
    },
    WriteDefenderComment: {
      type: 'Bool',
      value: "[parameters('WriteDefenderComment')]",
      description: 'Write a Defender comment.',
    },
  },
  triggers: { Microsoft_Sentinel_incident: sentinelIncidentTrigger({ singleRun: false }) },
  actions: {
    Enrich_incident: bridgeAction('post', '/enrichments', {
      incidentArmId: INCIDENT_ARM_ID,
      writeSentinelComment: "@parameters('WriteSentinelComment')",
      writeSentinelLabels: "@parameters('WriteSentinelLabels')",
      writeDefenderComment: "@parameters('WriteDefenderComment')",
    }),
    Comment_enrichment_failure: sentinelComment(
      `<p>incident-bridge could not enrich this incident. ${failureText('Enrich_incident')}</p>`,
      { Enrich_incident: FAILED_STATES },
    ),
  },
};
