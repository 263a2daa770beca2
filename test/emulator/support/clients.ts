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
} from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';

import type { RunningEmulator } from '../../../src/emulator/startEmulator.ts';
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
  options: { app?: AppCredentials; maxRetries?: number } = {},
) {
  return new SecurityInsights(credentialFor(emulator, options.app), WORKSPACE.subscriptionId, {
    endpoint: emulator.url,
    credentialScopes: [ARM_SCOPE],
    apiVersion: SENTINEL_API_VERSION,
    tlsOptions: { ca: emulator.caCertPem },
    ...(options.maxRetries === undefined
      ? {}
      : { retryOptions: { maxRetries: options.maxRetries } }),
  });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpCaller {
  send(
    method: HttpMethods,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpAnswer>;
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
      if (options.body !== undefined) headers.set('content-type', 'application/json');

      const request = createPipelineRequest({
        url: path.startsWith('https://') ? path : `${emulator.url}${path}`,
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
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

export function controlCaller(emulator: RunningEmulator): HttpCaller {
  return httpCaller(emulator);
}
