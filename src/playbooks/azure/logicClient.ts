/**
 * The Logic Apps management client the playbook commands use. The endpoint, the authority
 * and an extra trusted CA are options so the same commands run against the local emulator.
 */
import { LogicManagementClient } from '@azure/arm-logic';
import type { TokenCredential } from '@azure/core-auth';
import type { TlsSettings } from '@azure/core-rest-pipeline';

export const ARM_ENDPOINT = 'https://management.azure.com';

export interface LogicClientOptions {
  credential: TokenCredential;
  subscriptionId: string;
  endpoint?: string;
  tlsOptions?: TlsSettings;
}

export function createLogicClient(options: LogicClientOptions): LogicManagementClient {
  const endpoint = (options.endpoint ?? ARM_ENDPOINT).replace(/\/$/, '');
  // This SDK generation builds request URLs from `$host`; `endpoint` feeds its pipeline.
  return new LogicManagementClient(options.credential, options.subscriptionId, {
    $host: endpoint,
    endpoint,
    credentialScopes: [`${ARM_ENDPOINT}/.default`],
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
  });
}
