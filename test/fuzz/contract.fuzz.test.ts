/**
 * Fuzzes every operation of openapi/openapi.yaml as it stands when the suite runs (operations
 * added later are fuzzed too), through the sandbox harness: each answer is a status the
 * contract declares for the operation, in its schema, never a 5xx; input the contract refuses
 * is answered 4xx problem+json with a registered code; no refused request writes to the
 * emulator or the store (a valid one may, when the operation writes). FUZZ_RUNS sets the cases per operation,
 * FUZZ_SEED the seed; both are printed.
 */
import { parse as parseQuery } from 'node:querystring';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../api/problems/problemCodes.ts';
import { routes } from '../../api/routes.ts';
import { ContractValidator } from '../../api/validation/contractValidator.ts';
import type { OpenApiOperation } from '../../api/validation/openapiDocument.ts';
import { listenApi } from '../../src/service/listenApi.ts';
import { api } from '../support/apiClient.ts';
import { bodyCases, type BodyCase } from '../support/fuzz/bodyCases.ts';
import { FuzzTally } from '../support/fuzz/fuzzTally.ts';
import { parameterCases, type ParameterCase } from '../support/fuzz/parameterCases.ts';
import { SchemaValues, type ComponentHints } from '../support/fuzz/schemaValues.ts';
import { StoreWatch } from '../support/fuzz/storeFingerprint.ts';
import {
  lastRequest,
  startSandboxHarness,
  writesSince,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1500);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);
const STACK_OR_INTERNALS = /\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|ReferenceError|TypeError/;
/** Answered by the HTTP server before any operation is chosen; operations do not list them. */
const BEFORE_ANY_OPERATION = new Set([
  'headers_too_large',
  'request_malformed',
  'request_too_slow',
]);

const contract = new ContractValidator();
const { document } = contract;
const routed = new Set(routes.map((route) => route.operationId));

let harness: SandboxHarness;
let server: Server;
let values: SchemaValues;
let store: StoreWatch;
const report: string[] = [];

beforeAll(async () => {
  harness = await startSandboxHarness();
  values = new SchemaValues(document.componentSchemas, configuredIds(harness));
  store = new StoreWatch(harness.storePath);
  server = await listenApi(harness.app, {
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: harness.services.limits.requestTimeoutMs,
  });
});
afterAll(async () => {
  console.log(
    `\nContract fuzz, seed ${SEED}, ${RUNS} cases per operation, ` +
      `${document.operations.length} operations:\n${report.join('\n')}\n`,
  );
  store.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await harness.close();
});

describe('fuzzing every operation of the contract', () => {
  for (const operation of document.operations) {
    const { operationId } = operation;
    it(`${operationId}: no 5xx, refusals are contract 4xx, no writes`, async () => {
      const started = performance.now();
      const storeBefore = store.fingerprint();
      let acceptedWrites = 0;
      const tally = new FuzzTally();

      const parameters = parameterCases(operation.parameters, values);
      const cases = fc.tuple(
        // With a body to damage, the query is mostly left alone so the body is what is tested.
        operation.requestBodySchema
          ? fc.oneof(
              {
                weight: 6,
                arbitrary: parameterCases(operation.parameters, values, { onlyValid: true }),
              },
              { weight: 1, arbitrary: parameters },
            )
          : parameters,
        operation.requestBodySchema
          ? bodyCases(operation.requestBodySchema, values, harness.services.limits.bodyLimitBytes)
          : fc.constant(undefined),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ([parameters, body]) => {
          const emulatorBefore = lastRequest(harness.emulator);
          const storeVersion = store.version();
          const response = await send(operation, parameters, body);
          const code = (response.body as { code?: string } | undefined)?.code;
          const kind = parameters.kind === 'valid' ? body?.kind : `query: ${parameters.kind}`;
          tally.add(kind ?? 'valid', response.status, code);
          checkAnswer(operation, response, refusedByContract(operation, parameters, body));

          const wrote =
            store.version() !== storeVersion ||
            writesSince(harness.emulator, emulatorBefore).length > 0;
          expect(wrote && response.status >= 400, `${operationId} wrote and refused`).toBe(false);
          // An accepted request may queue background syncs (ReconcilePairs does); let them
          // finish so their writes are not taken for the next case's.
          if (response.status < 400) await jobsDrained(harness);
          if (wrote) acceptedWrites += 1;
        }),
        { numRuns: RUNS, seed: SEED },
      );

      // Nothing this suite sends today is a valid write; an operation that writes on valid
      // input shows here as accepted writes, and refused input never writes (checked above).
      if (acceptedWrites === 0) expect(store.fingerprint()).toBe(storeBefore);
      const served = routed.has(operation.operationId) ? '' : ' (no route here yet)';
      const writes = acceptedWrites > 0 ? `, ${acceptedWrites} accepted requests wrote` : '';
      report.push(
        tally.format(`${operationId}${served}${writes}`, (performance.now() - started) / 1000),
      );
    }, 180_000);
  }

  it('would notice a write: a real sync moves both the store and the emulator log', async () => {
    const pair = harness.scenario.openPair;
    if (!pair) throw new Error('the sandbox seed has no open pair');
    // An analyst change, so the sync has something to carry.
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, pair.defender.id, {
      customTags: ['fuzz-check'],
    });
    const emulatorBefore = lastRequest(harness.emulator);
    const storeVersion = store.version();

    const response = await api(server)
      .post('/api/v1/sync/defender-incident')
      .send({ tenantId: harness.scenario.tenantId, incidentId: pair.defender.id });

    expect(response.status).toBe(200);
    expect(store.version()).not.toBe(storeVersion);
    expect(writesSince(harness.emulator, emulatorBefore).length).toBeGreaterThan(0);
  });

  it('still answers after the fuzz', async () => {
    const response = await api(server).get('/api/v1/health');

    expect(response.status).toBe(200);
    expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
  });
});

async function jobsDrained(running: SandboxHarness): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    const depth = await running.services.store.jobs.depth();
    if (depth.every((entry) => entry.queued + entry.running === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The sandbox pair's tenant and workspace, with incident ids the seed does not hold. */
function configuredIds(running: SandboxHarness): ComponentHints {
  const [pair] = running.services.pairs.all();
  const workspace = pair?.config.sentinel;
  if (!pair || !workspace) return {};
  return {
    TenantId: fc.constant(pair.config.defender.tenantId),
    SentinelIncidentArmId: fc
      .uuid()
      .map(
        (incident) =>
          `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroupName}` +
          `/providers/Microsoft.OperationalInsights/workspaces/${workspace.workspaceName}` +
          `/providers/Microsoft.SecurityInsights/incidents/${incident}`,
      ),
  };
}

function send(
  operation: OpenApiOperation,
  parameters: ParameterCase,
  body: BodyCase | undefined,
): Promise<Response> {
  const path = `${document.basePath}${operation.path}`.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(wellFormed(parameters.pathValues[name] ?? 'x')),
  );
  const request = api(server)[operation.method](`${path}${parameters.query}`);
  return body ? request.set('Content-Type', body.contentType).send(body.text) : request;
}

/** What the contract alone says about the request: true when it must be refused. */
function refusedByContract(
  operation: OpenApiOperation,
  parameters: ParameterCase,
  body: BodyCase | undefined,
): boolean {
  const validators = contract.for(operation.operationId);
  if (validators.query && !validators.query({ ...parseQuery(parameters.query.slice(1)) })) {
    return true;
  }
  if (!validators.body || !body) return false;

  if (!/^application\/json(;\s*charset=utf-8)?$/i.test(body.contentType)) return true;
  if (Buffer.byteLength(body.text) > harness.services.limits.bodyLimitBytes) return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text.replace(/^\ufeff/, ''));
  } catch {
    return true;
  }
  return !validators.body(parsed);
}

function checkAnswer(operation: OpenApiOperation, response: Response, mustRefuse: boolean): void {
  const { operationId } = operation;
  const { status } = response;
  expect(status, `${operationId} answered ${status}: ${response.text.slice(0, 300)}`).toBeLessThan(
    500,
  );
  if (mustRefuse)
    expect(status, `${operationId} accepted input the contract refuses`).toBeGreaterThanOrEqual(
      400,
    );

  const code = (response.body as { code?: keyof typeof PROBLEM_CODES } | undefined)?.code;
  if (status >= 400) {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(code && PROBLEM_CODES[code]?.status, `${code} is registered for ${status}`).toBe(status);
  }
  if (code && BEFORE_ANY_OPERATION.has(code)) return;

  const validate = contract.for(operationId).responses[String(status)];
  expect(validate, `${operationId} declares ${status}`).toBeDefined();
  const mediaType = operation.responses[String(status)]?.mediaType;
  if (mediaType) expect(response.headers['content-type']).toContain(mediaType);
  expect(
    validate?.(response.body) ? [] : validate?.errors,
    `${operationId} ${status} body`,
  ).toEqual([]);
  expect(response.text).not.toMatch(STACK_OR_INTERNALS);
}

function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
