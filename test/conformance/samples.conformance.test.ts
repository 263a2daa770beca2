/**
 * Every public sample payload maps without error, and the answer matches the contract.
 * Runs when ../shared is present (CI always has it).
 */
import { api } from '../support/apiClient.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../api/createApp.ts';
import type { components } from '../../openapi/generated/types.ts';
import { expectContractResponse } from '../support/contract.ts';
import { offlineServices } from '../support/offlineServices.ts';
import { readSharedJson, sharedExists } from '../support/sharedReference.ts';

type MapDefenderResult = components['schemas']['MapDefenderIncidentResult'];
type MapSentinelResult = components['schemas']['MapSentinelIncidentResult'];

let app: Express;
let offline: Awaited<ReturnType<typeof offlineServices>>;

beforeAll(async () => {
  offline = await offlineServices();
  app = createApp(offline.services);
});
afterAll(() => offline.dispose());

describe.runIf(sharedExists)('public Defender samples', () => {
  it('maps the Graph incident with alerts (samples/graph-incident-with-alerts.v1.0.json)', async () => {
    const [incident] = readSharedJson<{ value: unknown[] }>(
      'samples/graph-incident-with-alerts.v1.0.json',
    ).value;
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send(incident as object);

    expect(response.status).toBe(200);
    expectContractResponse('MapDefenderIncident', response);
    const body = response.body as MapDefenderResult;
    expect(body).toMatchObject({ source: 'graph', defenderIncidentId: '2972395' });
    expect(body.sentinel).toMatchObject({ status: 'New', severity: 'Medium', classification: '' });
    expect(body.sentinel.labels.map((label) => label.labelName)).toEqual([
      'Demo',
      'sys:Defender Experts',
    ]);
  });

  it('maps the same incident without its alerts', async () => {
    const [incident] = readSharedJson<{ value: Array<Record<string, unknown>> }>(
      'samples/graph-incident-with-alerts.v1.0.json',
    ).value;
    const withoutAlerts = { ...incident, alerts: undefined };
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send(withoutAlerts);

    expect(response.status).toBe(200);
    expectContractResponse('MapDefenderIncident', response);
    expect((response.body as MapDefenderResult).sentinel.firstActivityTimeUtc).toBe(
      '2021-08-13T08:43:35.5533333Z',
    );
  });

  it('maps the legacy Defender API incident (samples/defender-legacy-api-incident.json)', async () => {
    const [incident] = readSharedJson<{ value: unknown[] }>(
      'samples/defender-legacy-api-incident.json',
    ).value;
    const response = await api(app)
      .post('/api/v1/mappings/defender-to-sentinel')
      .send(incident as object);

    expect(response.status).toBe(200);
    expectContractResponse('MapDefenderIncident', response);
    expect(response.body as MapDefenderResult).toMatchObject({
      source: 'legacy',
      defenderIncidentId: '924521',
      sentinel: {
        status: 'New',
        severity: 'Low',
        title: "'Mimikatz' hacktool was detected on one endpoint",
      },
    });
  });
});

describe.runIf(sharedExists)('public Sentinel samples', () => {
  const bodies: Array<[string, () => unknown]> = [
    [
      'sentinel-incident-get.2024-09-01.json',
      () =>
        readSharedJson<{ responses: { 200: { body: unknown } } }>(
          'samples/sentinel-incident-get.2024-09-01.json',
        ).responses[200].body,
    ],
    [
      'sentinel-incident-get.defender-portal.2025-07-01-preview.json',
      () =>
        readSharedJson<{ responses: { 200: { body: unknown } } }>(
          'samples/sentinel-incident-get.defender-portal.2025-07-01-preview.json',
        ).responses[200].body,
    ],
    [
      'sentinel-incident-put.2025-09-01.json (request)',
      () => {
        const sample = readSharedJson<{ parameters: { incident: Record<string, unknown> } }>(
          'samples/sentinel-incident-put.2025-09-01.json',
        );
        return { id: '', ...sample.parameters.incident };
      },
    ],
    [
      'sentinel-incident-put.2025-09-01.json (201 response)',
      () =>
        readSharedJson<{ responses: { 201: { body: unknown } } }>(
          'samples/sentinel-incident-put.2025-09-01.json',
        ).responses[201].body,
    ],
    [
      'sentinel-playbook-incident-trigger.json',
      () => readSharedJson('samples/sentinel-playbook-incident-trigger.json'),
    ],
  ];

  it.each(bodies)('maps %s', async (_name, load) => {
    const response = await api(app)
      .post('/api/v1/mappings/sentinel-to-defender')
      .send(load() as object);

    expect(response.status).toBe(200);
    expectContractResponse('MapSentinelIncident', response);
  });

  it('maps the closed FalsePositive / InaccurateData sample to a Graph false positive', async () => {
    const body = readSharedJson<{ responses: { 200: { body: unknown } } }>(
      'samples/sentinel-incident-get.2024-09-01.json',
    ).responses[200].body;
    const response = await api(app)
      .post('/api/v1/mappings/sentinel-to-defender')
      .send(body as object);

    expect((response.body as MapSentinelResult).graphPatch).toEqual({
      status: 'resolved',
      classification: 'falsePositive',
      determination: 'notEnoughDataToValidate',
      assignedTo: 'john@contoso.com',
      customTags: [],
    });
  });
});
