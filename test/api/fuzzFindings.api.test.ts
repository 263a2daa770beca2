/**
 * Failures the contract fuzz found, each pinned by the smallest input that showed it.
 */
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/createApp.ts';
import { api } from '../support/apiClient.ts';
import { expectContractResponse } from '../support/contract.ts';
import { offlineServices } from '../support/offlineServices.ts';

let app: Express;
let offline: Awaited<ReturnType<typeof offlineServices>>;

beforeAll(async () => {
  const built = await offlineServices();
  offline = built;
  app = createApp(built.services);
});
afterAll(() => offline.dispose());

function mapSentinel(body: string) {
  return api(app)
    .post('/api/v1/mappings/sentinel-to-defender')
    .set('Content-Type', 'application/json')
    .send(body);
}

describe('inputs the fuzz found answered with 500', () => {
  it('maps a playbook trigger body without workspaceInfo instead of failing', async () => {
    const response = await mapSentinel('{"object":{"properties":{}}}');

    expect(response.status).toBe(200);
    expectContractResponse('MapSentinelIncident', response);
  });

  it('reads an ARM incident whose extra "object" field has null properties as the ARM incident', async () => {
    const response = await mapSentinel(
      '{"properties":{"title":"t","status":"Active"},"object":{"properties":null}}',
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ defender: { status: 'inProgress' } });
  });
});
