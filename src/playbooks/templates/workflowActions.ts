/**
 * Building blocks of the playbooks' workflow definitions: the Microsoft Sentinel incident
 * trigger, its "Add comment to incident" action, incident-bridge connector actions, the
 * managed-identity HTTP form of the same call, and the run-after wiring for failures.
 */

export type WorkflowAction = Record<string, unknown>;

/** `$connections` keys; actions and the workflow's connection values use the same names. */
export const SENTINEL_CONNECTION_KEY = 'azuresentinel';
export const BRIDGE_CONNECTION_KEY = 'incidentbridge';

export const INCIDENT_ARM_ID = "@triggerBody()?['object']?['id']";

/** Failure states a run-after handler reacts to. */
export const FAILED_STATES = ['Failed', 'TimedOut'];

function connectionName(key: string): string {
  return `@parameters('$connections')['${key}']['connectionId']`;
}

/**
 * The Sentinel incident trigger. Created and updated incidents use the same path; the
 * automation rule decides when it fires. One run at a time where runs must not overlap.
 */
export function sentinelIncidentTrigger(options: { singleRun: boolean }): WorkflowAction {
  return {
    type: 'ApiConnectionWebhook',
    inputs: {
      body: { callback_url: '@{listCallbackUrl()}' },
      host: { connection: { name: connectionName(SENTINEL_CONNECTION_KEY) } },
      path: '/incident-creation',
    },
    ...(options.singleRun
      ? { runtimeConfiguration: { concurrency: { runs: 1, maximumWaitingRuns: 100 } } }
      : {}),
  };
}

/** The interval is a template parameter: ARM writes the number in before Logic Apps reads it. */
export function recurrenceTrigger(intervalParameter: string): WorkflowAction {
  return {
    type: 'Recurrence',
    recurrence: { frequency: 'Minute', interval: `[parameters('${intervalParameter}')]` },
    runtimeConfiguration: { concurrency: { runs: 1, maximumWaitingRuns: 1 } },
  };
}

/** "Add comment to incident (V3)" of the Sentinel connector; the message may be HTML. */
export function sentinelComment(
  message: string,
  runAfter: Record<string, string[]>,
): WorkflowAction {
  return {
    type: 'ApiConnection',
    inputs: {
      host: { connection: { name: connectionName(SENTINEL_CONNECTION_KEY) } },
      method: 'post',
      path: '/Incidents/Comment',
      body: { incidentArmId: INCIDENT_ARM_ID, message },
    },
    runAfter,
  };
}

/** An action of the incident-bridge connector: a path and method of its Swagger. */
export function bridgeAction(
  method: 'get' | 'post',
  path: string,
  body: Record<string, unknown> | undefined,
  runAfter: Record<string, string[]> = {},
): WorkflowAction {
  return {
    type: 'ApiConnection',
    inputs: {
      host: { connection: { name: connectionName(BRIDGE_CONNECTION_KEY) } },
      method,
      path,
      ...(body ? { body } : {}),
    },
    runAfter,
  };
}

/**
 * The same call as a built-in HTTP action with the workflow's managed identity: an app-only
 * token for the API's App ID URI (the audience must match it exactly).
 */
export function bridgeHttpAction(
  method: 'GET' | 'POST',
  path: string,
  body: Record<string, unknown> | undefined,
  runAfter: Record<string, string[]> = {},
): WorkflowAction {
  return {
    type: 'Http',
    inputs: {
      method,
      uri: `https://@{parameters('HostName')}/api/v1${path}`,
      headers: { 'Content-Type': 'application/json' },
      ...(body ? { body } : {}),
      authentication: { type: 'ManagedServiceIdentity', audience: "@parameters('ApiAudience')" },
    },
    runAfter,
  };
}

/** What failed, for the failure comment: the problem's title and detail, or the status. */
export function failureText(action: string): string {
  return (
    `@{coalesce(body('${action}')?['title'], 'The call failed')}: ` +
    `@{coalesce(body('${action}')?['detail'], string(outputs('${action}')?['statusCode']))}`
  );
}
