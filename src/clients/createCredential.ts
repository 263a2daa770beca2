/**
 * Builds the `@azure/identity` credential a pair names in config. Each pair side may use a
 * different kind and tenant, which is what cross-tenant (MSSP) pairs need.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { CredentialConfig } from '../config/config.ts';
import type { TransportOptions } from './transportOptions.ts';

export class CredentialConfigError extends Error {
  readonly code = 'credential_config_invalid';
}

export interface CreateCredentialOptions {
  authorityHost: string;
  transport: TransportOptions;
  env?: NodeJS.ProcessEnv;
}

const PUBLIC_CLOUD_AUTHORITY = 'https://login.microsoftonline.com';

export function createCredential(
  name: string,
  config: CredentialConfig,
  options: CreateCredentialOptions,
): TokenCredential {
  const env = options.env ?? process.env;
  const authorityHost =
    ('authorityHost' in config && config.authorityHost) || options.authorityHost;
  const common = {
    ...options.transport,
    authorityHost,
    // Instance discovery asks login.microsoftonline.com which hosts are valid; a private
    // authority (sovereign cloud or the sandbox) is not in that list.
    disableInstanceDiscovery: authorityHost !== PUBLIC_CLOUD_AUTHORITY,
  };

  switch (config.kind) {
    case 'clientSecret': {
      const secret =
        config.clientSecret ?? (config.clientSecretEnv ? env[config.clientSecretEnv] : undefined);
      if (!secret)
        throw new CredentialConfigError(`credentials.${name}: no client secret available`);
      return new ClientSecretCredential(config.tenantId, config.clientId, secret, common);
    }
    case 'clientCertificate':
      return new ClientCertificateCredential(
        config.tenantId,
        config.clientId,
        { certificatePath: config.certificatePath },
        common,
      );
    case 'managedIdentity':
      return config.clientId
        ? new ManagedIdentityCredential({ ...options.transport, clientId: config.clientId })
        : new ManagedIdentityCredential({ ...options.transport });
    case 'defaultChain':
      return new DefaultAzureCredential({
        ...common,
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        ...(config.clientId ? { managedIdentityClientId: config.clientId } : {}),
      });
  }
}
