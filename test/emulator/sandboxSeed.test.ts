/**
 * The sandbox data set `npm start` serves: the scenarios it promises are present, the real
 * clients can use it with the documented credentials, and every Sentinel incident in it
 * conforms to the spec (when the spec is at hand).
 */
import { describe, expect, it } from 'vitest';

import { loadSeedFile, SANDBOX_SEED_PATH, type EmulatorSeed } from '../../src/emulator/seed.ts';
import type { GraphIncident } from '../../src/model/graphIncident.ts';
import {
  armCaller,
  graphCaller,
  incidentsPath,
  sentinelClient,
  SENTINEL_API_VERSION,
} from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { loadSentinelSpec, specsExist } from './support/sentinelSpec.ts';

const seed: EmulatorSeed = await loadSeedFile(SANDBOX_SEED_PATH);
const tenant = seed.tenants[0];
const workspace = seed.workspaces[0];
if (!tenant || !workspace) throw new Error('The sandbox seed needs a tenant and a workspace');

const client = tenant.clients[0];
const sandboxApp = {
  tenantId: tenant.tenantId,
  clientId: client?.clientId ?? '',
  clientSecret: client?.clientSecret ?? '',
};
const sentinel = workspace.incidents;
const graph = tenant.defenderIncidents;

function twinOf(incident: GraphIncident) {
  return sentinel.find((item) => item.incident.properties.providerIncidentId === incident.id);
}

function evidenceTypes(incident: GraphIncident): Set<string> {
  return new Set(
    (incident.alerts ?? []).flatMap((alert) =>
      (alert.evidence ?? []).map((item) => String(item['@odata.type'])),
    ),
  );
}

describe('the sandbox seed', () => {
  it('registers the incident-bridge API with every role granted to the playbook app', () => {
    const playbook = tenant.clients.find(
      (client) => client.displayName === 'sentinel-sync-playbook',
    );
    const [registration] = tenant.apis ?? [];

    expect(registration?.identifierUri).toBe('api://incident-bridge-sandbox');
    expect(registration?.appRoleAssignments?.[playbook?.clientId ?? '']).toEqual([
      'Incidents.Read',
      'Incidents.Sync',
      'Incidents.Enrich',
    ]);
  });

  it('has one tenant with the sandbox app and a guest among its users', () => {
    expect(seed.tenants).toHaveLength(1);
    expect(seed.workspaces).toHaveLength(1);
    expect(tenant.clients[0]).toEqual(
      expect.objectContaining({
        displayName: 'incident-bridge-sandbox',
        clientSecret: 'sandbox-secret',
      }),
    );
    expect(tenant.users.length).toBeGreaterThanOrEqual(4);
    expect(
      tenant.users.some(
        (user) => user.userPrincipalName.includes('#EXT#') && user.userType === 'Guest',
      ),
    ).toBe(true);
  });

  it('has a linked pair: rich Graph evidence, and an XDR twin with alerts and entities', () => {
    const linked = graph.find((incident) => incident.status === 'active' && twinOf(incident));
    const twin = linked && twinOf(linked);

    expect(linked?.alerts?.length).toBeGreaterThanOrEqual(2);
    expect(evidenceTypes(linked ?? { id: '' }).size).toBeGreaterThanOrEqual(4);
    expect(twin?.incident.properties.providerName).toBe('Microsoft XDR');
    expect(twin?.alerts?.length).toBeGreaterThanOrEqual(2);
    expect(twin?.entities?.length).toBeGreaterThanOrEqual(3);
  });

  it('has a Defender incident with no Sentinel twin', () => {
    expect(graph.some((incident) => !twinOf(incident))).toBe(true);
  });

  it('has a closed pair: resolved/truePositive/malware and Closed/TruePositive', () => {
    const closed = graph.find((incident) => incident.status === 'resolved');
    expect(closed).toMatchObject({ classification: 'truePositive', determination: 'malware' });
    expect(twinOf(closed ?? { id: '' })?.incident.properties).toMatchObject({
      status: 'Closed',
      classification: 'TruePositive',
      classificationReason: 'SuspiciousActivity',
      providerName: 'Microsoft XDR',
    });
  });

  it('has a Sentinel-only incident', () => {
    const native = sentinel.filter(
      (item) => item.incident.properties.providerName === 'Azure Sentinel',
    );
    expect(native).toHaveLength(1);
    expect(native[0]?.incident.properties.providerIncidentId).toBeUndefined();
  });
});

describe('the sandbox seed served by the emulator', () => {
  const emulator = useEmulator({ seed });

  it('lets the documented app read both sides through the real clients', async () => {
    const names: string[] = [];
    const sdk = sentinelClient(emulator(), {
      app: sandboxApp,
      subscriptionId: workspace.subscriptionId,
    });
    for await (const incident of sdk.incidents.list(
      workspace.resourceGroupName,
      workspace.workspaceName,
    )) {
      names.push(incident.name ?? '');
    }
    const defender = await graphCaller(emulator(), sandboxApp).send(
      'GET',
      '/v1.0/security/incidents',
    );

    expect(names).toHaveLength(sentinel.length);
    expect((defender.body as { value: unknown[] }).value).toHaveLength(graph.length);
  });

  it.runIf(specsExist)(
    'answers every Sentinel incident, alert list and entity list as the spec defines',
    async () => {
      const spec = loadSentinelSpec();
      const arm = armCaller(emulator(), sandboxApp);
      const base = incidentsPath(workspace);
      const version = `api-version=${SENTINEL_API_VERSION}`;

      for (const { incident } of sentinel) {
        const url = `${base}/${incident.name}`;
        const got = await arm.send('GET', `${url}?${version}`);
        const alerts = await arm.send('POST', `${url}/alerts?${version}`);
        const entities = await arm.send('POST', `${url}/entities?${version}`);
        const comments = await arm.send('GET', `${url}/comments?${version}`);

        expect(spec.check('Incident', got.body), incident.name).toEqual([]);
        expect(spec.check('IncidentAlertList', alerts.body)).toEqual([]);
        expect(spec.check('IncidentEntitiesResponse', entities.body)).toEqual([]);
        expect(spec.check('IncidentCommentList', comments.body)).toEqual([]);
        const items = [
          ...(alerts.body as { value: unknown[] }).value,
          ...(entities.body as { entities: unknown[] }).entities,
        ];
        for (const item of items) expect(spec.checkEntity(item)).toEqual([]);
      }
    },
  );
});
