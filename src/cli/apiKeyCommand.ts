/**
 * `incident-bridge api-key`: makes a new API key and prints it once with the `auth.apiKeys`
 * entry to paste into the config, which holds only the key's SHA-256.
 */
import { API_ROLES, isApiRole } from '../auth/apiRoles.ts';
import { generateApiKey, hashApiKey } from '../auth/apiKeys.ts';

export interface ApiKeyOptions {
  id: string;
  roles: string;
}

export function apiKeyCommand(options: ApiKeyOptions): void {
  const roles = options.roles.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !isApiRole(role));
  if (unknown.length > 0) {
    console.error(`Unknown role(s) ${unknown.join(', ')}; use ${API_ROLES.join(', ')}.`);
    process.exitCode = 2;
    return;
  }

  const key = generateApiKey();
  console.log(`API key (shown once; give it to the caller as the X-API-Key header):\n  ${key}\n`);
  console.log('Config entry (auth.apiKeys):');
  console.log(`  - id: ${options.id}`);
  console.log(`    sha256: ${hashApiKey(key)}`);
  console.log(`    roles: [${roles.join(', ')}]`);
}
