import { getContinuationToken, type Incident } from '@azure/arm-securityinsight';
import { describe, expect, it } from 'vitest';

import { sentinelClient, SENTINEL_API_VERSION } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import { SENTINEL_INCIDENT_COUNT, sentinelIncidentName, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const { resourceGroupName: RG, workspaceName: WS } = WORKSPACE;

async function listAll(options: { filter?: string; orderby?: string; top?: number } = {}) {
  const names: Incident[] = [];
  for await (const incident of sentinelClient(emulator()).incidents.list(RG, WS, options)) {
    names.push(incident);
  }
  return names;
}

describe('reading Sentinel incidents through @azure/arm-securityinsight', () => {
  it('gets an incident with its read-only properties, recording the api-version', async () => {
    const incident = await sentinelClient(emulator()).incidents.get(
      RG,
      WS,
      sentinelIncidentName(1),
    );

    expect(incident).toMatchObject({
      name: sentinelIncidentName(1),
      title: 'Test incident 1',
      providerName: 'Microsoft XDR',
      providerIncidentId: '1001',
      incidentNumber: 1,
    });
    expect(incident.etag).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(incident.id?.toLowerCase()).toContain(
      '/providers/microsoft.securityinsights/incidents/',
    );
    expect(emulator().requests.apiVersions()).toEqual([SENTINEL_API_VERSION]);
  });

  it('answers an unknown incident with 404 NotFound', async () => {
    const error = await restErrorOf(
      sentinelClient(emulator()).incidents.get(RG, WS, '00000000-0000-4000-8000-000000000000'),
    );
    expect(error).toMatchObject({ statusCode: 404, code: 'NotFound' });
  });

  it('lists every incident by following nextLink across pages', async () => {
    const incidents = await listAll({ top: 25 });

    expect(incidents).toHaveLength(SENTINEL_INCIDENT_COUNT);
    expect(new Set(incidents.map((incident) => incident.name)).size).toBe(SENTINEL_INCIDENT_COUNT);
    expect(emulator().requests.entries({ api: 'arm', method: 'GET' })).toHaveLength(3);
  });

  it('hands out nextLinks that are absolute and carry the api-version', async () => {
    const pages = sentinelClient(emulator()).incidents.list(RG, WS, { top: 50 }).byPage();
    const first = await pages.next();

    const link = getContinuationToken(first.value) ?? '';
    expect(link.startsWith(`${emulator().url}/subscriptions/`)).toBe(true);
    expect(link).toContain(`api-version=${SENTINEL_API_VERSION}`);
  });

  it('filters with and/or/not, parentheses, numbers and date-times', async () => {
    const high = await listAll({ filter: "properties/severity eq 'High'" });
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((incident) => incident.severity === 'High')).toBe(true);

    const narrow = await listAll({
      filter:
        "(properties/status eq 'Closed' or properties/incidentNumber le 2) and " +
        "not (properties/severity eq 'Low') and properties/createdTimeUtc ge 2025-03-01T00:00:00Z",
    });
    const numbers = narrow
      .map((incident) => incident.incidentNumber)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    // Incident n has severity [High, Medium, Low, Informational][n % 4]; Low ones drop out.
    expect(numbers).toEqual([1, 20, 40, 60]);
  });

  it("returns nothing for classification eq 'Undetermined', like the service", async () => {
    const undetermined = (await listAll()).filter(
      (incident) => incident.classification === 'Undetermined',
    );
    expect(undetermined.length).toBeGreaterThan(0);

    expect(await listAll({ filter: "properties/classification eq 'Undetermined'" })).toEqual([]);
    expect(await listAll({ filter: "properties/classification eq 'TruePositive'" })).toHaveLength(
      6,
    );
  });

  it('orders by several keys', async () => {
    const incidents = await listAll({
      orderby: 'properties/severity asc, properties/incidentNumber desc',
      top: 1000,
    });

    const keys = incidents.map((incident) => `${incident.severity}:${incident.incidentNumber}`);
    expect(keys.slice(0, 2)).toEqual(['High:60', 'High:56']);
    expect(keys.at(-1)).toBe('Medium:1');
  });

  it('refuses $top above 1000 and a filter it cannot parse', async () => {
    const tooMany = await restErrorOf(listAll({ top: 1001 }));
    const broken = await restErrorOf(listAll({ filter: "properties/severity eq 'High" }));

    expect(tooMany).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(broken).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });
});
