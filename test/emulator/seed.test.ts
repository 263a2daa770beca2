import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { EmulatorSeedError, loadSeedFile, parseSeed } from '../../src/emulator/seed.ts';
import { startEmulator } from '../../src/emulator/startEmulator.ts';
import { testSeed } from './support/testSeed.ts';

function problemsOf(value: unknown): readonly string[] {
  try {
    parseSeed(value);
  } catch (error) {
    if (error instanceof EmulatorSeedError) return error.problems;
    throw error;
  }
  return [];
}

describe('emulator seeds', () => {
  it('accept the test seed', () => {
    expect(problemsOf(testSeed())).toEqual([]);
  });

  it('list every shape problem at once', () => {
    const problems = problemsOf({
      tenants: [{ tenantId: '', clients: [], users: [{ id: 'u' }] }],
      workspaces: 'none',
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        "/tenants/0: must have required property 'defenderIncidents'",
        '/tenants/0/tenantId: must NOT have fewer than 1 characters',
        "/tenants/0/users/0: must have required property 'userPrincipalName'",
        '/workspaces: must be array',
      ]),
    );
  });

  it('find duplicates and dangling references', () => {
    const seed = testSeed();
    const tenant = seed.tenants[0];
    const workspace = seed.workspaces[0];
    if (!tenant || !workspace) throw new Error('incomplete test seed');
    tenant.defenderIncidents.push({ id: '1001' });
    workspace.incidents.push(structuredClone(workspace.incidents[0]!));
    seed.tenants.push({ ...tenant, tenantId: tenant.tenantId.toUpperCase() });

    expect(problemsOf(seed)).toEqual(
      expect.arrayContaining([
        "/tenants/0/defenderIncidents/7: duplicate id '1001'",
        '/tenants/2: duplicate tenantId',
        expect.stringMatching(/^\/workspaces\/0\/incidents\/60: duplicate name/),
      ]),
    );
  });

  it('load from a file and name the file when it is not JSON', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'emulator-seed-'));
    const good = join(folder, 'good.json');
    const bad = join(folder, 'bad.json');
    await writeFile(good, JSON.stringify(testSeed()));
    await writeFile(bad, '{ tenants: ');

    expect((await loadSeedFile(good)).tenants).toHaveLength(2);
    await expect(loadSeedFile(bad)).rejects.toThrow(`${bad} is not a valid emulator seed`);
  });

  it('are checked when the emulator starts, as is the port', async () => {
    await expect(startEmulator({ seed: { tenants: [] } as never })).rejects.toThrow(
      'EmulatorOptions.seed is not a valid emulator seed',
    );
    await expect(startEmulator({ port: 70_000 })).rejects.toThrow('EmulatorOptions.port');
  });
});
