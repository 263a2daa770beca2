/**
 * The figures a benchmark reports: each one a measured value with its unit, the baseline
 * measured in the same run where there is one, and the target it is held against. A benchmark
 * prints its figures and, when the runner asks for them (`BENCH_FIGURES_FILE`), writes them as
 * JSON for `bench/runAll.ts` to gather into `bench/RESULTS.md`.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface Machine {
  cores: number;
  node: string;
}

export interface BenchFigure {
  /** What was measured, e.g. `MapDefenderIncident, max throughput`. */
  name: string;
  value: number;
  unit: string;
  /** The same measure of the baseline, taken in the same run. */
  baseline?: { name: string; value: number };
  /** The target in words, e.g. `>= 70% of bare`; absent for figures that only inform. */
  target?: string;
  /** Whether the target was met; absent when there is no target. */
  met?: boolean;
  machine: Machine;
}

export interface BenchReport {
  bench: string;
  title: string;
  /** How the figures were taken, in markdown; copied into RESULTS.md. */
  method: string;
  figures: BenchFigure[];
  /** Further detail (breakdowns, tables) in markdown, shown under the figures. */
  details?: string;
  finishedAt: string;
}

export const FIGURES_FILE_VARIABLE = 'BENCH_FIGURES_FILE';

export function thisMachine(): Machine {
  return { cores: availableParallelism(), node: process.version };
}

export type FigureInput = Omit<BenchFigure, 'machine'>;

/** Prints the figures and hands them to the runner when it is listening. */
export interface ReportInput {
  bench: string;
  title: string;
  method: string;
  figures: FigureInput[];
  details?: string;
}

export function reportFigures(input: ReportInput): BenchReport {
  const machine = thisMachine();
  const report: BenchReport = {
    ...input,
    figures: input.figures.map((figure) => ({ ...figure, machine })),
    finishedAt: new Date().toISOString(),
  };

  console.log(`\n${report.title} (${machine.cores} cores, Node ${machine.node})`);
  for (const figure of report.figures) console.log(`  ${describeFigure(figure)}`);
  if (report.details) console.log(report.details);

  const file = process.env[FIGURES_FILE_VARIABLE];
  if (file) writeFileSync(file, JSON.stringify(report, null, 2));
  return report;
}

export function describeFigure(figure: BenchFigure): string {
  const baseline = figure.baseline
    ? `; ${figure.baseline.name}: ${formatValue(figure.baseline.value)} ${figure.unit}`
    : '';
  const target = figure.target ? `; target ${figure.target}: ${figure.met ? 'met' : 'MISSED'}` : '';
  return `${figure.name}: ${formatValue(figure.value)} ${figure.unit}${baseline}${target}`;
}

/** Three significant digits at most, never in exponent form. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value) || value === 0) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}
