/**
 * Real clients pointed at a running emulator: the Sentinel SDK with a secret credential,
 * and a core-rest-pipeline caller for Graph and the control API (plain `fetch` cannot trust
 * the emulator's self-signed certificate).
 */
import { SecurityInsights } from '@azure/arm-securityinsight';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpMethods,
  type PipelineRetryOptions,
} from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';

import type { RunningEmulator } from '../../../src/emulator/startEmulator.ts';
import { createLogicClient } from '../../../src/playbooks/azure/logicClient.ts';
import { APP, TENANT, WORKSPACE } from './testSeed.ts';

export const ARM_SCOPE = 'https://management.azure.com/.default';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const SENTINEL_API_VERSION = '2025-09-01';

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export const TEST_APP: AppCredentials = { tenantId: TENANT, ...APP };

export function credentialFor(emulator: RunningEmulator, app: AppCredentials = TEST_APP) {
  return new ClientSecretCredential(app.tenantId, app.clientId, app.clientSecret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.caCertPem },
  });
}

export function sentinelClient(
  emulator: RunningEmulator,
  options: {
    app?: AppCredentials;
    retryOptions?: PipelineRetryOptions;
    subscriptionId?: string;
  } = {},
) {
  const subscriptionId = options.subscriptionId ?? WORKSPACE.subscriptionId;
  return new SecurityInsights(credentialFor(emulator, options.app), subscriptionId, {
    endpoint: emulator.url,
    credentialScopes: [ARM_SCOPE],
    apiVersion: SENTINEL_API_VERSION,
    tlsOptions: { ca: emulator.caCertPem },
    ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
  });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface SendOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` instead of a JSON body. */
  form?: Record<string, string>;
  /** Sent verbatim as `application/json`, for bodies that are not valid JSON. */
  rawJson?: string;
  headers?: Record<string, string>;
}

export interface HttpCaller {
  send(method: HttpMethods, path: string, options?: SendOptions): Promise<HttpAnswer>;
}

/** Sends requests without retries, so tests see exactly what the emulator answered. */
export function httpCaller(emulator: RunningEmulator, token?: () => Promise<string>): HttpCaller {
  const pipeline = createPipelineFromOptions({
    tlsOptions: { ca: emulator.caCertPem },
    retryOptions: { maxRetries: 0 },
  });
  const client = createDefaultHttpClient();

  return {
    async send(method, path, options = {}) {
      const headers = createHttpHeaders({ accept: 'application/json', ...options.headers });
      if (token) headers.set('authorization', `Bearer ${await token()}`);
      let body: string | undefined;
      if (options.form) {
        headers.set('content-type', 'application/x-www-form-urlencoded');
        body = new URLSearchParams(options.form).toString();
      } else if (options.rawJson !== undefined) {
        headers.set('content-type', 'application/json');
        body = options.rawJson;
      } else if (options.body !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(options.body);
      }

      const request = createPipelineRequest({
        url: path.startsWith('https://') ? path : `${emulator.url}${path}`,
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const response = await pipeline.sendRequest(client, request);
      const text = response.bodyAsText ?? '';
      return {
        status: response.status,
        headers: response.headers.toJSON(),
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
    },
  };
}

export function graphCaller(emulator: RunningEmulator, app: AppCredentials = TEST_APP): HttpCaller {
  const credential = credentialFor(emulator, app);
  return httpCaller(emulator, async () => {
    const token = await credential.getToken(GRAPH_SCOPE);
    return token.token;
  });
}

/** Raw ARM requests with a management token, for what the SDK will not send. */
export function armCaller(emulator: RunningEmulator, app: AppCredentials = TEST_APP): HttpCaller {
  const credential = credentialFor(emulator, app);
  return httpCaller(emulator, async () => {
    const token = await credential.getToken(ARM_SCOPE);
    return token.token;
  });
}

/** `/subscriptions/.../providers/Microsoft.SecurityInsights/incidents` of the test workspace. */
export function incidentsPath(workspace = WORKSPACE): string {
  return (
    `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroupName}` +
    `/providers/Microsoft.OperationalInsights/workspaces/${workspace.workspaceName}` +
    '/providers/Microsoft.SecurityInsights/incidents'
  );
}

export function controlCaller(emulator: RunningEmulator): HttpCaller {
  return httpCaller(emulator);
}

/** The Logic Apps client of the playbook commands, pointed at the emulator. */
export function logicClient(emulator: RunningEmulator, app: AppCredentials = TEST_APP) {
  return createLogicClient({
    credential: credentialFor(emulator, app),
    subscriptionId: WORKSPACE.subscriptionId,
    endpoint: emulator.url,
    tlsOptions: { ca: emulator.caCertPem },
  });
}
