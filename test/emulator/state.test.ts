import { describe, expect, it } from 'vitest';

import { EmulatorState } from '../../src/emulator/state/emulatorState.ts';
import { EmulatorStateError } from '../../src/emulator/state/emulatorStateError.ts';
import { formatSentinelIncidentArmId } from '../../src/model/sentinelIncidentArmId.ts';
import { sentinelIncidentName, TENANT, testSeed, USERS, WORKSPACE } from './support/testSeed.ts';

const NOW = new Date('2025-07-01T09:00:00.000Z');

function newState() {
  return new EmulatorState(testSeed(), { clock: () => NOW });
}

describe('EmulatorState lookups', () => {
  it('finds a Sentinel incident by name or by ARM id in any casing', () => {
    const state = newState();
    const name = sentinelIncidentName(5);
    const armId = formatSentinelIncidentArmId({ ...WORKSPACE, incidentId: name });

    expect(state.getSentinelIncident(name)?.name).toBe(name);
    expect(state.getSentinelIncident(armId.replace('/incidents/', '/Incidents/'))?.name).toBe(name);
    expect(state.getSentinelIncident(armId.toUpperCase())?.name).toBe(name);
    expect(state.getSentinelIncident('missing')).toBeUndefined();
  });

  it('refuses an incident name that two workspaces share', () => {
    const seed = testSeed();
    const first = seed.workspaces[0];
    if (!first) throw new Error('seed without workspace');
    seed.workspaces.push({ ...first, workspaceName: 'law-second' });
    const state = new EmulatorState(seed, { clock: () => NOW });

    expect(() => state.getSentinelIncident(sentinelIncidentName(1))).toThrow(EmulatorStateError);
  });

  it('hands out copies, so a test cannot change the state by accident', () => {
    const state = newState();
    const incident = state.getDefenderIncident(TENANT, '1001');
    if (incident) incident.status = 'resolved';

    expect(state.getDefenderIncident(TENANT, '1001')?.status).toBe('active');
  });

  it('completes seeded Sentinel incidents as the service would', () => {
    const incident = newState().getSentinelIncident(sentinelIncidentName(1));

    expect(incident).toMatchObject({
      type: 'Microsoft.SecurityInsights/incidents',
      properties: {
        labels: [],
        additionalData: { alertsCount: 1, commentsCount: 0, bookmarksCount: 0 },
        owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
      },
    });
    expect(incident?.id).toBe(
      formatSentinelIncidentArmId({ ...WORKSPACE, incidentId: sentinelIncidentName(1) }),
    );
    expect(incident?.properties.incidentUrl).toContain('portal.azure.com');
  });
});

describe('EmulatorState analyst edits', () => {
  it('stamps a Defender edit and keeps an explicit back-dated lastUpdateDateTime', () => {
    const state = newState();
    const stamped = state.editDefenderIncident(TENANT, '1001', { status: 'resolved' });
    const backDated = state.editDefenderIncident(TENANT, '1002', {
      status: 'resolved',
      lastUpdateDateTime: '2025-04-01T00:00:00.5000000Z',
    });

    expect(stamped).toMatchObject({
      lastUpdateDateTime: '2025-07-01T09:00:00.0000000Z',
      lastModifiedBy: USERS.analyst.userPrincipalName,
    });
    expect(backDated.lastUpdateDateTime).toBe('2025-04-01T00:00:00.5000000Z');
  });

  it('stores renamed determinations and camelCase enums from portal edits too', () => {
    const edited = newState().editDefenderIncident(TENANT, '1001', {
      classification: 'FalsePositive',
      determination: 'Clean',
    });
    expect(edited).toMatchObject({
      classification: 'falsePositive',
      determination: 'notMalicious',
    });
  });

  it('gives a Sentinel edit a new etag and fills the owner from the directory', () => {
    const state = newState();
    const name = sentinelIncidentName(2);
    const before = state.getSentinelIncident(name);
    const edited = state.editSentinelIncident(name, { owner: { objectId: USERS.guest.id } });

    expect(edited.etag).not.toBe(before?.etag);
    expect(edited.properties.lastModifiedTimeUtc).toBe('2025-07-01T09:00:00.0000000Z');
    expect(edited.properties.owner).toEqual({
      objectId: USERS.guest.id,
      email: USERS.guest.mail,
      assignedTo: USERS.guest.displayName,
      userPrincipalName: USERS.guest.userPrincipalName,
      ownerType: 'User',
    });
  });

  it('keeps an explicit lastModifiedTimeUtc on a Sentinel edit', () => {
    const edited = newState().editSentinelIncident(sentinelIncidentName(2), {
      lastModifiedTimeUtc: '2025-01-01T00:00:00Z',
    });
    expect(edited.properties.lastModifiedTimeUtc).toBe('2025-01-01T00:00:00Z');
  });

  it('counts portal comments and refuses one over the limit', () => {
    const state = newState();
    const name = sentinelIncidentName(2);
    state.addSentinelComment(name, 'first');

    expect(state.getSentinelIncident(name)?.properties.additionalData?.commentsCount).toBe(1);
    expect(() => state.addSentinelComment(name, 'x'.repeat(30_001))).toThrow(EmulatorStateError);
  });

  it('numbers added Defender incidents after the highest id and refuses duplicates', () => {
    const state = newState();
    const added = state.addDefenderIncident(TENANT, { displayName: 'new' });

    expect(added).toMatchObject({
      id: '1008',
      status: 'active',
      incidentWebUrl: expect.stringContaining('1008'),
    });
    expect(() => state.addDefenderIncident(TENANT, { id: '1008' })).toThrow(EmulatorStateError);
  });

  it('forgets every write on reset', () => {
    const state = newState();
    state.editDefenderIncident(TENANT, '1001', { status: 'resolved' });
    state.addSentinelComment(sentinelIncidentName(1), 'note');
    state.reset();

    expect(state.getDefenderIncident(TENANT, '1001')?.status).toBe('active');
    expect(state.getSentinelComments(sentinelIncidentName(1))).toEqual([]);
  });
});
