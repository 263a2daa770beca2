/**
 * The emulator's Sentinel answers checked against the official 2025-09-01 Swagger. Runs
 * when `../shared/specs` is present (always in CI); the rest of the suite does not need it.
 */
import { describe, expect, it } from 'vitest';

import { armCaller, incidentsPath, SENTINEL_API_VERSION } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { loadSentinelSpec, specsExist } from './support/sentinelSpec.ts';
import { sentinelIncidentName } from './support/testSeed.ts';

const VERSION = `api-version=${SENTINEL_API_VERSION}`;

describe.runIf(specsExist)('Sentinel answers conform to the 2025-09-01 spec', () => {
  const emulator = useEmulator();
  const spec = specsExist ? loadSentinelSpec() : undefined;
  const check = (definition: string, value: unknown) => spec?.check(definition, value) ?? [];
  const incident = (n: number) => `${incidentsPath()}/${sentinelIncidentName(n)}`;

  it('incident and incident list (every page)', async () => {
    const arm = armCaller(emulator());
    expect(check('Incident', (await arm.send('GET', `${incident(10)}?${VERSION}`)).body)).toEqual(
      [],
    );

    let next: string | undefined = `${incidentsPath()}?${VERSION}&$top=40`;
    while (next) {
      const page: { body: unknown } = await arm.send('GET', next);
      expect(check('IncidentList', page.body)).toEqual([]);
      next = (page.body as { nextLink?: string }).nextLink;
    }
  });

  it('created and updated incidents', async () => {
    const arm = armCaller(emulator());
    const body = {
      properties: { title: 'New', severity: 'Low', status: 'New', labels: [{ labelName: 'x' }] },
    };
    const created = await arm.send('PUT', `${incidentsPath()}/created-1?${VERSION}`, { body });
    const closed = await arm.send('PUT', `${incidentsPath()}/created-1?${VERSION}`, {
      body: {
        properties: {
          ...body.properties,
          status: 'Closed',
          classification: 'FalsePositive',
          classificationReason: 'InaccurateData',
        },
      },
    });

    expect(created.status).toBe(201);
    expect(check('Incident', created.body)).toEqual([]);
    expect(check('Incident', closed.body)).toEqual([]);
  });

  it('comment and comment list', async () => {
    const arm = armCaller(emulator());
    const comment = await arm.send('PUT', `${incident(1)}/comments/c-1?${VERSION}`, {
      body: { properties: { message: 'hello' } },
    });
    const list = await arm.send('GET', `${incident(1)}/comments?${VERSION}`);

    expect(check('IncidentComment', comment.body)).toEqual([]);
    expect(check('IncidentCommentList', list.body)).toEqual([]);
  });

  it('alerts and entities, each entity against the definition its kind selects', async () => {
    const arm = armCaller(emulator());
    const alerts = (await arm.send('POST', `${incident(1)}/alerts?${VERSION}`)).body as {
      value: unknown[];
    };
    const entities = (await arm.send('POST', `${incident(1)}/entities?${VERSION}`)).body as {
      entities: unknown[];
    };

    expect(check('IncidentAlertList', alerts)).toEqual([]);
    expect(check('IncidentEntitiesResponse', entities)).toEqual([]);
    for (const item of [...alerts.value, ...entities.entities])
      expect(spec?.checkEntity(item)).toEqual([]);
  });

  it('error bodies', async () => {
    const arm = armCaller(emulator());
    const missing = await arm.send('GET', `${incidentsPath()}/nope?${VERSION}`);
    const invalid = await arm.send('PUT', `${incident(1)}?${VERSION}`, {
      body: { properties: {} },
    });

    expect(spec?.checkCloudError(missing.body)).toEqual([]);
    expect(spec?.checkCloudError(invalid.body)).toEqual([]);
  });
});
