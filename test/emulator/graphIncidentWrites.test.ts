import { describe, expect, it } from 'vitest';

import type { GraphComment, GraphIncident } from '../../src/model/graphIncident.ts';
import { graphCaller } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { APP, TENANT } from './support/testSeed.ts';

const emulator = useEmulator();
const graph = () => graphCaller(emulator());
const APP_ACTOR = `API-App:${APP.clientId}`;

async function errorOf(method: 'GET' | 'PATCH' | 'POST', path: string, body?: unknown) {
  const answer = await graph().send(method, path, { body });
  return {
    status: answer.status,
    error: (answer.body as { error: { code: string; message: string } }).error,
  };
}

describe('Graph security incidents: PATCH', () => {
  it('writes status, classification, determination, assignedTo and customTags', async () => {
    const answer = await graph().send('PATCH', '/v1.0/security/incidents/1001', {
      body: {
        status: 'Resolved',
        classification: 'TruePositive',
        determination: 'MultiStagedAttack',
        assignedTo: 'omar.lead@fabrikam-test.example',
        customTags: ['bridge', 'synced'],
      },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: '1001',
      status: 'resolved',
      classification: 'truePositive',
      determination: 'multiStagedAttack',
      assignedTo: 'omar.lead@fabrikam-test.example',
      customTags: ['bridge', 'synced'],
      lastModifiedBy: APP_ACTOR,
    });
    expect(emulator().state.getDefenderIncident(TENANT, '1001')?.customTags).toEqual([
      'bridge',
      'synced',
    ]);
  });

  it('replaces the whole customTags list', async () => {
    await graph().send('PATCH', '/v1.0/security/incidents/1001', { body: { customTags: [] } });
    expect(emulator().state.getDefenderIncident(TENANT, '1001')?.customTags).toEqual([]);
  });

  it.each(['severity', 'displayName', 'description', 'comments'])(
    'refuses to write %s, naming it',
    async (property) => {
      const { status, error } = await errorOf('PATCH', '/v1.0/security/incidents/1001', {
        [property]: 'x',
      });

      expect(status).toBe(400);
      expect(error.message).toContain(`'${property}'`);
    },
  );

  it.each([
    ['compromisedUser', 'compromisedAccount'],
    ['clean', 'notMalicious'],
    ['InsufficientData', 'notEnoughDataToValidate'],
    ['confirmedUserActivity', 'confirmedActivity'],
  ])('stores the old determination %s as %s', async (old, current) => {
    const answer = await graph().send('PATCH', '/v1.0/security/incidents/1002', {
      body: { determination: old },
    });

    expect((answer.body as GraphIncident).determination).toBe(current);
    expect(emulator().state.getDefenderIncident(TENANT, '1002')?.determination).toBe(current);
  });

  it.each(['redirected', 'awaitingAction', 'unknownFutureValue', 'closed'])(
    'refuses status %s',
    async (status) => {
      const { status: code, error } = await errorOf('PATCH', '/v1.0/security/incidents/1001', {
        status,
      });
      expect(code).toBe(400);
      expect(error.message).toContain("'status'");
    },
  );

  it('moves lastUpdateDateTime forward and names the caller', async () => {
    const before = emulator().state.getDefenderIncident(TENANT, '1003');
    const answer = await graph().send('PATCH', '/v1.0/security/incidents/1003', {
      body: { status: 'active' },
    });
    const after = answer.body as GraphIncident;

    expect(String(after.lastUpdateDateTime) > String(before?.lastUpdateDateTime)).toBe(true);
    expect(after.lastModifiedBy).toBe(APP_ACTOR);
  });
});

describe('Graph security incidents: comments', () => {
  it('answers a new comment with the full comment list', async () => {
    emulator().state.addDefenderComment(TENANT, '1001', 'Seen in the portal');
    const answer = await graph().send('POST', '/v1.0/security/incidents/1001/comments', {
      body: { '@odata.type': 'microsoft.graph.security.alertComment', comment: 'From the bridge' },
    });

    const body = answer.body as { '@odata.context': string; value: GraphComment[] };
    expect(answer.status).toBe(200);
    expect(body['@odata.context']).toContain("security/incidents('1001')/comments");
    expect(body.value.map((comment) => comment.comment)).toEqual([
      'Seen in the portal',
      'From the bridge',
    ]);
    expect(body.value[1]).toMatchObject({ createdByDisplayName: APP_ACTOR });
    expect(body.value[1]?.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
  });

  it('refuses a comment without text', async () => {
    const { status } = await errorOf('POST', '/v1.0/security/incidents/1001/comments', {
      comment: '',
    });
    expect(status).toBe(400);
  });
});

describe('Graph change cursor with a clock standing still', () => {
  const frozen = useEmulator({ clock: () => new Date('2025-06-01T00:00:00.000Z') });

  it('never gives two changes the same lastUpdateDateTime', async () => {
    const caller = graphCaller(frozen());
    const stamps: string[] = [];

    for (const status of ['inProgress', 'resolved', 'active']) {
      const answer = await caller.send('PATCH', '/v1.0/security/incidents/1001', {
        body: { status },
      });
      stamps.push(String((answer.body as GraphIncident).lastUpdateDateTime));
    }
    await caller.send('POST', '/v1.0/security/incidents/1001/comments', { body: { comment: 'c' } });
    stamps.push(String(frozen().state.getDefenderIncident(TENANT, '1001')?.lastUpdateDateTime));

    expect(stamps).toEqual([
      '2025-06-01T00:00:00.0000000Z',
      '2025-06-01T00:00:00.0000001Z',
      '2025-06-01T00:00:00.0000002Z',
      '2025-06-01T00:00:00.0000003Z',
    ]);
  });

  it('leaves the cursor alone when a PATCH changes nothing', async () => {
    const caller = graphCaller(frozen());
    const before = frozen().state.getDefenderIncident(TENANT, '1001');
    await caller.send('PATCH', '/v1.0/security/incidents/1001', { body: { status: 'active' } });

    expect(frozen().state.getDefenderIncident(TENANT, '1001')?.lastUpdateDateTime).toBe(
      before?.lastUpdateDateTime,
    );
  });
});
