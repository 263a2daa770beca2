import { api } from '../support/apiClient.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../api/createApp.ts';
import type { components } from '../../openapi/generated/types.ts';
import { expectContractResponse } from '../support/contract.ts';
import { offlineServices } from '../support/offlineServices.ts';

type Problem = components['schemas']['Problem'];

let app: Express;
let offline: Awaited<ReturnType<typeof offlineServices>>;

beforeAll(async () => {
  offline = await offlineServices();
  app = createApp(offline.services);
});
afterAll(() => offline.dispose());

describe('sync requests that cannot be valid are refused before any call', () => {
  it('refuses a string that is not an ARM id', async () => {
    const response = await api(app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: 'incident-42' });

    expect(response.status).toBe(400);
    expectContractResponse('SyncSentinelIncident', response);
    const [error] = (response.body as Problem).errors;
    expect(error?.field).toBe('body.incidentArmId');
    expect(error?.message).toMatch(/Sentinel incident ARM id/);
  });

  it('refuses unknown fields', async () => {
    const response = await api(app)
      .post('/api/v1/sync/defender-incident')
      .send({ tenantId: '7a1d4b1e-2c3f-4e5a-9b8c-1d2e3f4a5b6c', incidentId: '1', force: true });

    expect(response.status).toBe(400);
    expect((response.body as Problem).errors).toContainEqual({
      field: 'body.force',
      message: 'is not a known field',
      acceptedValues: [],
    });
  });

  it('refuses a tenant that is not a GUID and a non-numeric incident id', async () => {
    const response = await api(app)
      .post('/api/v1/sync/defender-incident')
      .send({ tenantId: 'contoso.onmicrosoft.com', incidentId: 'abc' });

    expect(response.status).toBe(400);
    const fields = (response.body as Problem).errors.map((error) => error.field).sort();
    expect(fields).toEqual(['body.incidentId', 'body.tenantId']);
  });

  it('answers a workspace with no configured pair with 404', async () => {
    const armId =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/' +
      'Microsoft.OperationalInsights/workspaces/other/providers/Microsoft.SecurityInsights/incidents/x';
    const response = await api(app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: armId });

    expect(response.status).toBe(404);
    expectContractResponse('SyncSentinelIncident', response);
    expect((response.body as Problem).code).toBe('pair_not_configured');
  });
});

describe('GetIncidentLink', () => {
  it('asks for exactly one lookup key', async () => {
    const response = await api(app).get('/api/v1/incident-links');

    expect(response.status).toBe(400);
    expectContractResponse('GetIncidentLink', response);
    expect((response.body as Problem).errors[0]?.acceptedValues).toEqual([
      'sentinelIncidentArmId',
      'sentinelIncidentNumber',
      'defenderIncidentId',
    ]);
  });

  it('refuses an unknown query parameter', async () => {
    const response = await api(app).get('/api/v1/incident-links?incident=5');
    expect(response.status).toBe(400);
    expect((response.body as Problem).errors[0]?.field).toBe('query.incident');
  });

  it('answers 404 for a pair nobody linked', async () => {
    const response = await api(app).get('/api/v1/incident-links?defenderIncidentId=999');
    expect(response.status).toBe(404);
    expectContractResponse('GetIncidentLink', response);
  });
});

describe('GetHealth and unknown routes', () => {
  it('reports liveness', async () => {
    const response = await api(app).get('/api/v1/health?probe=liveness');
    expect(response.status).toBe(200);
    expectContractResponse('GetHealth', response);
  });

  it('reports readiness with its checks', async () => {
    const response = await api(app).get('/api/v1/health');
    expect(response.status).toBe(200);
    expectContractResponse('GetHealth', response);
    expect(
      (response.body as components['schemas']['Health']).checks.map((check) => check.name),
    ).toEqual(['store', 'pairs']);
  });

  it('refuses an unknown probe, listing the accepted ones', async () => {
    const response = await api(app).get('/api/v1/health?probe=deep');
    expect(response.status).toBe(400);
    expect((response.body as Problem).errors[0]).toEqual({
      field: 'query.probe',
      message: 'must be one of the accepted values',
      acceptedValues: ['liveness', 'readiness'],
    });
  });

  it('answers problem+json for an unknown route and a wrong method', async () => {
    const missing = await api(app).get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    const wrongMethod = await api(app).delete('/api/v1/health');
    expect(wrongMethod.status).toBe(405);
    expect((wrongMethod.body as Problem).code).toBe('method_not_allowed');
  });
});
