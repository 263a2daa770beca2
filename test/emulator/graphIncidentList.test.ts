import { describe, expect, it } from 'vitest';

import type { GraphIncident, GraphPage } from '../../src/model/graphIncident.ts';
import { graphCaller } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { TENANT } from './support/testSeed.ts';

const emulator = useEmulator();
const graph = () => graphCaller(emulator());

async function getPage(path: string): Promise<GraphPage<GraphIncident>> {
  const answer = await graph().send('GET', path);
  expect(answer.status).toBe(200);
  return answer.body as GraphPage<GraphIncident>;
}

async function errorOf(method: 'GET' | 'PATCH' | 'POST', path: string, body?: unknown) {
  const answer = await graph().send(method, path, { body });
  return {
    status: answer.status,
    error: (answer.body as { error: { code: string; message: string } }).error,
  };
}

describe('Graph security incidents: listing', () => {
  it('lists the most recently created first, answering enums in camelCase', async () => {
    emulator().state.addDefenderIncident(TENANT, {
      id: '2000',
      status: 'InProgress',
      severity: 'High',
      createdDateTime: '2025-05-01T00:00:00Z',
    });

    const page = await getPage('/v1.0/security/incidents');
    expect(page.value.map((incident) => incident.id)).toEqual([
      '2000',
      '1007',
      '1006',
      '1005',
      '1004',
      '1003',
      '1002',
      '1001',
    ]);
    expect(page.value[0]).toMatchObject({ status: 'inProgress', severity: 'high' });
  });

  it('filters on lastUpdateDateTime and pages through @odata.nextLink', async () => {
    const ids: string[] = [];
    let next: string | undefined =
      '/v1.0/security/incidents?$filter=lastUpdateDateTime ge 2025-04-03T00:00:00Z&$top=2';
    const links: string[] = [];

    while (next) {
      const page: GraphPage<GraphIncident> = await getPage(next);
      ids.push(...page.value.map((incident) => incident.id));
      next = page['@odata.nextLink'];
      if (next) links.push(next);
    }

    expect(ids).toEqual(['1007', '1006', '1005', '1004', '1003']);
    expect(links).toHaveLength(2);
    expect(links[0]?.startsWith(`${emulator().url}/v1.0/security/incidents?`)).toBe(true);
    expect(links[0]).toContain('$skip=2');
  });

  it('combines filters with and, matching enum literals in any casing', async () => {
    const page = await getPage(
      "/v1.0/security/incidents?$filter=status eq 'Active' and severity eq 'high' " +
        'and createdDateTime lt 2025-04-05T00:00:00Z',
    );
    expect(page.value.map((incident) => incident.id)).toEqual(['1004', '1002']);
  });

  it('filters on assignedTo, classification and determination', async () => {
    const assigned = await getPage(
      "/v1.0/security/incidents?$filter=assignedTo eq 'RIN.ANALYST@fabrikam-test.example'",
    );
    const malware = await getPage(
      "/v1.0/security/incidents?$filter=classification eq 'truePositive' " +
        "and determination eq 'malware'",
    );

    expect(assigned.value.map((incident) => incident.id)).toEqual(['1002']);
    expect(malware.value.map((incident) => incident.id)).toEqual(['1003']);
  });

  it("refuses $top above 50 with Graph's own message", async () => {
    const { status, error } = await errorOf('GET', '/v1.0/security/incidents?$top=51');

    expect(status).toBe(400);
    expect(error.message).toContain("The limit of '50' for Top query has been exceeded");
  });

  it('refuses a quoted date-time and properties that cannot be filtered', async () => {
    const quoted = await errorOf(
      'GET',
      "/v1.0/security/incidents?$filter=lastUpdateDateTime ge '2025-04-03T00:00:00Z'",
    );
    const unfilterable = await errorOf(
      'GET',
      "/v1.0/security/incidents?$filter=displayName eq 'x'",
    );

    expect(quoted.status).toBe(400);
    expect(quoted.error.message).toContain('incompatible types');
    expect(unfilterable.status).toBe(400);
  });

  it('refuses $top=0, whose next page would never move on', async () => {
    const { status } = await errorOf('GET', '/v1.0/security/incidents?$top=0');
    expect(status).toBe(400);
  });

  it('counts with $count=true and skips with $skip', async () => {
    const page = (await getPage(
      '/v1.0/security/incidents?$count=true&$top=3&$skip=5',
    )) as GraphPage<GraphIncident> & {
      '@odata.count'?: number;
    };
    expect(page['@odata.count']).toBe(7);
    expect(page.value.map((incident) => incident.id)).toEqual(['1002', '1001']);
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('includes alerts only with $expand=alerts', async () => {
    const plain = await getPage('/v1.0/security/incidents?$top=1');
    const expanded = await getPage('/v1.0/security/incidents?$top=1&$expand=alerts');
    const single = await graph().send('GET', '/v1.0/security/incidents/1001?$expand=alerts');

    expect(plain.value[0]).not.toHaveProperty('alerts');
    expect(expanded.value[0]?.alerts).toHaveLength(1);
    expect((single.body as GraphIncident).alerts?.[0]?.id).toBe('da100000000000000_0000001');
  });

  it('answers an unknown incident with 404 NotFound', async () => {
    const { status, error } = await errorOf('GET', '/v1.0/security/incidents/424242');
    expect(status).toBe(404);
    expect(error.code).toBe('NotFound');
  });
});

describe('Graph security incidents: evolvable enum members', () => {
  it('answers awaitingAction as unknownFutureValue unless the client opts in', async () => {
    const hidden = await graph().send('GET', '/v1.0/security/incidents/1005');
    const shown = await graph().send('GET', '/v1.0/security/incidents/1005', {
      headers: { Prefer: 'include-unknown-enum-members' },
    });

    expect((hidden.body as GraphIncident).status).toBe('unknownFutureValue');
    expect((shown.body as GraphIncident).status).toBe('awaitingAction');
  });

  it('hides newer alert sources the same way', async () => {
    const path = '/v1.0/security/incidents/1004?$expand=alerts';
    const hidden = await graph().send('GET', path);
    const shown = await graph().send('GET', path, {
      headers: { Prefer: 'odata.maxpagesize=5, include-unknown-enum-members' },
    });

    expect((hidden.body as GraphIncident).alerts?.[0]).toMatchObject({
      serviceSource: 'unknownFutureValue',
      detectionSource: 'unknownFutureValue',
    });
    expect((shown.body as GraphIncident).alerts?.[0]).toMatchObject({
      serviceSource: 'microsoftSentinel',
      detectionSource: 'scheduledAlerts',
    });
  });
});
