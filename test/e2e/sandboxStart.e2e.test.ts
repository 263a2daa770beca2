/**
 * `npm start` in sandbox mode: it prints an API key (fixed by INCIDENT_BRIDGE_SANDBOX_KEY or
 * generated) and an emulator-issued token, and every API command it prints carries the key,
 * so pasting them works as printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/startSandbox.ts';

const FIXED_KEY = 'sandbox-key-for-tests-0123456789';

let dataDir: string;
let sandbox: RunningSandbox;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'incident-bridge-sandbox-'));
  sandbox = await startSandbox({
    apiPort: 0,
    emulatorPort: 0,
    dataDir,
    logger: silentLogger(),
    env: { INCIDENT_BRIDGE_SANDBOX_KEY: FIXED_KEY },
  });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function apiCommands(guide: string): string[] {
  return guide
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('curl') && line.includes('/api/v1/'));
}

describe('the sandbox at start', () => {
  it('prints the fixed key and a token, and puts the key on every API command but health', () => {
    const commands = apiCommands(sandbox.guide);

    expect(sandbox.apiKey).toBe(FIXED_KEY);
    expect(sandbox.guide).toContain(`X-API-Key: ${FIXED_KEY}`);
    expect(sandbox.guide).toContain(sandbox.token?.token ?? 'a token');
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands.filter((line) => !line.endsWith('/health'))) {
      expect(command).toContain(`-H 'X-API-Key: ${FIXED_KEY}'`);
    }
  });

  it('answers the printed lookup command with the printed key and with the printed token', async () => {
    const lookup = apiCommands(sandbox.guide).find((line) => line.includes('/incident-links?'));
    const path = /'(http:[^']+)'/.exec(lookup ?? '')?.[1]?.replace(sandbox.service.url, '') ?? '';

    const byKey = await request(sandbox.service.url).get(path).set('X-API-Key', FIXED_KEY);
    const byToken = await request(sandbox.service.url)
      .get(path)
      .set('Authorization', `Bearer ${sandbox.token?.token ?? ''}`);
    const without = await request(sandbox.service.url).get(path);

    expect(path).toMatch(/^\/api\/v1\/incident-links\?sentinelIncidentNumber=\d+$/);
    expect(byKey.status).toBe(404);
    expect(byToken.status).toBe(404);
    expect(without.status).toBe(401);
  });

  it('gives the token the roles the seed grants the playbook app', () => {
    expect(sandbox.token?.roles).toEqual(['Incidents.Read', 'Incidents.Sync', 'Incidents.Enrich']);
    expect(sandbox.token?.appName).toBe('sentinel-sync-playbook');
  });
});

describe('a sandbox key from the environment', () => {
  it('is refused before anything starts when it is too short', async () => {
    await expect(
      startSandbox({ apiPort: 0, emulatorPort: 0, env: { INCIDENT_BRIDGE_SANDBOX_KEY: 'short' } }),
    ).rejects.toThrow(ConfigError);
  });
});
