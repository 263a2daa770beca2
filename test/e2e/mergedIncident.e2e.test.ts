/**
 * BR-04: Defender merges incident A into B. The link of A follows B: A's Sentinel twin closes
 * with a pointer to the survivor, A's owner and tags move to B, and later events for A are
 * forwarded to B. A is never written again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../openapi/generated/types.ts';
import { api } from '../support/apiClient.ts';
import { addPair } from '../support/pairFactory.ts';
import {
  lastRequest,
  startSandboxHarness,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

type SyncResult = components['schemas']['SyncResult'];
type IncidentLink = components['schemas']['IncidentLink'];

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

const workspace = () => harness.seed.workspaces[0]!;
const sync = (incidentId: string) =>
  api(harness.app)
    .post('/api/v1/sync/defender-incident')
    .send({ tenantId: harness.scenario.tenantId, incidentId });

describe('a Defender incident merged into another (redirected)', () => {
  it('closes the absorbed twin, moves owner and tags to the survivor and forwards later events', async () => {
    const tenant = harness.scenario.tenantId;
    const absorbed = addPair(harness.emulator, tenant, workspace(), {
      assignedTo: 'priya.nair@auroralab.example',
      customTags: ['phishing-wave'],
    });
    const survivor = addPair(harness.emulator, tenant, workspace());
    await sync(absorbed.defender.id);
    await sync(survivor.defender.id);

    harness.emulator.state.editDefenderIncident(tenant, absorbed.defender.id, {
      status: 'redirected',
      redirectIncidentId: survivor.defender.id,
    });
    const merged = await sync(absorbed.defender.id);
    expect(merged.status).toBe(200);

    const closed = harness.emulator.state.getSentinelIncident(absorbed.sentinel.name)!;
    expect(closed.properties).toMatchObject({ status: 'Closed', classification: 'Undetermined' });
    expect(closed.properties.labels?.map((label) => label.labelName)).toContain('redirected');
    expect(
      harness.emulator.state
        .getSentinelComments(absorbed.sentinel.name)
        .some((comment) => comment.properties.message.includes(`into ${survivor.defender.id}`)),
    ).toBe(true);

    const survivorNow = harness.emulator.state.getDefenderIncident(tenant, survivor.defender.id)!;
    expect(survivorNow.assignedTo).toBe('priya.nair@auroralab.example');
    expect(survivorNow.customTags).toContain('phishing-wave');

    const link = await api(harness.app)
      .get('/api/v1/incident-links')
      .query({ sentinelIncidentArmId: absorbed.sentinel.id });
    expect((link.body as IncidentLink).state).toBe('redirected');

    const before = lastRequest(harness.emulator);
    const forwarded = await sync(absorbed.defender.id);
    expect((forwarded.body as SyncResult).defenderIncidentId).toBe(survivor.defender.id);
    const patchesToAbsorbed = harness.emulator.requests
      .entries({ api: 'graph', method: 'PATCH' })
      .filter(
        (entry) => entry.sequence > before && entry.path.endsWith(`/${absorbed.defender.id}`),
      );
    expect(patchesToAbsorbed).toEqual([]);
  });

  it('re-points the link when the survivor has no Sentinel twin', async () => {
    const tenant = harness.scenario.tenantId;
    const absorbed = addPair(harness.emulator, tenant, workspace());
    const lone = harness.emulator.state.addDefenderIncident(tenant, {
      displayName: 'Survivor',
      status: 'inProgress',
    });
    await sync(absorbed.defender.id);

    harness.emulator.state.editDefenderIncident(tenant, absorbed.defender.id, {
      status: 'redirected',
      redirectIncidentId: lone.id,
    });
    const response = await sync(absorbed.defender.id);

    expect((response.body as SyncResult).defenderIncidentId).toBe(lone.id);
    const link = await api(harness.app)
      .get('/api/v1/incident-links')
      .query({ defenderIncidentId: lone.id });
    expect(link.status).toBe(200);
    expect((link.body as IncidentLink).sentinelIncidentArmId.toLowerCase()).toBe(
      absorbed.sentinel.id.toLowerCase(),
    );
    expect(
      harness.emulator.state.getSentinelIncident(absorbed.sentinel.name)?.properties.status,
    ).toBe('Active');
  });
});
