/**
 * What incident-bridge's API costs over bare Express: requests per second and latency of
 * MapDefenderIncident (a Graph incident with alerts) and GetHealth, with autocannon, beside a
 * bare server that parses the same body and answers with a body of the same size. Each server
 * runs in its own process; autocannon runs in this one. Run with `npm run bench -- --only=api`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { reportFigures, type FigureInput } from './support/benchFigures.ts';
import { HEALTH_PATH, MAPPING_PATH } from './support/apiServerProcess.ts';
import { TEST_API_KEY } from '../test/support/testCredentials.ts';

const SERVER = fileURLToPath(new URL('./support/apiServerProcess.ts', import.meta.url));
const FIXTURE = fileURLToPath(
  new URL('../test/fixtures/graph-incident-with-alerts.json', import.meta.url),
);
const ROUND_S = Number(process.env['BENCH_API_ROUND_S'] ?? 4);
const ROUNDS = 5;
const WARMUP_S = 2;
const CONNECTIONS = 10;
const FIXED_RATE = 500;
const THROUGHPUT_SHARE_TARGET = 0.7;
const P99_TARGET_MS = 10;

interface Server {
  port: number;
  child: ChildProcess;
}

interface Load {
  path: string;
  method: 'GET' | 'POST';
  body?: string;
}

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

async function startServer(args: string[]): Promise<Server> {
  const child = fork(SERVER, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { port, child };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function load(
  server: Server,
  request: Load,
  seconds: number,
  rate?: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${request.path}`,
    method: request.method,
    headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
    body: request.body,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

async function answerBytes(server: Server, request: Load): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}${request.path}`, {
    method: request.method,
    headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
    body: request.body,
  });
  if (!response.ok) throw new Error(`${request.path} answered ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

/**
 * Warms both servers, then measures them in alternating rounds, so that whatever else the
 * machine is doing weighs on both alike; each figure is the median of its rounds.
 */
async function compare(app: Server, bare: Server, request: Load, rate?: number) {
  await load(app, request, WARMUP_S, rate);
  await load(bare, request, WARMUP_S, rate);
  const ours: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    ours.push(await load(app, request, ROUND_S, rate));
    baseline.push(await load(bare, request, ROUND_S, rate));
  }
  return { ours: median(ours), baseline: median(baseline) };
}

function median(results: LoadResult[]): LoadResult {
  const middle = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    requestsPerSecond: middle(results.map((result) => result.requestsPerSecond)),
    p50Ms: middle(results.map((result) => result.p50Ms)),
    p99Ms: middle(results.map((result) => result.p99Ms)),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
  };
}

function checkNoFailures(name: string, result: LoadResult): void {
  if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
}

const body = readFileSync(FIXTURE, 'utf8');
const mapping: Load = { path: MAPPING_PATH, method: 'POST', body };
const health: Load = { path: HEALTH_PATH, method: 'GET' };

const app = await startServer(['app']);
const mappingBytes = await answerBytes(app, mapping);
const healthBytes = await answerBytes(app, health);
const bare = await startServer(['bare', String(mappingBytes), String(healthBytes)]);

const figures: FigureInput[] = [];
try {
  for (const [operation, request] of [
    ['MapDefenderIncident', mapping],
    ['GetHealth', health],
  ] as const) {
    const max = await compare(app, bare, request);
    checkNoFailures(operation, max.ours);
    const share = max.ours.requestsPerSecond / max.baseline.requestsPerSecond;
    figures.push(
      {
        name: `${operation}, max throughput (${CONNECTIONS} connections)`,
        value: max.ours.requestsPerSecond,
        unit: 'req/s',
        baseline: { name: 'bare Express', value: max.baseline.requestsPerSecond },
        ...(operation === 'MapDefenderIncident'
          ? {
              target: `>= ${THROUGHPUT_SHARE_TARGET * 100}% of bare (${Math.round(share * 100)}%)`,
              met: share >= THROUGHPUT_SHARE_TARGET,
            }
          : {}),
      },
      {
        name: `${operation}, max throughput, p50 / p99 latency`,
        value: max.ours.p99Ms,
        unit: `ms p99 (p50 ${max.ours.p50Ms} ms)`,
        baseline: { name: 'bare p99', value: max.baseline.p99Ms },
      },
    );

    const fixed = await compare(app, bare, request, FIXED_RATE);
    checkNoFailures(`${operation} at ${FIXED_RATE}/s`, fixed.ours);
    figures.push({
      name: `${operation}, fixed ${FIXED_RATE} req/s, p99 latency`,
      value: fixed.ours.p99Ms,
      unit: `ms p99 (p50 ${fixed.ours.p50Ms} ms, ${Math.round(fixed.ours.requestsPerSecond)} req/s)`,
      baseline: { name: 'bare p99', value: fixed.baseline.p99Ms },
      target: `p99 < ${P99_TARGET_MS} ms`,
      met: fixed.ours.p99Ms < P99_TARGET_MS,
    });
  }
} finally {
  await stopServer(app);
  await stopServer(bare);
}

reportFigures({
  bench: 'api',
  title: 'API overhead',
  method: [
    `autocannon, ${CONNECTIONS} connections, in this process; each server in a process of its ` +
      `own. After a ${WARMUP_S} s warm-up of each, incident-bridge and the baseline are measured ` +
      `in ${ROUNDS} alternating rounds of ${ROUND_S} s, and each figure is the median of its rounds.`,
    `incident-bridge runs as production builds it (createApp over the real services, API-key ` +
      `auth, caller rate limit with its ceiling raised, contract validation, pino request ` +
      `logs at info to a discarded stdout). The baseline is bare Express parsing the same ` +
      `body and answering ${mappingBytes} bytes (mapping) or ${healthBytes} bytes (health), ` +
      `the sizes of incident-bridge's answers. MapDefenderIncident posts ` +
      `test/fixtures/graph-incident-with-alerts.json (${Buffer.byteLength(body)} bytes); GetHealth ` +
      `is the readiness probe (store ping). Fixed-rate runs use autocannon's overallRate; ` +
      `latencies are autocannon's, corrected for coordinated omission, at 1 ms resolution.`,
  ].join(' '),
  figures,
});
