import { describe, expect, it } from 'vitest';

import { matchesFilter, readPath } from '../../src/emulator/odata/filterEvaluator.ts';
import { parseFilter } from '../../src/emulator/odata/filterParser.ts';
import { ODataQueryError } from '../../src/emulator/odata/odataQueryError.ts';
import { parseOrderBy, sortByKeys } from '../../src/emulator/odata/orderBy.ts';

const incident = {
  name: 'inc-1',
  properties: {
    title: "O'Brien's laptop",
    severity: 'High',
    status: 'Active',
    incidentNumber: 42,
    createdTimeUtc: '2025-03-01T10:00:00.1234567Z',
    owner: { userPrincipalName: 'rin@fabrikam-test.example' },
    classification: null,
  },
};

function matches(filter: string, value: unknown = incident): boolean {
  return matchesFilter(parseFilter(filter), (path) => readPath(value, path));
}

describe('OData $filter parser and evaluator', () => {
  it('compares strings, numbers and date-times with every operator', () => {
    expect(matches("properties/severity eq 'High'")).toBe(true);
    expect(matches("properties/severity ne 'High'")).toBe(false);
    expect(matches('properties/incidentNumber gt 41')).toBe(true);
    expect(matches('properties/incidentNumber ge 42')).toBe(true);
    expect(matches('properties/incidentNumber lt 42')).toBe(false);
    expect(matches('properties/incidentNumber le 42')).toBe(true);
    expect(matches('properties/createdTimeUtc ge 2025-03-01T10:00:00Z')).toBe(true);
    expect(matches('properties/createdTimeUtc lt 2025-03-01T10:00:00.1234568Z')).toBe(true);
  });

  it('compares date-times by instant, whatever their precision or quoting', () => {
    expect(matches("properties/createdTimeUtc gt '2025-03-01T10:00:00Z'")).toBe(true);
    expect(matches("properties/createdTimeUtc eq datetime'2025-03-01T10:00:00.1234567Z'")).toBe(
      true,
    );
    expect(matches('properties/createdTimeUtc eq 2025-03-01T11:00:00.1234567+01:00')).toBe(true);
  });

  it('binds and tighter than or, and honours parentheses and not', () => {
    expect(
      matches(
        "properties/severity eq 'Low' and properties/status eq 'Active' " +
          'or properties/incidentNumber eq 42',
      ),
    ).toBe(true);
    expect(
      matches(
        "properties/severity eq 'Low' and " +
          "(properties/status eq 'Active' or properties/incidentNumber eq 42)",
      ),
    ).toBe(false);
    expect(matches("not (properties/severity eq 'Low')")).toBe(true);
    expect(matches("not properties/severity eq 'High'")).toBe(false);
  });

  it('reads nested paths and quoted quotes', () => {
    expect(matches("properties/owner/userPrincipalName eq 'rin@fabrikam-test.example'")).toBe(true);
    expect(matches("properties/title eq 'O''Brien''s laptop'")).toBe(true);
  });

  it('accepts the literal on the left by mirroring the operator', () => {
    expect(matches('41 lt properties/incidentNumber')).toBe(true);
    expect(matches('42 gt properties/incidentNumber')).toBe(false);
  });

  it('lets null equal only null and makes ordering against null false', () => {
    expect(matches('properties/classification eq null')).toBe(true);
    expect(matches("properties/classification ne 'TruePositive'")).toBe(true);
    expect(matches("properties/classification eq 'TruePositive'")).toBe(false);
    expect(matches('properties/missing gt 1')).toBe(false);
    expect(matches('properties/severity ne null')).toBe(true);
  });

  it('ignores case only for the paths the caller names', () => {
    const expression = parseFilter("status eq 'ACTIVE'");
    const resolve = (path: readonly string[]) => readPath({ status: 'active' }, path);
    expect(matchesFilter(expression, resolve)).toBe(false);
    expect(matchesFilter(expression, resolve, { ignoreCase: () => true })).toBe(true);
  });

  it.each([
    ["properties/severity eq 'High", 'Unterminated string literal'],
    ['properties/severity eq', 'ends early'],
    ["properties/severity 'High'", 'expected a comparison operator'],
    ["(properties/severity eq 'High'", "expected ')'"],
    ["properties/severity eq 'High' extra", "Unexpected 'extra'"],
    ['properties/a eq properties/b', 'one property path and one literal'],
    ["startswith(properties/title, 'x')", "Function 'startswith' is not supported"],
    ["properties/labels/any(l: l/labelName eq 'x')", "Function 'properties/labels/any'"],
    ['', 'empty'],
  ])('rejects %j', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(ODataQueryError);
    expect(() => parseFilter(filter)).toThrow(message);
  });

  it('reports where in the text the problem is', () => {
    try {
      parseFilter("properties/severity eq 'High' and # 1");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ODataQueryError);
      expect((error as ODataQueryError).position).toBe(34);
    }
  });
});

describe('OData $orderby', () => {
  const rows = [
    { name: 'a', properties: { severity: 'Low', createdTimeUtc: '2025-01-02T00:00:00Z' } },
    { name: 'b', properties: { severity: 'High', createdTimeUtc: '2025-01-01T00:00:00.5Z' } },
    { name: 'c', properties: { severity: 'High', createdTimeUtc: '2025-01-03T00:00:00Z' } },
    { name: 'd', properties: { createdTimeUtc: '2025-01-01T00:00:00Z' } },
  ];
  const sort = (text: string) =>
    sortByKeys(rows, parseOrderBy(text), (row) => (path) => readPath(row, path)).map(
      (row) => row.name,
    );

  it('sorts by several keys, each ascending or descending, missing values first', () => {
    expect(sort('properties/severity asc, properties/createdTimeUtc desc')).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(sort('properties/createdTimeUtc')).toEqual(['d', 'b', 'a', 'c']);
    expect(sort('properties/createdTimeUtc desc')).toEqual(['c', 'a', 'b', 'd']);
  });

  it('rejects malformed keys', () => {
    expect(() => parseOrderBy('properties/severity sideways')).toThrow(ODataQueryError);
    expect(() => parseOrderBy('properties/severity,')).toThrow(ODataQueryError);
  });
});
