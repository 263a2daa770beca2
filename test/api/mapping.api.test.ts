import { api } from '../support/apiClient.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../api/createApp.ts';
import type { components } from '../../openapi/generated/types.ts';
import { expectContractResponse } from '../support/contract.ts';
import { fixture } from '../support/fixtures.ts';
import { offlineServices } from '../support/offlineServices.ts';

type MapDefenderResult = components['schemas']['MapDefenderIncidentResult'];
type MapSentinelResult = components['schemas']['MapSentinelIncidentResult'];
type Problem = components['schemas']['Problem'];

let app: Express;
let offline: Awaited<ReturnType<typeof offlineServices>>;

beforeAll(async () => {
  offline = await offlineServices();
  app = createApp(offline.services);
});
afterAll(() => offline.dispose());

describe('MapDefenderIncident', () => {
  it('maps a Graph incident with alerts', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send(fixture('graph-incident-with-alerts.json'));

    expect(response.status).toBe(200);
    expectContractResponse('MapDefenderIncident', response);
    const body = response.body as MapDefenderResult;
    expect(body.source).toBe('graph');
    expect(body.sentinel.status).toBe('Active');
    expect(body.sentinel.labels).toContainEqual({ labelName: 'finance', labelType: 'User' });
  });

  it('maps a legacy incident and says so', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send(fixture('defender-legacy-incident.json'));

    expect(response.status).toBe(200);
    expectContractResponse('MapDefenderIncident', response);
    expect((response.body as MapDefenderResult).source).toBe('legacy');
    expect((response.body as MapDefenderResult).defenderIncidentId).toBe('880133');
  });

  it('answers malformed JSON with a problem, not a 500', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .set('Content-Type', 'application/json')
      .send('{"id": "1", ');

    expect(response.status).toBe(400);
    expectContractResponse('MapDefenderIncident', response);
    expect((response.body as Problem).code).toBe('malformed_json');
  });

  it('names the field and the expected type for a wrong type', async () => {
    const body = {
      ...fixture<Record<string, unknown>>('graph-incident-with-alerts.json'),
      customTags: 'finance',
    };
    const response = await api(app).post('/api/v1/mappings/defender-to-sentinel').send(body);

    expect(response.status).toBe(400);
    expectContractResponse('MapDefenderIncident', response);
    expect((response.body as Problem).errors).toContainEqual({
      field: 'body.customTags',
      message: 'must be an array or null',
      acceptedValues: [],
    });
  });

  it('reports the legacy shape errors for a legacy body', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send({ incidentId: 'not-a-number', incidentName: 'x' });

    expect(response.status).toBe(400);
    const fields = (response.body as Problem).errors.map((error) => error.field);
    expect(fields).toContain('body.incidentId');
    expect(fields).not.toContain('body.id');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .set('Content-Type', 'text/plain')
      .send('id=1');

    expect(response.status).toBe(415);
    expectContractResponse('MapDefenderIncident', response);
  });
});

describe('MapSentinelIncident', () => {
  it('maps an ARM incident', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/sentinel-to-defender')
      .send(fixture('sentinel-incident.json'));

    expect(response.status).toBe(200);
    expectContractResponse('MapSentinelIncident', response);
    const body = response.body as MapSentinelResult;
    expect(body.defender.status).toBe('inProgress');
    expect(body.defenderIncidentId).toBe('4410027');
  });

  it('maps a playbook trigger body', async () => {
    const response = await api(app)
      .post('/api/v1/mappings/sentinel-to-defender')
      .send(fixture('playbook-trigger.json'));

    expect(response.status).toBe(200);
    expectContractResponse('MapSentinelIncident', response);
    const body = response.body as MapSentinelResult;
    expect(body.sentinelIncidentArmId).toMatch(
      /\/providers\/Microsoft\.SecurityInsights\/incidents\/0f5e6d7c/,
    );
    expect(body.graphPatch).toMatchObject({
      status: 'resolved',
      classification: 'informationalExpectedActivity',
    });
  });

  it('answers a body with no properties with the missing field', async () => {
    const response = await api(app).post('/api/v1/mappings/sentinel-to-defender').send({ id: 'x' });

    expect(response.status).toBe(400);
    expect((response.body as Problem).errors).toContainEqual({
      field: 'body.properties',
      message: 'is required',
      acceptedValues: [],
    });
  });
});
