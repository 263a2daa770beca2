/**
 * One registry of problem codes: `api/problems/problemCodes.ts`, the contract's Problem.code
 * enum and the table in docs/problems.md hold the same codes, statuses and titles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../api/problems/problemCodes.ts';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';

const registry = Object.entries(PROBLEM_CODES).map(([code, { status, title }]) => ({
  code,
  status,
  title,
}));

function documentedCodes() {
  const text = readFileSync(new URL('../../docs/problems.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => /^\| `([a-z_]+)` *\| (\d{3}) *\| ([^|]+?) *\|/.exec(line))
    .filter((match) => match !== null)
    .map(([, code, status, title]) => ({ code, status: Number(status), title }));
}

describe('the problem code registry', () => {
  it('equals the enum of the contract Problem schema', () => {
    const problem = loadOpenApiDocument().componentSchemas['Problem'] as {
      properties: { code: { enum: string[] } };
    };

    expect(problem.properties.code.enum).toEqual(registry.map((entry) => entry.code));
  });

  it('equals the table of docs/problems.md, with statuses and titles', () => {
    expect(documentedCodes()).toEqual(registry);
  });

  it('answers each code with a 4xx or 5xx status', () => {
    for (const entry of registry) {
      expect(entry.status, entry.code).toBeGreaterThanOrEqual(400);
      expect(entry.status, entry.code).toBeLessThan(600);
    }
  });
});
