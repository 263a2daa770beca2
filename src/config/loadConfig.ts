/**
 * Reads, checks and freezes the configuration. Every problem in the file is reported at once,
 * each naming the setting, so an operator fixes them in one pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import type { IncidentBridgeConfig, InboundAuthConfig } from './config.ts';
import { configSchema } from './configSchema.ts';

export class ConfigError extends Error {
  readonly code = 'config_invalid';

  constructor(
    readonly problems: string[],
    readonly source: string,
  ) {
    super(`Configuration ${source} has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, useDefaults: true, strict: true }));
const validate = ajv.compile(configSchema);

/** Parses a config object (already read from a file, or built in code). */
export function parseConfig(
  input: unknown,
  source = 'object',
  env: NodeJS.ProcessEnv = process.env,
): IncidentBridgeConfig {
  const candidate = structuredClone(input ?? {});
  if (!validate(candidate)) {
    throw new ConfigError((validate.errors ?? []).map(describeSchemaError), source);
  }

  const config = candidate as unknown as IncidentBridgeConfig;
  fillAuthorityDefaults(config);
  fillDatabaseUrl(config, env);
  const problems = crossCheck(config, env);
  if (problems.length > 0) throw new ConfigError(problems, source);
  return deepFreeze(config);
}

/** `DATABASE_URL`, the usual way platforms hand over a database, applies when the file is silent. */
function fillDatabaseUrl(config: IncidentBridgeConfig, env: NodeJS.ProcessEnv): void {
  const fromEnv = env['DATABASE_URL'];
  if (config.store.databaseUrl || !fromEnv) return;
  if (!/^postgres(ql)?:\/\//.test(fromEnv)) {
    throw new ConfigError(['DATABASE_URL: must start with postgres:// or postgresql://'], 'env');
  }
  config.store.databaseUrl = fromEnv;
}

/** Reads a JSON or YAML config file. */
export function loadConfigFile(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): IncidentBridgeConfig {
  const raw = readFileSync(path, 'utf8');
  const parsed: unknown = path.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
  return parseConfig(parsed, path, env);
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '(root)';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return `${where}: must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${where}: unknown setting "${extra}"`;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${where}: missing required setting "${missing}"`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/** Rules a schema cannot express: references between entries and secrets in the environment. */
function crossCheck(config: IncidentBridgeConfig, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const names = new Set<string>();

  config.pairs.forEach((pair, index) => {
    if (names.has(pair.name)) problems.push(`pairs.${index}.name: "${pair.name}" is used twice`);
    names.add(pair.name);

    for (const side of ['defender', 'sentinel'] as const) {
      const reference = pair[side].credential;
      if (!config.credentials[reference]) {
        problems.push(`pairs.${index}.${side}.credential: no credential named "${reference}"`);
      }
    }
  });

  for (const [name, credential] of Object.entries(config.credentials)) {
    problems.push(...checkCredential(name, credential, env));
  }
  problems.push(...checkAuth(config.auth));
  problems.push(...checkEnrichment(config.enrichment));
  return problems;
}

/** Files the offline providers read must be there; watchlist aliases must not repeat. */
function checkEnrichment(enrichment: IncidentBridgeConfig['enrichment']): string[] {
  const problems: string[] = [];
  const files = [
    ['offline.ipGeo.countryDbPath', enrichment.offline.ipGeo.countryDbPath],
    ['offline.ipGeo.asnDbPath', enrichment.offline.ipGeo.asnDbPath],
    ['offline.mitreAttack.bundlePath', enrichment.offline.mitreAttack.bundlePath],
  ] as const;
  for (const [setting, path] of files) {
    if (path && !existsSync(path)) problems.push(`enrichment.${setting}: no file at ${path}`);
  }

  const aliases = new Set<string>();
  enrichment.azure.watchlists.lists.forEach((list, index) => {
    const key = list.alias.toLowerCase();
    if (aliases.has(key)) {
      problems.push(
        `enrichment.azure.watchlists.lists.${index}.alias: "${list.alias}" is used twice`,
      );
    }
    aliases.add(key);
  });
  return problems;
}

/** The v2 issuer and the metadata address follow the authority host, as in national clouds. */
function fillAuthorityDefaults(config: IncidentBridgeConfig): void {
  const authority = config.azure.authorityHost.replace(/\/+$/, '');
  const auth = config.auth as { -readonly [K in keyof InboundAuthConfig]: InboundAuthConfig[K] };
  auth.issuers.v2 ??= `${authority}/{tenantId}/v2.0`;
  auth.openIdMetadataUrl ??= `${authority}/{tenantId}/v2.0/.well-known/openid-configuration`;
}

function checkAuth(auth: InboundAuthConfig): string[] {
  const problems: string[] = [];
  if (auth.tenants.length > 0 && auth.audiences.length === 0) {
    problems.push('auth.audiences: tokens are accepted from auth.tenants but no audience is set');
  }
  if (auth.audiences.length > 0 && auth.tenants.length === 0) {
    problems.push('auth.tenants: audiences are set but no tenant is allowed to call');
  }

  const ids = new Set<string>();
  const hashes = new Set<string>();
  auth.apiKeys.forEach((key, index) => {
    if (ids.has(key.id)) problems.push(`auth.apiKeys.${index}.id: "${key.id}" is used twice`);
    if (hashes.has(key.sha256)) problems.push(`auth.apiKeys.${index}.sha256: the same key twice`);
    ids.add(key.id);
    hashes.add(key.sha256);
  });
  return problems;
}

/**
 * Serving needs a way in: without tenants or keys every operation but GetHealth would refuse
 * every caller, which is a configuration mistake, not a locked-down service.
 */
export function requireInboundAuth(config: IncidentBridgeConfig, source = 'config'): void {
  if (config.auth.tenants.length > 0 || config.auth.apiKeys.length > 0) return;
  throw new ConfigError(
    ['auth: set auth.tenants with auth.audiences (Entra ID tokens) or auth.apiKeys, or both'],
    source,
  );
}

function checkCredential(
  name: string,
  credential: IncidentBridgeConfig['credentials'][string],
  env: NodeJS.ProcessEnv,
): string[] {
  const where = `credentials.${name}`;
  switch (credential.kind) {
    case 'clientSecret': {
      const problems = requireFields(where, credential, ['tenantId', 'clientId']);
      if (!credential.clientSecret && !credential.clientSecretEnv) {
        problems.push(`${where}: needs clientSecretEnv (or clientSecret)`);
      }
      if (credential.clientSecretEnv && !env[credential.clientSecretEnv]) {
        problems.push(
          `${where}.clientSecretEnv: environment variable ${credential.clientSecretEnv} is not set`,
        );
      }
      return problems;
    }
    case 'clientCertificate':
      return requireFields(where, credential, ['tenantId', 'clientId', 'certificatePath']);
    case 'managedIdentity':
    case 'defaultChain':
      return [];
  }
}

function requireFields(where: string, value: object, fields: string[]): string[] {
  const record = value as Record<string, unknown>;
  return fields
    .filter((field) => !record[field])
    .map((field) => `${where}: missing required setting "${field}"`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
