/**
 * Query strings and path segments for an operation, from its parameters: valid values, and
 * damaged ones (wrong types, huge values, hostile Unicode, near-miss ids and enum members,
 * repeated or unknown parameters, prototype names, bracket syntax, broken percent-encoding).
 */
import fc from 'fast-check';
import type { OpenApiParameter } from '../../../api/validation/openapiDocument.ts';
import {
  NEAR_IDS,
  PROTOTYPE_NAMES,
  TRICKY_STRINGS,
  hostileString,
  hugeString,
  nearMisses,
} from './hostileValues.ts';
import type { SchemaValues } from './schemaValues.ts';

export interface ParameterCase {
  kind: string;
  /** `?a=1&b=2`, already encoded; empty when there is none. */
  query: string;
  /** Values for `{name}` path segments, not yet encoded. */
  pathValues: Record<string, string>;
}

type Pairs = Array<[string, string]>;

export function parameterCases(
  parameters: readonly OpenApiParameter[],
  values: SchemaValues,
  options: { onlyValid?: boolean } = {},
): fc.Arbitrary<ParameterCase> {
  const query = parameters.filter((parameter) => parameter.in === 'query');
  const path = parameters.filter((parameter) => parameter.in === 'path');
  const textOf = (parameter: OpenApiParameter) =>
    values.valid(parameter.schema).map((value) => String(value));

  const validPairs: fc.Arbitrary<Pairs> = fc
    .tuple(...query.map((parameter) => fc.option(textOf(parameter), { nil: undefined })))
    .map((chosen) =>
      chosen.flatMap((value, index): Pairs => {
        const name = query[index]?.name;
        return value === undefined || !name ? [] : [[name, value]];
      }),
    );
  const validPath = fc
    .tuple(...path.map(textOf))
    .map((chosen) =>
      Object.fromEntries(path.map((parameter, index) => [parameter.name, chosen[index] ?? ''])),
    );

  const names = query.map((parameter) => parameter.name);
  const anyName = names.length > 0 ? fc.constantFrom(...names) : fc.constant('q');
  const enumMembers = query.flatMap((parameter) => {
    const members = values.resolve(parameter.schema)['enum'];
    return Array.isArray(members)
      ? members.map((member) => [parameter.name, String(member)] as const)
      : [];
  });

  const withPairs = (kind: string, damage: fc.Arbitrary<(pairs: Pairs) => Pairs>) =>
    fc.tuple(validPairs, validPath, damage).map(([pairs, pathValues, apply]): ParameterCase => ({
      kind,
      query: encode(apply(pairs)),
      pathValues,
    }));
  const setting = (value: fc.Arbitrary<string>) =>
    fc
      .tuple(anyName, value)
      .map(([name, chosen]) => (pairs: Pairs): Pairs => [
        ...pairs.filter(([key]) => key !== name),
        [name, chosen],
      ]);

  const valid = withPairs(
    'valid',
    fc.constant((pairs: Pairs) => pairs),
  );
  if (options.onlyValid) return valid;

  const cases: Array<fc.WeightedArbitrary<ParameterCase>> = [
    { weight: 3, arbitrary: valid },
    {
      weight: 2,
      arbitrary: withPairs(
        'wrong type',
        setting(fc.constantFrom('abc', '-1', '1.5', 'true', '', '[]', '{}')),
      ),
    },
    {
      weight: 1,
      arbitrary: withPairs('huge value', setting(hugeString.map((text) => text.slice(0, 20_000)))),
    },
    { weight: 2, arbitrary: withPairs('unicode', setting(hostileString)) },
    { weight: 2, arbitrary: withPairs('invalid id', setting(fc.constantFrom(...NEAR_IDS))) },
    {
      weight: 2,
      arbitrary: withPairs(
        'repeated parameter',
        anyName.map((name) => (pairs: Pairs): Pairs => [...pairs, [name, '1'], [name, '2']]),
      ),
    },
    {
      weight: 2,
      arbitrary: withPairs(
        'prototype names',
        fc
          .constantFrom(...PROTOTYPE_NAMES)
          .map((name) => (pairs: Pairs): Pairs => [...pairs, [name, '1']]),
      ),
    },
    {
      weight: 2,
      arbitrary: withPairs(
        'extra parameter',
        fc
          .string({ minLength: 1, maxLength: 12 })
          .map((name) => (pairs: Pairs): Pairs => [...pairs, [name, 'x']]),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          validPath,
          anyName,
          fc.constantFrom('[]=1', '[a]=1', '=%ZZ', '=%00', '=%C0%AF', '=%', '=%E2%82'),
        )
        .map(([pathValues, name, tail]): ParameterCase => ({
          kind: 'broken query syntax',
          query: `?${encodeURIComponent(name)}${tail}`,
          pathValues,
        })),
    },
  ];

  if (enumMembers.length > 0) {
    const misses = fc
      .constantFrom(...enumMembers)
      .chain(([name, member]) =>
        fc.constantFrom(...nearMisses(member)).map((miss) => [name, miss] as const),
      );
    cases.push({
      weight: 2,
      arbitrary: withPairs(
        'enum near-miss',
        misses.map(([name, miss]) => (pairs: Pairs): Pairs => [
          ...pairs.filter(([key]) => key !== name),
          [name, miss],
        ]),
      ),
    });
  }
  if (path.length > 0) {
    const hostilePath = fc.oneof(
      fc.constantFrom(...NEAR_IDS, ...TRICKY_STRINGS),
      hugeString.map((text) => text.slice(0, 4_000)),
    );
    cases.push({
      weight: 3,
      arbitrary: fc.tuple(validPairs, hostilePath).map(([pairs, segment]): ParameterCase => ({
        kind: 'hostile path segment',
        query: encode(pairs),
        pathValues: Object.fromEntries(path.map((parameter) => [parameter.name, segment])),
      })),
    });
  }
  return fc.oneof(...cases);
}

/** `?a=1&b=2` with each part percent-encoded, lone surrogates replaced (URLs cannot hold them). */
function encode(pairs: Pairs): string {
  if (pairs.length === 0) return '';
  const safe = (text: string) => encodeURIComponent(wellFormed(text));
  return `?${pairs.map(([name, value]) => `${safe(name)}=${safe(value)}`).join('&')}`;
}

function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
