import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../api/createApp.ts';
import type { PairList } from '../../api/contractTypes.ts';
import { api } from '../support/apiClient.ts';
import { expectContractResponse } from '../support/contract.ts';
import { OFFLINE_TENANT, offlineServices } from '../support/offlineServices.ts';

let app: Express;
let offline: Awaited<ReturnType<typeof offlineServices>>;

beforeAll(async () => {
  offline = await offlineServices();
  app = createApp(offline.services);
});
afterAll(() => offline.dispose());

describe('ListPairs', () => {
  it('lists the configured pair with both sides named', async () => {
    const response = await api(app).get('/api/v1/pairs');

    expect(response.status).toBe(200);
    expectContractResponse('ListPairs', response);
    expect((response.body as PairList).pairs).toEqual([
      {
        name: 'fabrikam',
        mode: 'full',
        defenderTenantId: OFFLINE_TENANT,
        sentinelSubscriptionId: '5c2f1a9e-0d3b-4c7a-8e6f-2b1a0c9d8e7f',
        sentinelResourceGroupName: 'soc-rg',
        sentinelWorkspaceName: 'fabrikam-soc',
      },
    ]);
  });

  it('refuses a POST with a problem naming the allowed method', async () => {
    const response = await api(app).post('/api/v1/pairs').send({});

    expect(response.status).toBe(405);
    expect(response.body).toMatchObject({ code: 'method_not_allowed' });
  });
});
