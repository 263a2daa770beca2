/**
 * The configuration the sandbox runs with: one pair joining the emulator's first Defender
 * tenant and its first Sentinel workspace, every Azure endpoint pointing at the emulator.
 * It goes through the same parser as a real config file.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_ROLES } from '../auth/apiRoles.ts';
import { hashApiKey } from '../auth/apiKeys.ts';
import type { EmulatorApiSeed, EmulatorSeed } from '../emulator/index.ts';
import type {
  ApiLimitsConfig,
  BudgetOverrides,
  IncidentBridgeConfig,
  PairConfig,
} from '../config/config.ts';
import { parseConfig } from '../config/loadConfig.ts';

export const SANDBOX_PAIR = 'sandbox';

export interface SandboxConfigOptions {
  budgets?: BudgetOverrides;
  intervals?: Partial<PairConfig['intervals']>;
  /** The API key callers may use; it is stored hashed, with every role. */
  apiKey?: string;
  limits?: Partial<ApiLimitsConfig>;
}
/** A small ATT&CK bundle with the techniques the sandbox incidents cite. */
export const SANDBOX_ATTACK_BUNDLE_PATH = fileURLToPath(
  new URL('./attack-sample-bundle.json', import.meta.url),
);

export function sandboxConfig(
  seed: EmulatorSeed,
  emulatorUrl: string,
  dataDir: string,
  options: SandboxConfigOptions = {},
): IncidentBridgeConfig {
  const [tenant] = seed.tenants;
  const [workspace] = seed.workspaces;
  const client = tenant?.clients.find((candidate) => candidate.clientSecret);
  if (!tenant || !workspace || !client?.clientSecret) {
    throw new Error('The sandbox seed needs a tenant with a client secret and a workspace');
  }

  return parseConfig(
    {
      store: { sqlitePath: join(dataDir, 'incident-bridge.db') },
      budgets: options.budgets ?? {},
      azure: {
        armEndpoint: emulatorUrl,
        graphEndpoint: emulatorUrl,
        authorityHost: emulatorUrl,
        // The emulator issues tokens for the public cloud audiences, as Entra ID does.
        armScope: 'https://management.azure.com/.default',
        graphScope: 'https://graph.microsoft.com/.default',
      },
      credentials: {
        sandbox: {
          kind: 'clientSecret',
          tenantId: tenant.tenantId,
          clientId: client.clientId,
          clientSecret: client.clientSecret,
        },
      },
      // Every provider runs in the sandbox; the emulator serves the Azure ones.
      enrichment: {
        offline: { mitreAttack: { bundlePath: SANDBOX_ATTACK_BUNDLE_PATH } },
        azure: {
          threatIntel: { enabled: true },
          watchlists: {
            enabled: true,
            lists: (workspace.watchlists ?? []).map((list) => ({
              alias: list.alias,
              role: /vip/i.test(list.alias) ? 'vip' : 'watch',
            })),
          },
          ipGeodata: { enabled: true },
          domainWhois: { enabled: true },
          graphUsers: { enabled: true },
        },
      },
      pairs: [
        {
          name: SANDBOX_PAIR,
          defender: { tenantId: tenant.tenantId, credential: 'sandbox' },
          sentinel: {
            subscriptionId: workspace.subscriptionId,
            resourceGroupName: workspace.resourceGroupName,
            workspaceName: workspace.workspaceName,
            tenantId: workspace.tenantId,
            credential: 'sandbox',
          },
          ...(options.intervals ? { intervals: options.intervals } : {}),
        },
      ],
      auth: sandboxAuth(tenant.tenantId, tenant.apis?.[0], options.apiKey),
      limits: options.limits ?? {},
    },
    'sandbox',
  );
}

/** Tokens the emulator issues for the tenant's incident-bridge API, and the sandbox key. */
function sandboxAuth(tenantId: string, api: EmulatorApiSeed | undefined, apiKey?: string) {
  return {
    tenants: api ? [tenantId] : [],
    audiences: api ? [api.identifierUri, api.appId] : [],
    apiKeys: apiKey ? [{ id: 'sandbox', sha256: hashApiKey(apiKey), roles: [...API_ROLES] }] : [],
  };
}
