/**
 * Reconcile-Scheduled: on a recurrence, incident-bridge compares every pair whole and queues
 * a sync for what drifted, because update-triggered automation rules sometimes do not fire.
 * There is no incident to comment on, so a failure ends the run as Failed with the reason,
 * which `incident-bridge playbooks runs` and the run history show.
 */
import { API_KEY_STEP, API_PREREQUISITE, CONNECTOR_PREREQUISITE } from './commonSteps.ts';
import type { PlaybookSpec } from './playbookSpec.ts';
import { FAILED_STATES, bridgeAction, failureText, recurrenceTrigger } from './workflowActions.ts';

export const reconcileScheduled: PlaybookSpec = {
  name: 'Reconcile-Scheduled',
  description:
    'On a schedule, incident-bridge reconciles every configured pair: it compares the ' +
    'Defender XDR and Microsoft Sentinel incidents whole, links twins it finds and ' +
    'queues a sync for each pair that drifted. Runs never overlap.',
  tags: ['Sync'],
  entities: [],
  prerequisites: [API_PREREQUISITE, CONNECTOR_PREREQUISITE],
  postDeployment: [
    API_KEY_STEP,
    'Nothing else: the recurrence starts the playbook; no automation rule or Sentinel ' +
      'role is needed.',
  ],
  usage: [
    'The recurrence starts it every ReconcileIntervalMinutes; runs never overlap.',
    'The Reconcile all pairs action returns, per pair, how many incidents were ' +
      'compared, linked and queued for a sync.',
  ],
  bridgeAuth: 'connector',
  usesSentinel: false,
  parameters: {
    ReconcileIntervalMinutes: {
      type: 'int',
      defaultValue: 60,
      minValue: 5,
      maxValue: 1440,
      metadata: { description: 'Minutes between two reconcile sweeps.' },
    },
  },
  workflowParameters: {},
  triggers: { Every_interval: recurrenceTrigger('ReconcileIntervalMinutes') },
  actions: {
    Reconcile_all_pairs: bridgeAction('post', '/sync/reconcile', {}),
    Fail_with_reason: {
      type: 'Terminate',
      inputs: {
        runStatus: 'Failed',
        runError: {
          code: "@{coalesce(body('Reconcile_all_pairs')?['code'], 'reconcile_failed')}",
          message: `incident-bridge could not reconcile the pairs. ${failureText('Reconcile_all_pairs')}`,
        },
      },
      runAfter: { Reconcile_all_pairs: FAILED_STATES },
    },
  },
};
