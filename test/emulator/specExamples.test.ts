/**
 * The Sentinel spec's own examples replayed through the emulator: what a request of the
 * example gets back must match what the example answers. Runs when `../shared/specs` is
 * present (always in CI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EmulatorSeed } from '../../src/emulator/seed.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator.ts';
import {
  armCaller,
  incidentsPath,
  SENTINEL_API_VERSION,
  type HttpCaller,
} from './support/clients.ts';
import { loadSentinelSpec, SPECS_DIR, specsExist } from './support/sentinelSpec.ts';
import { APP, TENANT } from './support/testSeed.ts';

const VERSION = `api-version=${SENTINEL_API_VERSION}`;

interface SpecExample {
  parameters: Record<string, unknown> & {
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
    incidentId: string;
  };
  responses: Record<string, { body?: Record<string, unknown> }>;
}

function readExample(relativePath: string): SpecExample {
  const path = join(
    SPECS_DIR ?? '',
    'securityinsights-2025-09-01',
    'examples',
    'incidents',
    relativePath,
  );
  return JSON.parse(readFileSync(path, 'utf8')) as SpecExample;
}

/** A world in which an example's workspace exists and its owner is a directory user. */
function exampleSeed(
  example: SpecExample,
  extra: Partial<EmulatorSeed['workspaces'][number]> = {},
): EmulatorSeed {
  const owner = (
    example.responses['201']?.body?.['properties'] as { owner?: Record<string, string> } | undefined
  )?.owner;
  const users = owner?.['objectId']
    ? [
        {
          id: owner['objectId'],
          userPrincipalName: owner['userPrincipalName'] ?? '',
          mail: owner['email'] ?? null,
          displayName: owner['assignedTo'] ?? null,
        },
      ]
    : [];
  return {
    tenants: [{ tenantId: TENANT, clients: [APP], users, defenderIncidents: [] }],
    workspaces: [
      {
        subscriptionId: example.parameters.subscriptionId,
        resourceGroupName: example.parameters.resourceGroupName,
        workspaceName: example.parameters.workspaceName,
        tenantId: TENANT,
        incidents: [],
        ...extra,
      },
    ],
  };
}

async function withEmulator(
  seed: EmulatorSeed,
  run: (emulator: RunningEmulator, arm: HttpCaller, path: string) => Promise<void>,
) {
  const emulator = await startEmulator({ seed });
  const workspace = seed.workspaces[0];
  if (!workspace) throw new Error('example seed without workspace');
  try {
    await run(emulator, armCaller(emulator), incidentsPath(workspace));
  } finally {
    await emulator.close();
  }
}

describe.runIf(specsExist)('the spec examples round-trip through the emulator', () => {
  const spec = specsExist ? loadSentinelSpec() : undefined;
  const handled = [
    'CreateIncident.json',
    'GetAllIncidentAlerts.json',
    'GetAllIncidentEntities.json',
  ];

  it('covers every incident example the spec ships', () => {
    const files = readdirSync(
      join(SPECS_DIR ?? '', 'securityinsights-2025-09-01', 'examples', 'incidents'),
    ).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual([...handled].sort());
  });

  it('CreateIncident: PUT answers what the example answers, and GET returns the same', async () => {
    const example = readExample('CreateIncident.json');
    const request = example.parameters['incident'] as Record<string, unknown>;
    const expected = example.responses['201']?.body ?? {};

    await withEmulator(exampleSeed(example), async (_emulator, arm, path) => {
      const url = `${path}/${example.parameters.incidentId}?${VERSION}`;
      const created = await arm.send('PUT', url, { body: request });
      const fetched = await arm.send('GET', url);
      const body = created.body as {
        id: string;
        properties: Record<string, unknown>;
        etag: string;
      };

      expect(created.status).toBe(201);
      expect(spec?.check('Incident', body)).toEqual([]);
      expect(body.id).toBe(expected['id']);
      expect(body).toMatchObject({ name: expected['name'], type: expected['type'] });
      expect(body.properties).toMatchObject(writtenProperties(expected['properties']));
      expect(body.properties['providerIncidentId']).toBe(String(body.properties['incidentNumber']));
      expect(fetched.body).toEqual(body);

      const updated = await arm.send('PUT', url, { body: { ...request, etag: body.etag } });
      expect(updated.status).toBe(200);
      expect((updated.body as { properties: unknown }).properties).toMatchObject(
        writtenProperties(expected['properties']),
      );
    });
  });

  it('GetAllIncidentAlerts: the listed alerts are the stored ones, unchanged', async () => {
    const example = readExample('GetAllIncidentAlerts.json');
    const expected = example.responses['200']?.body as { value: never[] };
    const seed = exampleSeed(example, {
      incidents: [{ incident: exampleIncident(example), alerts: expected.value }],
    });

    await withEmulator(seed, async (_emulator, arm, path) => {
      const answer = await arm.send(
        'POST',
        `${path}/${example.parameters.incidentId}/alerts?${VERSION}`,
      );
      expect(answer.body).toEqual(expected);
      expect(spec?.check('IncidentAlertList', answer.body)).toEqual([]);
    });
  });

  it('GetAllIncidentEntities: entities and per-kind counts match the example', async () => {
    const example = readExample('GetAllIncidentEntities.json');
    const expected = example.responses['200']?.body as { entities: never[] };
    const seed = exampleSeed(example, {
      incidents: [{ incident: exampleIncident(example), entities: expected.entities }],
    });

    await withEmulator(seed, async (_emulator, arm, path) => {
      const answer = await arm.send(
        'POST',
        `${path}/${example.parameters.incidentId}/entities?${VERSION}`,
      );
      expect(answer.body).toEqual(expected);
    });
  });

  it('comment examples: create, get, list and delete', async () => {
    const create = readExample('comments/CreateIncidentComment.json');
    const list = readExample('comments/GetAllIncidentComments.json');
    const expected = create.responses['201']?.body as {
      name: string;
      properties: { message: string };
    };
    const seed = exampleSeed(create, { incidents: [{ incident: exampleIncident(create) }] });

    await withEmulator(seed, async (_emulator, arm, path) => {
      const commentId = String(create.parameters['incidentCommentId']);
      const url = `${path}/${create.parameters.incidentId}/comments/${commentId}?${VERSION}`;
      const created = await arm.send('PUT', url, { body: create.parameters['incidentComment'] });
      const fetched = await arm.send('GET', url);
      const listed = await arm.send(
        'GET',
        `${path}/${list.parameters.incidentId}/comments?${VERSION}`,
      );
      const deleted = await arm.send('DELETE', url);
      const again = await arm.send('DELETE', url);

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: expected.name,
        type: expected['type' as never],
        properties: { message: expected.properties.message },
      });
      expect(spec?.check('IncidentComment', created.body)).toEqual([]);
      expect(fetched.body).toEqual(created.body);
      expect((listed.body as { value: unknown[] }).value).toEqual([created.body]);
      expect([deleted.status, again.status]).toEqual([200, 204]);
    });
  });
});

/** The properties a client writes, as the example's answer shows them stored. */
function writtenProperties(properties: unknown): Record<string, unknown> {
  const all = properties as Record<string, unknown>;
  const written = [
    'title',
    'description',
    'severity',
    'status',
    'classification',
    'classificationReason',
    'classificationComment',
    'owner',
    'labels',
    'firstActivityTimeUtc',
    'lastActivityTimeUtc',
  ];
  return Object.fromEntries(written.filter((key) => key in all).map((key) => [key, all[key]]));
}

function exampleIncident(example: SpecExample) {
  return {
    id: '',
    name: example.parameters.incidentId,
    properties: { title: 'Example incident', severity: 'Low', status: 'New' },
  };
}
