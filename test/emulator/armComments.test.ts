import type { IncidentComment } from '@azure/arm-securityinsight';
import { describe, expect, it } from 'vitest';

import { sentinelClient } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import { APP, sentinelIncidentName, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const { resourceGroupName: RG, workspaceName: WS } = WORKSPACE;
const INCIDENT = sentinelIncidentName(1);
const COMMENT_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

async function listComments(incident = INCIDENT): Promise<IncidentComment[]> {
  const comments: IncidentComment[] = [];
  for await (const comment of sentinelClient(emulator()).incidentComments.list(RG, WS, incident)) {
    comments.push(comment);
  }
  return comments;
}

describe('Sentinel incident comments through @azure/arm-securityinsight', () => {
  it('creates a comment under the id the client chose, authored by the calling app', async () => {
    let status = 0;
    const comment = await sentinelClient(emulator()).incidentComments.createOrUpdate(
      RG,
      WS,
      INCIDENT,
      COMMENT_ID,
      { message: 'Enrichment: 3 hosts' },
      { onResponse: (response) => (status = response.status) },
    );

    expect(status).toBe(201);
    expect(comment).toMatchObject({
      name: COMMENT_ID,
      message: 'Enrichment: 3 hosts',
      author: { name: APP.displayName },
    });
    expect(comment.author?.objectId).toMatch(/^[0-9a-f-]{36}$/);
    expect(comment.id?.endsWith(`/incidents/${INCIDENT}/comments/${COMMENT_ID}`)).toBe(true);
  });

  it('updates on a second PUT to the same id instead of adding a duplicate', async () => {
    const client = sentinelClient(emulator());
    await client.incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, { message: 'one' });
    let status = 0;
    await client.incidentComments.createOrUpdate(
      RG,
      WS,
      INCIDENT,
      COMMENT_ID,
      { message: 'two' },
      { onResponse: (response) => (status = response.status) },
    );

    expect(status).toBe(200);
    expect((await listComments()).map((comment) => comment.message)).toEqual(['two']);
  });

  it('gets and deletes a comment', async () => {
    const client = sentinelClient(emulator());
    await client.incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, { message: 'bye' });

    const fetched = await client.incidentComments.get(RG, WS, INCIDENT, COMMENT_ID);
    await client.incidentComments.delete(RG, WS, INCIDENT, COMMENT_ID);
    const gone = await restErrorOf(client.incidentComments.get(RG, WS, INCIDENT, COMMENT_ID));

    expect(fetched.message).toBe('bye');
    expect(gone.statusCode).toBe(404);
  });

  it('lists comments oldest first across pages', async () => {
    for (let index = 0; index < 55; index += 1) {
      emulator().state.addSentinelComment(INCIDENT, `note ${index}`);
    }

    const comments = await listComments();
    expect(comments).toHaveLength(55);
    expect(comments[0]?.message).toBe('note 0');
    expect(comments.at(-1)?.message).toBe('note 54');
    expect(emulator().requests.entries({ api: 'arm', method: 'GET' })).toHaveLength(2);
  });

  it('refuses a comment over 30,000 characters', async () => {
    const error = await restErrorOf(
      sentinelClient(emulator()).incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, {
        message: 'x'.repeat(30_001),
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('Comment length should not exceed 30000 characters');
  });

  it('accepts exactly 30,000 characters', async () => {
    const comment = await sentinelClient(emulator()).incidentComments.createOrUpdate(
      RG,
      WS,
      INCIDENT,
      COMMENT_ID,
      { message: 'x'.repeat(30_000) },
    );
    expect(comment.message).toHaveLength(30_000);
  });

  it('refuses the 101st comment of an incident', async () => {
    for (let index = 0; index < 100; index += 1) {
      emulator().state.addSentinelComment(INCIDENT, `note ${index}`);
    }

    const error = await restErrorOf(
      sentinelClient(emulator()).incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, {
        message: 'one too many',
      }),
    );
    expect(error.statusCode).toBe(400);
  });

  it('makes a comment a change of the incident, so a PUT with an older etag fails', async () => {
    const client = sentinelClient(emulator());
    const before = await client.incidents.get(RG, WS, INCIDENT);

    await client.incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, { message: 'x' });
    const after = await client.incidents.get(RG, WS, INCIDENT);
    const conflict = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, INCIDENT, { ...before, status: 'Active' }),
    );

    expect(after.etag).not.toBe(before.etag);
    expect(after.additionalData?.commentsCount).toBe(
      (before.additionalData?.commentsCount ?? 0) + 1,
    );
    expect(conflict.statusCode).toBe(409);
  });

  it('lists the alerts of an incident (a POST)', async () => {
    const alerts = await sentinelClient(emulator()).incidents.listAlerts(RG, WS, INCIDENT);

    expect(alerts.value).toHaveLength(1);
    expect(alerts.value[0]).toMatchObject({
      kind: 'SecurityAlert',
      alertDisplayName: 'Suspicious sign-in',
      severity: 'Medium',
    });
    expect(emulator().requests.entries({ api: 'arm', method: 'POST' })).toHaveLength(1);
  });

  it('lists the entities of an incident with counts per kind', async () => {
    const entities = await sentinelClient(emulator()).incidents.listEntities(RG, WS, INCIDENT);

    expect(entities.entities?.map((entity) => entity.kind)).toEqual(['Account', 'Ip', 'Ip']);
    expect(entities.metaData).toEqual([
      { entityKind: 'Account', count: 1 },
      { entityKind: 'Ip', count: 2 },
    ]);
  });

  it('answers alerts and comments of an unknown incident with 404', async () => {
    const client = sentinelClient(emulator());
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect((await restErrorOf(client.incidents.listAlerts(RG, WS, unknown))).statusCode).toBe(404);
    expect((await restErrorOf(listComments(unknown))).statusCode).toBe(404);
  });
});

describe('comment writes that leave the incident alone', () => {
  const quiet = useEmulator({ commentWritesBumpIncident: false });

  it('keep the etag when the option is off', async () => {
    const client = sentinelClient(quiet());
    const before = await client.incidents.get(RG, WS, INCIDENT);
    await client.incidentComments.createOrUpdate(RG, WS, INCIDENT, COMMENT_ID, { message: 'x' });
    const after = await client.incidents.get(RG, WS, INCIDENT);

    expect(after.etag).toBe(before.etag);
    expect(after.additionalData?.commentsCount).toBe(1);
  });
});
