import { describe, expect, it, vi } from 'vitest';

import { FaultInjector, type FaultCandidate } from '../../src/emulator/faults.ts';
import type { GraphIncident } from '../../src/model/graphIncident.ts';
import {
  armCaller,
  controlCaller,
  graphCaller,
  incidentsPath,
  sentinelClient,
  SENTINEL_API_VERSION,
} from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import { APP, sentinelIncidentName, TENANT, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const { resourceGroupName: RG, workspaceName: WS } = WORKSPACE;
const INCIDENT = sentinelIncidentName(2);
const FAST_RETRIES = { retryDelayInMs: 10, maxRetryDelayInMs: 50 };

function faultLog(api: 'arm' | 'graph') {
  return emulator()
    .requests.entries({ api })
    .map((entry) => `${entry.method} ${entry.status}${entry.fault ? ` ${entry.fault.kind}` : ''}`);
}

describe('throttling', () => {
  it('sends 429 with Retry-After, which the Sentinel SDK waits out and retries', async () => {
    emulator().faults.add({
      api: 'arm',
      method: 'GET',
      path: '/subscriptions/**/incidents/*',
      action: { kind: 'throttle', retryAfterSeconds: 1 },
      times: 1,
    });

    const incident = await sentinelClient(emulator()).incidents.get(RG, WS, INCIDENT);

    expect(incident.name).toBe(INCIDENT);
    expect(faultLog('arm')).toEqual(['GET 429 throttle', 'GET 200']);
  });

  it('shows the client the Retry-After header and an ARM error body', async () => {
    emulator().faults.add({ api: 'arm', action: { kind: 'throttle', retryAfterSeconds: 7 } });
    const answer = await armCaller(emulator()).send(
      'GET',
      `${incidentsPath()}?api-version=${SENTINEL_API_VERSION}`,
    );

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.body).toMatchObject({ error: { code: 'TooManyRequests' } });
  });

  it('can throttle Graph with no Retry-After header, the reset time in the body', async () => {
    emulator().faults.add({
      api: 'graph',
      action: { kind: 'throttle', retryAfterSeconds: 42, sendRetryAfterHeader: false },
    });
    const answer = await graphCaller(emulator()).send('GET', '/v1.0/security/incidents');

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBeUndefined();
    expect((answer.body as { error: { message: string } }).error.message).toContain(
      'reset in 00:00:42',
    );
  });
});

describe('server errors, delays and hangs', () => {
  it('answers an injected 503 in the API’s own format, and the SDK retries past it', async () => {
    emulator().faults.add({ api: 'graph', action: { kind: 'status', status: 503 }, times: 1 });
    const graph = await graphCaller(emulator()).send('GET', '/v1.0/security/incidents/1001');
    expect(graph.status).toBe(503);
    expect(graph.body).toMatchObject({ error: { code: 'ServiceUnavailable', innerError: {} } });

    emulator().faults.add({ api: 'arm', action: { kind: 'status', status: 503 }, times: 1 });
    const incident = await sentinelClient(emulator(), { retryOptions: FAST_RETRIES }).incidents.get(
      RG,
      WS,
      INCIDENT,
    );
    expect(incident.name).toBe(INCIDENT);
    expect(faultLog('arm')).toEqual(['GET 503 status', 'GET 200']);
  });

  it('delays a request and then serves it normally', async () => {
    emulator().faults.add({ api: 'arm', action: { kind: 'delay', delayMs: 50 }, times: 1 });
    const incident = await sentinelClient(emulator()).incidents.get(RG, WS, INCIDENT);

    expect(incident.name).toBe(INCIDENT);
    expect(faultLog('arm')).toEqual(['GET 200 delay']);
  });

  it('hangs until the client gives up, and logs that no answer was sent', async () => {
    emulator().faults.add({ api: 'arm', action: { kind: 'hang' } });
    const client = sentinelClient(emulator(), { retryOptions: { maxRetries: 0 } });

    await expect(
      client.incidents.get(RG, WS, INCIDENT, { abortSignal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    await vi.waitFor(() => expect(faultLog('arm')).toEqual(['GET 0 hang']));
  });
});

describe('etag conflicts', () => {
  it('refuses a PUT with 409 without touching the incident', async () => {
    const client = sentinelClient(emulator());
    const current = await client.incidents.get(RG, WS, INCIDENT);
    emulator().faults.add({ api: 'arm', method: 'PUT', action: { kind: 'conflict' }, times: 1 });

    const error = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, INCIDENT, { ...current, title: 'x' }),
    );

    expect(error).toMatchObject({ statusCode: 409, code: 'Conflict' });
    expect(error.message).toContain(`'${INCIDENT}'`);
    expect(emulator().state.getSentinelIncident(INCIDENT)?.etag).toBe(current.etag);
  });
});

describe('lost responses', () => {
  it('applies a Graph PATCH, then cuts the connection so the client sees an error', async () => {
    emulator().faults.add({
      api: 'graph',
      method: 'PATCH',
      action: { kind: 'lostResponse' },
      times: 1,
    });

    await expect(
      graphCaller(emulator()).send('PATCH', '/v1.0/security/incidents/1001', {
        body: { status: 'resolved' },
      }),
    ).rejects.toThrow();

    expect(emulator().state.getDefenderIncident(TENANT, '1001')?.status).toBe('resolved');
    await vi.waitFor(() => expect(faultLog('graph')).toContain('PATCH 200 lostResponse'));
  });

  it('applies a Sentinel PUT whose answer never arrives', async () => {
    const client = sentinelClient(emulator(), { retryOptions: { maxRetries: 0 } });
    const current = await client.incidents.get(RG, WS, INCIDENT);
    emulator().faults.add({
      api: 'arm',
      method: 'PUT',
      action: { kind: 'lostResponse' },
      times: 1,
    });

    await expect(
      client.incidents.createOrUpdate(RG, WS, INCIDENT, { ...current, title: 'Applied' }),
    ).rejects.toThrow();

    const stored = emulator().state.getSentinelIncident(INCIDENT);
    expect(stored?.properties.title).toBe('Applied');
    expect(stored?.etag).not.toBe(current.etag);
  });

  it('turns the SDK’s automatic retry of a lost PUT into a 409 against its own write', async () => {
    const client = sentinelClient(emulator(), { retryOptions: FAST_RETRIES });
    const current = await client.incidents.get(RG, WS, INCIDENT);
    emulator().faults.add({
      api: 'arm',
      method: 'PUT',
      action: { kind: 'lostResponse' },
      times: 1,
    });

    const error = await restErrorOf(
      client.incidents.createOrUpdate(RG, WS, INCIDENT, { ...current, title: 'Mine' }),
    );

    expect(error.statusCode).toBe(409);
    expect(emulator().state.getSentinelIncident(INCIDENT)?.properties.title).toBe('Mine');
    expect(faultLog('arm')).toEqual(['GET 200', 'PUT 200 lostResponse', 'PUT 409']);
  });
});

describe('fault rules', () => {
  const candidate: FaultCandidate = {
    api: 'graph',
    method: 'GET',
    path: '/v1.0/security/incidents',
  };

  it('fire a set number of times, then stay inert', () => {
    const faults = new FaultInjector();
    const rule = faults.add({ action: { kind: 'status', status: 500 }, times: 2 });

    const hits = [1, 2, 3].map(() => faults.take(candidate)?.id);
    expect(hits).toEqual([rule.id, rule.id, undefined]);
    expect(faults.list()[0]?.fired).toBe(2);
  });

  it('match api, method and path globs ignoring case', () => {
    const faults = new FaultInjector();
    faults.add({
      api: 'arm',
      method: 'put',
      path: '/subscriptions/*/resourceGroups/**/comments/*',
      action: { kind: 'conflict' },
    });
    const comment = `${incidentsPath()}/abc/comments/def`;

    expect(faults.take({ api: 'arm', method: 'PUT', path: comment.toLowerCase() })).toBeDefined();
    expect(faults.take({ api: 'arm', method: 'GET', path: comment })).toBeUndefined();
    expect(
      faults.take({ api: 'arm', method: 'PUT', path: `${incidentsPath()}/abc` }),
    ).toBeUndefined();
    expect(faults.take({ api: 'graph', method: 'PUT', path: comment })).toBeUndefined();
  });

  it('replay the same hits for the same seed and differ for another', () => {
    const run = (seed: number) => {
      const faults = new FaultInjector({ seed });
      faults.add({ action: { kind: 'status', status: 500 }, probability: 0.3 });
      return Array.from({ length: 40 }, () => (faults.take(candidate) ? 1 : 0)).join('');
    };

    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(run(7)).toMatch(/1/);
    expect(run(7)).toMatch(/0/);
  });

  it('replay after reseeding', () => {
    const faults = new FaultInjector({ seed: 3 });
    faults.add({ action: { kind: 'status', status: 500 }, probability: 0.5 });
    const draw = () => Array.from({ length: 20 }, () => (faults.take(candidate) ? 1 : 0)).join('');

    const first = draw();
    faults.reseed(3);
    expect(draw()).toBe(first);
  });

  it.each([
    [{ action: { kind: 'status', status: 200 } }, 'action.status'],
    [{ action: { kind: 'explode' } }, 'action.kind'],
    [{ action: { kind: 'hang' }, probability: 2 }, 'probability'],
    [{ action: { kind: 'hang' }, times: 0 }, 'times'],
    [{ api: 'legacy', action: { kind: 'hang' } }, 'api'],
  ])('refuse the misused rule %j, naming the setting', (spec, setting) => {
    const faults = new FaultInjector();
    expect(() => faults.add(spec as never)).toThrow(TypeError);
    expect(() => faults.add(spec as never)).toThrow(setting);
  });
});

describe('identity faults', () => {
  it('answer token requests in the Entra ID error format', async () => {
    emulator().faults.add({
      api: 'identity',
      method: 'POST',
      action: { kind: 'status', status: 500 },
    });
    const answer = await controlCaller(emulator()).send('POST', `/${TENANT}/oauth2/v2.0/token`, {
      form: {
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
      },
    });

    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ error: 'server_error', error_codes: [expect.any(Number)] });
    expect(emulator().requests.entries({ api: 'identity' })[0]?.fault?.kind).toBe('status');
  });

  it('leave the incident untouched when they hit before the handler', async () => {
    emulator().faults.add({
      api: 'graph',
      method: 'PATCH',
      action: { kind: 'status', status: 500 },
    });
    await graphCaller(emulator()).send('PATCH', '/v1.0/security/incidents/1001', {
      body: { status: 'resolved' },
    });

    const incident: GraphIncident | undefined = emulator().state.getDefenderIncident(
      TENANT,
      '1001',
    );
    expect(incident?.status).toBe('active');
  });
});
