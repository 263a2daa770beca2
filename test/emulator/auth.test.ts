import { describe, expect, it } from 'vitest';

import {
  armCaller,
  credentialFor,
  graphCaller,
  httpCaller,
  incidentsPath,
  sentinelClient,
  GRAPH_SCOPE,
  SENTINEL_API_VERSION,
} from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import { OTHER_APP, OTHER_TENANT, sentinelIncidentName, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const OTHER = { tenantId: OTHER_TENANT, ...OTHER_APP };
const VERSION = `api-version=${SENTINEL_API_VERSION}`;
const INCIDENT_PATH = `${incidentsPath()}/${sentinelIncidentName(1)}?${VERSION}`;

describe('bearer tokens on the ARM and Graph APIs', () => {
  it('answers ARM requests without a token with 401 AuthenticationFailed', async () => {
    const answer = await httpCaller(emulator()).send('GET', INCIDENT_PATH);

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: {
        code: 'AuthenticationFailed',
        message: "Authentication failed. The 'Authorization' header is missing.",
      },
    });
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('refuses a token that is not one of its own', async () => {
    const forged = httpCaller(emulator(), () => Promise.resolve('eyJhbGciOiJub25lIn0.e30.'));
    const answer = await forged.send('GET', INCIDENT_PATH);

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('refuses a Graph token on ARM for its audience', async () => {
    const credential = credentialFor(emulator());
    const graphToken = httpCaller(
      emulator(),
      async () => (await credential.getToken(GRAPH_SCOPE)).token,
    );
    const answer = await graphToken.send('GET', INCIDENT_PATH);

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidAuthenticationTokenAudience' } });
  });

  it("answers a token of another tenant with 403 on the subscription's workspace", async () => {
    const error = await restErrorOf(
      sentinelClient(emulator(), { app: OTHER }).incidents.get(
        WORKSPACE.resourceGroupName,
        WORKSPACE.workspaceName,
        sentinelIncidentName(1),
      ),
    );
    expect(error).toMatchObject({ statusCode: 403, code: 'InvalidAuthenticationTokenTenant' });
  });

  it('answers Graph requests without a token with 401 InvalidAuthenticationToken', async () => {
    const answer = await httpCaller(emulator()).send('GET', '/v1.0/security/incidents');

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
    });
  });

  it("shows a Graph token only its own tenant's incidents", async () => {
    const other = graphCaller(emulator(), OTHER);
    const list = await other.send('GET', '/v1.0/security/incidents');
    const foreign = await other.send('GET', '/v1.0/security/incidents/1001');

    expect((list.body as { value: Array<{ id: string }> }).value.map((item) => item.id)).toEqual([
      '9001',
    ]);
    expect(foreign.status).toBe(404);
  });
});

describe('ARM request checks', () => {
  const arm = () => armCaller(emulator());

  it('requires api-version and records the one sent', async () => {
    const missing = await arm().send('GET', `${incidentsPath()}/${sentinelIncidentName(1)}`);
    const malformed = await arm().send('GET', `${incidentsPath()}?api-version=latest`);

    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
    expect(malformed.body).toMatchObject({ error: { code: 'InvalidApiVersionParameter' } });
  });

  it('answers PUT on the incidents collection with 405', async () => {
    const answer = await arm().send(
      'PUT',
      `${incidentsPath()}?api-version=${SENTINEL_API_VERSION}`,
      {
        body: { properties: { title: 't', severity: 'Low', status: 'New' } },
      },
    );
    expect(answer.status).toBe(405);
    expect(answer.body).toMatchObject({ error: { code: 'MethodNotAllowed' } });
  });

  it('matches ARM paths ignoring case, as the playbook trigger spells them', async () => {
    const path = INCIDENT_PATH.replace('/incidents/', '/Incidents/').replace(
      '/resourceGroups/',
      '/resourcegroups/',
    );
    const answer = await arm().send('GET', path);
    expect(answer.status).toBe(200);
  });

  it('answers an unknown workspace or subscription with 404', async () => {
    const workspace = await arm().send(
      'GET',
      `${incidentsPath({ ...WORKSPACE, workspaceName: 'nope' })}?${VERSION}`,
    );
    const subscription = await arm().send(
      'GET',
      `${incidentsPath({ ...WORKSPACE, subscriptionId: '00000000-0000-4000-8000-000000000000' })}` +
        `?api-version=${SENTINEL_API_VERSION}`,
    );

    expect(workspace.body).toMatchObject({ error: { code: 'ResourceNotFound' } });
    expect(subscription.body).toMatchObject({ error: { code: 'SubscriptionNotFound' } });
  });

  it('answers malformed JSON bodies with an ARM 400', async () => {
    const answer = await arm().send('PUT', INCIDENT_PATH, { rawJson: '{"properties": ' });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'BadRequest' } });
  });
});
