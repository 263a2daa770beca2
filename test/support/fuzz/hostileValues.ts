/**
 * The raw material of invalid and boundary input: values of every JSON type, strings that
 * break naive code (lone surrogates, NUL, direction overrides, prototype names), ids that are
 * almost ids, near-misses of enum members, nesting deep enough to blow a recursive walker.
 */
import fc from 'fast-check';

export const ANY_JSON_TYPE: readonly unknown[] = [
  0,
  -1,
  1.5,
  -0,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  '',
  'x',
  '0',
  'null',
  [],
  [1, 'a'],
  {},
  { a: 1 },
];

export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

export const TRICKY_STRINGS: readonly string[] = [
  '\ud800',
  'a\udfffb',
  '\u0000',
  'nul\u0000inside',
  '\u202eevil\u202c',
  '\ufeffbom',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\u200b',
  'ａｂｃ１２３',
  'İı',
  '\r\n\tline',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '${7*7}{{7*7}}',
  '%00%2e%2e%2f',
  '../../../../etc/passwd',
  '\\\\server\\share',
  ...PROTOTYPE_NAMES,
];

const WORKSPACE_ID =
  '/subscriptions/x/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w';
const INCIDENTS = `${WORKSPACE_ID}/providers/Microsoft.SecurityInsights/incidents`;

/** Strings that look like an id of ours and are not (or are only just). */
export const NEAR_IDS: readonly string[] = [
  '',
  ' ',
  '-1',
  '1.5',
  '1e3',
  '0x1F',
  '１２３',
  '123\n',
  ' 123',
  '999999999999999999999',
  '00000000-0000-0000-0000-00000000000g',
  '{5b5a146c-eba8-46af-96f8-e31b50d15a3f}',
  '5b5a146ceba846af96f8e31b50d15a3f',
  '5B5A146C-EBA8-46AF-96F8-E31B50D15A3F',
  '/subscriptions/',
  WORKSPACE_ID,
  `${INCIDENTS}/`,
  `${INCIDENTS}/i/comments/c`,
  `${INCIDENTS}/i`.replace('/resourceGroups', '//resourceGroups'),
  `${INCIDENTS}/i`.replace('Microsoft.OperationalInsights', 'Micrоsoft.OperationalInsights'),
  '%2Fsubscriptions%2Fx',
  'a'.repeat(2000),
];

/** Near-misses of an enum member: case, spacing, invisible characters, homoglyphs. */
export function nearMisses(member: string): string[] {
  return [
    member.toLowerCase(),
    member.toUpperCase(),
    ` ${member}`,
    `${member} `,
    `${member}\u200b`,
    member.slice(0, -1),
    `${member}s`,
    member.replace(/o/, 'о').replace(/a/, 'а'),
    `${member}\u0000`,
    'unknownFutureValue',
    ...PROTOTYPE_NAMES,
  ];
}

/**
 * Deep nesting stands in the value as a placeholder string and is written out as text when
 * the body is serialized: JSON.stringify itself recurses and would overflow first.
 */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(64, 1_000, 5_000), fc.constantFrom('array', 'object'))
  .map(([depth, kind]) => `\u0000deep:${kind}:${depth}\u0000`);

const DEEP_PLACEHOLDER = /"\\u0000deep:(array|object):(\d+)\\u0000"/g;

/** JSON text of a value, its deep-nesting placeholders expanded. */
export function expandDeepNesting(json: string): string {
  return json.replace(DEEP_PLACEHOLDER, (_, kind: string, depth: string) => {
    const levels = Number(depth);
    return kind === 'array'
      ? `${'['.repeat(levels)}${']'.repeat(levels)}`
      : `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
  });
}

export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(1_025, 20_001, 100_001, 1_000_000),
    fc.constantFrom('x', '€', '\ud83d\ude00', '\u0000'),
  )
  .map(([length, unit]) => unit.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.constantFrom(...NEAR_IDS),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Raw bodies that are not one JSON object. */
export const BROKEN_JSON: readonly string[] = [
  '',
  ' ',
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  'NaN',
  '{"a":NaN}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":1e999}',
  '{"a":"\u0000"}',
  '-',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  'null',
  'true',
  '"text"',
  '42',
  '[]',
  '[{}]',
];

export const WRONG_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/merge-patch+json',
  'application/jsonx',
];
