import type { Incident } from '@azure/arm-securityinsight';
import { describe, expect, it } from 'vitest';

import { sentinelClient } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import {
  SENTINEL_INCIDENT_COUNT,
  sentinelIncidentName,
  USERS,
  WORKSPACE,
} from './support/testSeed.ts';

const emulator = useEmulator();
const { resourceGroupName: RG, workspaceName: WS } = WORKSPACE;
const NEW_INCIDENT = '0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f';

function putWithStatus(name: string, incident: Incident) {
  let status = 0;
  const call = sentinelClient(emulator()).incidents.createOrUpdate(RG, WS, name, incident, {
    onResponse: (response) => {
      status = response.status;
    },
  });
  return call.then((body) => ({ body, status }));
}

describe('writing Sentinel incidents through @azure/arm-securityinsight', () => {
  it('creates with 201, a quoted GUID etag and the next incident number', async () => {
    const { body, status } = await putWithStatus(NEW_INCIDENT, {
      title: 'Created by a test',
      severity: 'Low',
      status: 'New',
      owner: { objectId: USERS.analyst.id },
    });

    expect(status).toBe(201);
    expect(body.etag).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(body).toMatchObject({
      incidentNumber: SENTINEL_INCIDENT_COUNT + 1,
      providerName: 'Azure Sentinel',
      owner: {
        objectId: USERS.analyst.id,
        email: USERS.analyst.mail,
        userPrincipalName: USERS.analyst.userPrincipalName,
        assignedTo: USERS.analyst.displayName,
        ownerType: 'User',
      },
    });
    expect(body.createdTimeUtc).toEqual(body.lastModifiedTimeUtc);
  });

  it('updates with the current etag: 200, a new etag and a later lastModifiedTimeUtc', async () => {
    const client = sentinelClient(emulator());
    const current = await client.incidents.get(RG, WS, sentinelIncidentName(2));

    const { body, status } = await putWithStatus(sentinelIncidentName(2), {
      ...current,
      severity: 'High',
    });

    expect(status).toBe(200);
    expect(body.severity).toBe('High');
    expect(body.etag).not.toBe(current.etag);
    expect(Date.parse(String(body.lastModifiedTimeUtc))).toBeGreaterThanOrEqual(
      Date.parse(String(current.lastModifiedTimeUtc)),
    );
    expect(body.lastModifiedTimeUtc).not.toEqual(current.lastModifiedTimeUtc);
  });

  it('refuses a stale etag with 409 Conflict and leaves the incident alone', async () => {
    const client = sentinelClient(emulator());
    const stale = await client.incidents.get(RG, WS, sentinelIncidentName(3));
    await client.incidents.createOrUpdate(RG, WS, sentinelIncidentName(3), {
      ...stale,
      title: 'First',
    });

    const error = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, sentinelIncidentName(3), {
        ...stale,
        title: 'Second',
      }),
    );

    expect(error).toMatchObject({ statusCode: 409, code: 'Conflict' });
    expect(error.message).toBe(
      `Newer version of resource '${sentinelIncidentName(3)}' exists. Data was not saved`,
    );
    expect(emulator().state.getSentinelIncident(sentinelIncidentName(3))?.properties.title).toBe(
      'First',
    );
  });

  it('writes unconditionally when the body has no etag', async () => {
    const client = sentinelClient(emulator());
    const current = await client.incidents.get(RG, WS, sentinelIncidentName(4));
    emulator().state.editSentinelIncident(sentinelIncidentName(4), { description: 'edited' });

    const { etag: _etag, ...withoutEtag } = current;
    const { status } = await putWithStatus(sentinelIncidentName(4), {
      ...withoutEtag,
      title: 'Mine',
    });
    expect(status).toBe(200);
  });

  it('refuses a body without title, and an invalid enum value', async () => {
    const client = sentinelClient(emulator());
    const noTitle = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, NEW_INCIDENT, {
        severity: 'Low',
        status: 'New',
      } as Incident),
    );
    const badSeverity = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, NEW_INCIDENT, {
        title: 't',
        severity: 'Severe',
        status: 'New',
      }),
    );

    expect(noTitle).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(noTitle.message).toContain("'title'");
    expect(badSeverity.statusCode).toBe(400);
    expect(badSeverity.message).toContain("'severity'");
  });

  it.each([
    [
      { classification: 'BenignPositive' },
      "classification 'BenignPositive' must have classificationReason",
    ],
    [{}, 'must have a classification'],
    [
      { classification: 'TruePositive', classificationReason: 'InaccurateData' },
      'is not valid with',
    ],
    [
      { classification: 'Undetermined', classificationReason: 'SuspiciousActivity' },
      'must not have',
    ],
  ])('refuses closing with %j', async (closing, message) => {
    const error = await restErrorOf(
      sentinelClient(emulator()).incidents.createOrUpdate(RG, WS, sentinelIncidentName(5), {
        title: 'Close me',
        severity: 'Low',
        status: 'Closed',
        ...closing,
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain(message);
  });

  it('closes with each of the five valid pairs', async () => {
    const pairs = [
      { classification: 'Undetermined' },
      { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' },
      { classification: 'BenignPositive', classificationReason: 'SuspiciousButExpected' },
      { classification: 'FalsePositive', classificationReason: 'IncorrectAlertLogic' },
      { classification: 'FalsePositive', classificationReason: 'InaccurateData' },
    ];
    for (const pair of pairs) {
      const { body } = await putWithStatus(sentinelIncidentName(6), {
        title: 'Close me',
        severity: 'Low',
        status: 'Closed',
        ...pair,
      });
      expect(body).toMatchObject({ status: 'Closed', ...pair });
    }
  });

  it('refuses a description longer than 5,000 characters', async () => {
    const error = await restErrorOf(
      sentinelClient(emulator()).incidents.createOrUpdate(RG, WS, NEW_INCIDENT, {
        title: 't',
        severity: 'Low',
        status: 'New',
        description: 'x'.repeat(5001),
      }),
    );
    expect(error.statusCode).toBe(400);
  });

  it('keeps read-only properties from the stored incident whatever the body says', async () => {
    const client = sentinelClient(emulator());
    const current = await client.incidents.get(RG, WS, sentinelIncidentName(1));

    const { body } = await putWithStatus(sentinelIncidentName(1), {
      ...current,
      providerName: 'Forged',
      providerIncidentId: '666',
      incidentNumber: 999,
      createdTimeUtc: new Date('2000-01-01T00:00:00Z'),
    });

    expect(body).toMatchObject({
      providerName: 'Microsoft XDR',
      providerIncidentId: '1001',
      incidentNumber: 1,
    });
    expect(body.createdTimeUtc).toEqual(current.createdTimeUtc);
  });

  it('clears writable properties a PUT leaves out, such as the owner', async () => {
    const client = sentinelClient(emulator());
    emulator().state.editSentinelIncident(sentinelIncidentName(7), {
      owner: { objectId: USERS.lead.id },
    });
    const current = await client.incidents.get(RG, WS, sentinelIncidentName(7));
    expect(current.owner?.userPrincipalName).toBe(USERS.lead.userPrincipalName);

    const { owner: _owner, ...withoutOwner } = current;
    const { body } = await putWithStatus(sentinelIncidentName(7), withoutOwner);
    expect(body.owner).toEqual({
      objectId: null,
      email: null,
      assignedTo: null,
      userPrincipalName: null,
    });
  });

  it('stores an owner given only by UPN as given', async () => {
    const { body } = await putWithStatus(NEW_INCIDENT, {
      title: 't',
      severity: 'Low',
      status: 'Active',
      owner: { userPrincipalName: 'Someone@Elsewhere.example' },
    });
    expect(body.owner).toMatchObject({
      userPrincipalName: 'Someone@Elsewhere.example',
      objectId: null,
    });
  });

  it('keeps AutoAssigned label types and makes every other label a User label', async () => {
    emulator().state.editSentinelIncident(sentinelIncidentName(8), {
      labels: [{ labelName: 'auto', labelType: 'AutoAssigned' }],
    });
    const current = await sentinelClient(emulator()).incidents.get(RG, WS, sentinelIncidentName(8));

    const { body } = await putWithStatus(sentinelIncidentName(8), {
      ...current,
      labels: [{ labelName: 'auto' }, { labelName: 'mine', labelType: 'AutoAssigned' }],
    });
    expect(body.labels).toEqual([
      { labelName: 'auto', labelType: 'AutoAssigned' },
      { labelName: 'mine', labelType: 'User' },
    ]);
  });

  it('deletes an incident', async () => {
    const client = sentinelClient(emulator());
    await client.incidents.delete(RG, WS, sentinelIncidentName(9));

    const error = await restErrorOf(client.incidents.get(RG, WS, sentinelIncidentName(9)));
    expect(error.statusCode).toBe(404);
  });
});
