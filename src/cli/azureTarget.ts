/**
 * The Logic Apps client of the playbook commands, from their Azure options. The credential
 * is a client secret from AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET when they
 * are set, else the default chain (Azure CLI, managed identity).
 */
import { readFileSync } from 'node:fs';
import type { LogicManagementClient } from '@azure/arm-logic';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredential,
} from '@azure/identity';
import { createLogicClient } from '../playbooks/azure/logicClient.ts';

import type { AzureTargetOptions } from './azureTargetOptions.ts';

export function logicClientFor(
  options: AzureTargetOptions,
  env = process.env,
): LogicManagementClient {
  const ca = options.caCert ? readFileSync(options.caCert, 'utf8') : undefined;
  const tlsOptions = ca ? { ca } : undefined;
  return createLogicClient({
    credential: credentialFor(options, tlsOptions, env),
    subscriptionId: options.subscription,
    ...(options.armEndpoint ? { endpoint: options.armEndpoint } : {}),
    ...(tlsOptions ? { tlsOptions } : {}),
  });
}

function credentialFor(
  options: AzureTargetOptions,
  tlsOptions: { ca: string } | undefined,
  env: NodeJS.ProcessEnv,
): TokenCredential {
  const common = {
    ...(options.authorityHost
      ? { authorityHost: options.authorityHost, disableInstanceDiscovery: true }
      : {}),
    ...(tlsOptions ? { tlsOptions } : {}),
  };
  const tenant = env['AZURE_TENANT_ID'];
  const client = env['AZURE_CLIENT_ID'];
  const secret = env['AZURE_CLIENT_SECRET'];
  if (tenant && client && secret) return new ClientSecretCredential(tenant, client, secret, common);
  return new DefaultAzureCredential(common);
}
