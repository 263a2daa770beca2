import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { useEmulator } from '../emulator/support/emulatorFixture.ts';
import { TEST_APP } from '../emulator/support/clients.ts';
import { WORKSPACE } from '../emulator/support/testSeed.ts';

const emulator = useEmulator();
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'playbooks-cli-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process against the emulator, as an operator would. The
 * emulator lives in this process, so the child is awaited, never waited for synchronously.
 */
function cli(args: string[]): Promise<CliResult> {
  const ca = join(folder, 'ca.pem');
  writeFileSync(ca, emulator().caCertPem);
  const target = [
    '--subscription',
    WORKSPACE.subscriptionId,
    '--resource-group',
    'rg-playbooks',
    '--arm-endpoint',
    emulator().url,
    '--authority-host',
    emulator().url,
    '--ca-cert',
    ca,
  ];
  const entry = ['--import', 'tsx', 'src/cli/main.ts', 'playbooks'];
  const child = spawn(process.execPath, [...entry, ...args, ...target], {
    env: {
      ...process.env,
      AZURE_TENANT_ID: TEST_APP.tenantId,
      AZURE_CLIENT_ID: TEST_APP.clientId,
      AZURE_CLIENT_SECRET: TEST_APP.clientSecret,
      BRIDGE_KEY: 'a-test-key',
    },
  });
  const result: CliResult = { status: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ ...result, status }));
  });
}

describe('the playbooks commands against the emulator', () => {
  it('deploy, then validate --azure, then runs', { timeout: 120_000 }, async () => {
    const deployed = await cli([
      'deploy',
      '--location',
      'westeurope',
      '--api-key-env',
      'BRIDGE_KEY',
    ]);

    expect(deployed.stderr).toBe('');
    expect(deployed.status).toBe(0);
    expect(deployed.stdout).toContain('created Sync-IncidentOnUpdate  identity ');
    expect(deployed.stdout).toContain('connection incidentbridge-Reconcile-Scheduled: Connected');
    expect(deployed.stdout).toContain(
      'skipped Sync-IncidentOnUpdate-ManagedIdentity: give HostName, ApiAudience',
    );
    expect(
      emulator().state.logic.workflowsIn({
        subscriptionId: WORKSPACE.subscriptionId,
        resourceGroupName: 'rg-playbooks',
      }),
    ).toHaveLength(4);

    const validated = await cli([
      'validate',
      '--azure',
      '--location',
      'westeurope',
      '--playbook',
      'Sync-IncidentOnUpdate',
    ]);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain('valid   Sync-IncidentOnUpdate');

    const runs = await cli(['runs']);
    expect(runs.status).toBe(0);
    expect(runs.stdout).toContain('no runs of incident-bridge playbooks');
  });

  it('says what Azure refused, with a failing exit code', { timeout: 60_000 }, async () => {
    const result = await cli([
      'validate',
      '--azure',
      '--location',
      'westeurope',
      '--playbook',
      'Close-DefenderIncidentOnClose',
    ]);

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('invalid Close-DefenderIncidentOnClose: ApiConnectionNotFound');
  });
});
