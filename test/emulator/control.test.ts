import { describe, expect, it } from 'vitest';

import type { GraphIncident } from '../../src/model/graphIncident.ts';
import type { SentinelIncident } from '../../src/model/sentinelIncident.ts';
import { controlCaller, graphCaller, sentinelClient } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { sentinelIncidentName, TENANT, testSeed, USERS, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const control = () => controlCaller(emulator());

describe('control API: state', () => {
  it('shows the state in seed shape, without app secrets', async () => {
    const answer = await control().send('GET', '/_emulator/state');
    const state = answer.body as { tenants: Array<{ clients: unknown[] }>; workspaces: unknown[] };

    expect(answer.status).toBe(200);
    expect(state.tenants).toHaveLength(2);
    expect(state.workspaces).toHaveLength(1);
    expect(JSON.stringify(state)).not.toContain('test-secret-a');
    expect(state.tenants[0]?.clients[0]).toHaveProperty('objectId');
  });

  it('resets to the seed', async () => {
    emulator().state.editDefenderIncident(TENANT, '1001', { status: 'resolved' });
    expect((await control().send('POST', '/_emulator/reset')).status).toBe(204);
    expect(emulator().state.getDefenderIncident(TENANT, '1001')?.status).toBe('active');
  });

  it('replaces the seed, which later resets return to', async () => {
    const seed = testSeed();
    seed.workspaces = [];
    seed.tenants[0]?.defenderIncidents.splice(1);

    expect((await control().send('POST', '/_emulator/seed', { body: seed })).status).toBe(204);
    await control().send('POST', '/_emulator/reset');
    expect(
      emulator()
        .state.listDefenderIncidents(TENANT)
        .map((incident) => incident.id),
    ).toEqual(['1001']);
  });

  it('refuses an invalid seed, listing every problem', async () => {
    const answer = await control().send('POST', '/_emulator/seed', {
      body: {
        tenants: [
          {
            tenantId: 't',
            clients: [{ clientId: 'c', displayName: 'd' }],
            users: [],
            defenderIncidents: [],
          },
        ],
        workspaces: [
          {
            subscriptionId: 's',
            resourceGroupName: 'r',
            workspaceName: 'w',
            tenantId: 'nobody',
            incidents: [],
          },
        ],
      },
    });

    expect(answer.status).toBe(400);
    expect((answer.body as { error: { problems: string[] } }).error.problems).toEqual([
      '/tenants/0/clients/0: needs clientSecret or certificatePem',
      "/workspaces/0: tenantId 'nobody' is not a seeded tenant",
    ]);
  });
});

describe('control API: analyst edits', () => {
  it('edits any Defender field as an analyst, stamping the change cursor and author', async () => {
    const before = emulator().state.getDefenderIncident(TENANT, '1001');
    const answer = await control().send(
      'PATCH',
      `/_emulator/defender/${TENANT}/incidents/1001?modifiedBy=omar.lead@fabrikam-test.example`,
      {
        body: { severity: 'High', displayName: 'Renamed in the portal', status: 'InProgress' },
      },
    );

    const edited = answer.body as GraphIncident;
    expect(answer.status).toBe(200);
    expect(edited).toMatchObject({
      severity: 'high',
      status: 'inProgress',
      displayName: 'Renamed in the portal',
      lastModifiedBy: 'omar.lead@fabrikam-test.example',
    });
    expect(String(edited.lastUpdateDateTime) > String(before?.lastUpdateDateTime)).toBe(true);
  });

  it('shows the edit to Graph clients', async () => {
    await control().send('PATCH', `/_emulator/defender/${TENANT}/incidents/1002`, {
      body: { assignedTo: null },
    });
    const answer = await graphCaller(emulator()).send('GET', '/v1.0/security/incidents/1002');

    expect(answer.body).toMatchObject({
      assignedTo: null,
      lastModifiedBy: USERS.analyst.userPrincipalName,
    });
  });

  it('edits any Sentinel property, giving the incident a new etag', async () => {
    const name = sentinelIncidentName(3);
    const before = emulator().state.getSentinelIncident(name);
    const answer = await control().send('PATCH', `/_emulator/sentinel/incidents/${name}`, {
      body: { status: 'Active', owner: { objectId: USERS.lead.id }, providerName: 'Microsoft XDR' },
    });

    const edited = answer.body as SentinelIncident;
    expect(edited.etag).not.toBe(before?.etag);
    expect(edited.properties).toMatchObject({
      status: 'Active',
      providerName: 'Microsoft XDR',
      owner: { userPrincipalName: USERS.lead.userPrincipalName },
    });

    const fetched = await sentinelClient(emulator()).incidents.get(
      WORKSPACE.resourceGroupName,
      WORKSPACE.workspaceName,
      name,
    );
    expect(fetched.etag).toBe(edited.etag);
  });

  it('adds incidents and comments on both sides', async () => {
    const defender = await control().send('POST', `/_emulator/defender/${TENANT}/incidents`, {
      body: { displayName: 'Added in the portal', severity: 'Low' },
    });
    const defenderId = (defender.body as GraphIncident).id;
    const defenderComment = await control().send(
      'POST',
      `/_emulator/defender/${TENANT}/incidents/${defenderId}/comments`,
      {
        body: { comment: 'hello' },
      },
    );
    const sentinel = await control().send('POST', '/_emulator/sentinel/incidents', {
      body: {
        workspace: WORKSPACE,
        incident: {
          name: 'added-1',
          properties: { title: 'Added', severity: 'Low', status: 'New' },
        },
      },
    });
    const sentinelComment = await control().send(
      'POST',
      '/_emulator/sentinel/incidents/added-1/comments',
      {
        body: { message: 'from the portal' },
      },
    );

    expect(defender.status).toBe(201);
    expect(defenderId).toBe('1008');
    expect(defenderComment.body).toMatchObject({
      value: [{ comment: 'hello', createdByDisplayName: USERS.analyst.userPrincipalName }],
    });
    expect(sentinel.status).toBe(201);
    expect((sentinel.body as SentinelIncident).properties.incidentNumber).toBe(61);
    expect(sentinelComment.body).toMatchObject({
      properties: { message: 'from the portal', author: { name: USERS.analyst.displayName } },
    });
  });

  it('answers unknown incidents with 404', async () => {
    const defender = await control().send('PATCH', `/_emulator/defender/${TENANT}/incidents/77`, {
      body: {},
    });
    const sentinel = await control().send('PATCH', '/_emulator/sentinel/incidents/nope', {
      body: {},
    });

    expect(defender.status).toBe(404);
    expect(sentinel.status).toBe(404);
  });
});

describe('control API: faults and the request log', () => {
  it('adds, lists and removes fault rules over HTTP', async () => {
    const added = await control().send('POST', '/_emulator/faults', {
      body: { api: 'graph', method: 'GET', action: { kind: 'status', status: 502 }, times: 1 },
    });
    const id = (added.body as { id: string }).id;
    const listed = await control().send('GET', '/_emulator/faults');
    const hit = await graphCaller(emulator()).send('GET', '/v1.0/security/incidents');
    const removed = await control().send('DELETE', `/_emulator/faults/${id}`);

    expect(added.status).toBe(201);
    expect((listed.body as { value: unknown[] }).value).toHaveLength(1);
    expect(hit.status).toBe(502);
    expect(removed.status).toBe(204);
    expect(emulator().faults.list()).toEqual([]);
  });

  it('refuses a misused rule with 400 naming the setting', async () => {
    const answer = await control().send('POST', '/_emulator/faults', {
      body: { action: { kind: 'status', status: 99 } },
    });

    expect(answer.status).toBe(400);
    expect((answer.body as { error: { message: string } }).error.message).toContain(
      'action.status',
    );
  });

  it('logs service requests (api, method, path, status, time), not control calls', async () => {
    await graphCaller(emulator()).send('GET', '/v1.0/security/incidents/1001');
    const answer = await control().send('GET', '/_emulator/requests?api=graph');
    const entries = (answer.body as { value: Array<Record<string, unknown>> }).value;

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      api: 'graph',
      method: 'GET',
      path: '/v1.0/security/incidents/1001',
      status: 200,
    });
    expect(entries[0]?.['time']).toMatch(/Z$/);
    expect(
      emulator()
        .requests.entries()
        .some((entry) => entry.path.startsWith('/_emulator')),
    ).toBe(false);

    await control().send('DELETE', '/_emulator/requests');
    expect(emulator().requests.entries()).toEqual([]);
  });
});
