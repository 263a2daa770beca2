/**
 * `npm run bench`: runs every benchmark in a process of its own (so one's memory and timers
 * never colour another's), prints their figures, and writes them all to `bench/RESULTS.md`.
 * `npm run bench -- --only=apiOverhead,growth` runs some of them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import {
  describeFigure,
  FIGURES_FILE_VARIABLE,
  formatValue,
  type BenchReport,
} from './support/benchFigures.ts';

const BENCHES = [
  'apiOverhead',
  'syncCost',
  'backlogDrain',
  'memory',
  'growth',
  'replicaThroughput',
  'enrichIncident',
] as const;
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = join(BENCH_DIR, 'RESULTS.md');
/** How long a benchmark that has reported may take to exit before it is stopped. */
const REPORTED_GRACE_MS = 10_000;

const options = new Command()
  .option('--only <names>', `comma-separated, of: ${BENCHES.join(', ')}`)
  .parse()
  .opts<{ only?: string }>();
const chosen = options.only ? options.only.split(',').map((name) => name.trim()) : [...BENCHES];
const unknown = chosen.filter((name) => !(BENCHES as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHES.join(', ')}`);
  process.exit(2);
}

const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-bench-'));
const results: Array<{ name: string; report?: BenchReport; output: string; failed?: string }> = [];
for (const name of chosen) results.push(await run(name));
rmSync(folder, { recursive: true, force: true });

console.log('\nSummary');
for (const result of results) {
  if (result.failed) console.log(`  ${result.name}: FAILED (${result.failed})`);
  for (const figure of result.report?.figures ?? []) console.log(`  ${describeFigure(figure)}`);
}
writeFileSync(RESULTS, renderResults(results));
console.log(`\nWrote ${RESULTS}`);
process.exitCode = results.some((result) => result.failed) ? 1 : 0;

async function run(name: string): Promise<(typeof results)[number]> {
  const figuresFile = join(folder, `${name}.json`);
  const script = join(BENCH_DIR, `${name}.bench.ts`);
  console.log(`\n=== ${name} ===`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', script], {
    env: { ...process.env, [FIGURES_FILE_VARIABLE]: figuresFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const code = await Promise.race([exited, reportedThenIdle(figuresFile, child)]);

  const report = existsSync(figuresFile)
    ? (JSON.parse(readFileSync(figuresFile, 'utf8')) as BenchReport)
    : undefined;
  return { name, report, output, failed: code === 0 ? undefined : `exit code ${code}` };
}

/**
 * A benchmark that has reported is done; if a stray handle (a keep-alive socket, say) keeps
 * its process up, it is stopped after a grace period rather than holding up the rest.
 */
async function reportedThenIdle(
  figuresFile: string,
  child: ReturnType<typeof spawn>,
): Promise<number> {
  while (!existsSync(figuresFile)) {
    if (child.exitCode !== null) return child.exitCode;
    await sleep(500);
  }
  await sleep(REPORTED_GRACE_MS);
  if (child.exitCode === null) child.kill('SIGTERM');
  return 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function renderResults(all: typeof results): string {
  const lines = [
    '# incident-bridge benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${availableParallelism()} cores, ` +
      `Node ${process.version}, by \`npm run bench\`. Baselines are measured in the same run.`,
    '',
    '| Benchmark | Figure | Value | Baseline | Target | Met |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of all) {
    for (const figure of result.report?.figures ?? []) {
      const baseline = figure.baseline
        ? `${figure.baseline.name}: ${formatValue(figure.baseline.value)}`
        : '';
      const met = figure.met === undefined ? '' : figure.met ? 'yes' : '**no**';
      lines.push(
        `| ${result.name} | ${figure.name} | ${formatValue(figure.value)} ${figure.unit} | ` +
          `${baseline} | ${figure.target ?? ''} | ${met} |`,
      );
    }
    if (result.failed) lines.push(`| ${result.name} | did not finish | ${result.failed} | | | |`);
  }
  for (const result of all) {
    lines.push('', `## ${result.report?.title ?? result.name}`, '');
    if (result.report) {
      lines.push(result.report.method, '');
      if (result.report.details) lines.push(result.report.details, '');
    } else {
      lines.push('```text', result.output.trim(), '```', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
