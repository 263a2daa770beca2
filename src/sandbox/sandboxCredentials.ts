/**
 * The two ways to call the sandbox's API, made at start: an API key (fixed by the
 * `INCIDENT_BRIDGE_SANDBOX_KEY` variable, otherwise new each start) and an app-only Entra ID
 * token that the emulator issues to the seeded playbook app for the incident-bridge API, got
 * through `@azure/identity` exactly as a managed identity's token would be.
 */
import { apiKeyProblem, generateApiKey } from '../auth/apiKeys.ts';
import { createCredential } from '../clients/createCredential.ts';
import { transportOptions } from '../clients/transportOptions.ts';
import { ConfigError } from '../config/loadConfig.ts';
import type { EmulatorSeed } from '../emulator/index.ts';

export const SANDBOX_KEY_VARIABLE = 'INCIDENT_BRIDGE_SANDBOX_KEY';

export interface SandboxToken {
  token: string;
  expiresAt: Date;
  appName: string;
  roles: string[];
}

/** The key from the environment, checked, or a new one. */
export function sandboxApiKey(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env[SANDBOX_KEY_VARIABLE];
  if (fixed === undefined || fixed === '') return generateApiKey();

  const problem = apiKeyProblem(fixed);
  if (problem) throw new ConfigError([`${SANDBOX_KEY_VARIABLE}: ${problem}`], 'environment');
  return fixed;
}

/** A token for the seed's API registration, for the first app granted roles on it. */
export async function sandboxToken(
  seed: EmulatorSeed,
  emulatorUrl: string,
  caCertPem: string,
): Promise<SandboxToken | undefined> {
  const tenant = seed.tenants[0];
  const api = tenant?.apis?.[0];
  const [clientId, roles] = Object.entries(api?.appRoleAssignments ?? {})[0] ?? [];
  const client = tenant?.clients.find((candidate) => candidate.clientId === clientId);
  if (!tenant || !api || !client?.clientSecret || !roles) return undefined;

  const credential = createCredential(
    'sandbox-playbook',
    {
      kind: 'clientSecret',
      tenantId: tenant.tenantId,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    },
    { authorityHost: emulatorUrl, transport: transportOptions(caCertPem) },
  );
  const accessToken = await credential.getToken(`${api.identifierUri}/.default`);
  if (!accessToken) return undefined;
  return {
    token: accessToken.token,
    expiresAt: new Date(accessToken.expiresOnTimestamp),
    appName: client.displayName,
    roles,
  };
}
