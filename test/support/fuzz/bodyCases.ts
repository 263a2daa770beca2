/**
 * Request bodies for an operation, from its schema: valid ones, then each kind of damage
 * applied at a random place of a valid one (a wrong type, a huge string, deep nesting,
 * hostile Unicode, prototype keys, an invalid id, an enum near-miss, a missing or an extra
 * field), whole bodies that are not an object or not JSON, and wrong content types.
 */
import fc from 'fast-check';
import type { JsonSchema } from '../../../api/validation/openapiDocument.ts';
import {
  ANY_JSON_TYPE,
  BROKEN_JSON,
  NEAR_IDS,
  PROTOTYPE_NAMES,
  WRONG_CONTENT_TYPES,
  deepNesting,
  expandDeepNesting,
  hostileString,
  hugeString,
  nearMisses,
} from './hostileValues.ts';
import type { SchemaValues } from './schemaValues.ts';

export interface BodyCase {
  kind: string;
  contentType: string;
  text: string;
}

type Path = Array<string | number>;

const JSON_TYPE = 'application/json';

export function bodyCases(schema: JsonSchema, values: SchemaValues, limitBytes: number) {
  const valid = values.valid(schema);
  const leaves = schemaLeaves(schema, values);
  const damaged = (kind: string, damage: (value: unknown, pick: number) => fc.Arbitrary<unknown>) =>
    fc
      .tuple(valid, fc.nat())
      .chain(([value, pick]) => damage(value, pick))
      .map((value): BodyCase => ({ kind, contentType: JSON_TYPE, text: serialize(value) }));

  const cases: Array<fc.WeightedArbitrary<BodyCase>> = [
    { weight: 3, arbitrary: damaged('valid', (value) => fc.constant(value)) },
    { weight: 2, arbitrary: damaged('wrong type', replaceAt(fc.constantFrom(...ANY_JSON_TYPE))) },
    { weight: 1, arbitrary: damaged('huge string', replaceAt(hugeString)) },
    { weight: 1, arbitrary: damaged('deep nesting', replaceAt(deepNesting)) },
    { weight: 2, arbitrary: damaged('unicode', replaceAt(hostileString)) },
    {
      weight: 2,
      arbitrary: damaged('prototype keys', addKeyAt(fc.constantFrom(...PROTOTYPE_NAMES))),
    },
    { weight: 2, arbitrary: damaged('extra field', addKeyAt(fc.string({ maxLength: 16 }))) },
    {
      weight: 2,
      arbitrary: damaged('prototype names as values', (value) =>
        fc.constantFrom(...PROTOTYPE_NAMES).map((name) => everyString(value, name)),
      ),
    },
    { weight: 2, arbitrary: damaged('missing field', removeKeyAt) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...BROKEN_JSON)
        .map((text): BodyCase => ({ kind: 'not one JSON object', contentType: JSON_TYPE, text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(([value, contentType]): BodyCase => ({
          kind: 'wrong content type',
          contentType,
          text: serialize(value),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        kind: 'over the size limit',
        contentType: JSON_TYPE,
        text: serialize({ padding: 'x'.repeat(limitBytes + 1) }),
      }),
    },
  ];

  if (leaves.ids.length > 0) {
    cases.push({
      weight: 2,
      arbitrary: damaged('invalid id', setLeaf(leaves.ids, fc.constantFrom(...NEAR_IDS))),
    });
  }
  if (leaves.enums.length > 0) {
    const misses = leaves.enums.map(([path, members]): [Path, fc.Arbitrary<unknown>] => [
      path,
      fc.constantFrom(...members.flatMap((member) => nearMisses(String(member)))),
    ]);
    cases.push({
      weight: 2,
      arbitrary: damaged('enum near-miss', (value, pick) => {
        const [path, miss] = misses[pick % misses.length] ?? [[], fc.constant('x')];
        return miss.map((replacement) => setPath(value, path, replacement));
      }),
    });
  }
  return fc.oneof(...cases);
}

/** JSON text, with own `__proto__` keys kept (JSON.stringify writes own enumerable keys). */
function serialize(value: unknown): string {
  return expandDeepNesting(JSON.stringify(value) ?? 'null');
}

function replaceAt(replacement: fc.Arbitrary<unknown>) {
  return (value: unknown, pick: number) => {
    const paths = pathsOf(value);
    const path = paths[pick % paths.length] ?? [];
    return replacement.map((chosen) => setPath(value, path, chosen));
  };
}

function addKeyAt(keys: fc.Arbitrary<string>) {
  return (value: unknown, pick: number) => {
    const objects = pathsOf(value).filter((path) => isObject(getPath(value, path)));
    const path = objects[pick % Math.max(objects.length, 1)] ?? [];
    return fc
      .tuple(keys, fc.constantFrom(...ANY_JSON_TYPE, { polluted: true }))
      .map(([key, added]) => {
        const copy = structuredClone(value);
        const target = getPath(copy, path);
        if (!isObject(target)) return { [key]: added };
        Object.defineProperty(target, key, {
          value: added,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return copy;
      });
  };
}

function removeKeyAt(value: unknown, pick: number): fc.Arbitrary<unknown> {
  const keyed = pathsOf(value).filter((path) => path.length > 0 && typeof path.at(-1) === 'string');
  const path = keyed[pick % Math.max(keyed.length, 1)];
  if (!path) return fc.constant(value);
  const copy = structuredClone(value);
  const parent = getPath(copy, path.slice(0, -1)) as Record<string, unknown>;
  delete parent[String(path.at(-1))];
  return fc.constant(copy);
}

function setLeaf(paths: Path[], replacement: fc.Arbitrary<unknown>) {
  return (value: unknown, pick: number) =>
    replacement.map((chosen) => setPath(value, paths[pick % paths.length] ?? [], chosen));
}

/** A copy with every string in it replaced by `text`: table lookups keyed by value meet it. */
function everyString(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((item) => everyString(item, text));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, everyString(item, text)]),
    );
  }
  return value;
}

/** Every place in a value, the root first; at most 200, so big values stay cheap. */
function pathsOf(value: unknown): Path[] {
  const paths: Path[] = [];
  const queue: Array<[Path, unknown]> = [[[], value]];
  while (queue.length > 0 && paths.length < 200) {
    const [path, node] = queue.shift() as [Path, unknown];
    paths.push(path);
    if (Array.isArray(node)) node.forEach((item, index) => queue.push([[...path, index], item]));
    else if (isObject(node))
      for (const [key, item] of Object.entries(node)) queue.push([[...path, key], item]);
  }
  return paths;
}

function getPath(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
}

/** A copy with `replacement` at `path`, creating the objects on the way. */
function setPath(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const root = isObject(value) || Array.isArray(value) ? structuredClone(value) : {};
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isObject(next) && !Array.isArray(next)) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1) as string | number] = replacement;
  return root;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where the schema puts ids (patterns, formats) and enums, by property path. */
function schemaLeaves(schema: JsonSchema, values: SchemaValues) {
  const ids: Path[] = [];
  const enums: Array<[Path, unknown[]]> = [];
  const walk = (node: JsonSchema, path: Path, depth: number) => {
    if (depth > 6) return;
    const resolved = values.resolve(node);
    for (const choice of [
      ...((resolved['anyOf'] ?? []) as JsonSchema[]),
      ...((resolved['oneOf'] ?? []) as JsonSchema[]),
    ]) {
      walk(choice, path, depth + 1);
    }
    if (Array.isArray(resolved['enum'])) enums.push([path, resolved['enum'] as unknown[]]);
    if (resolved['pattern'] || resolved['format']) ids.push(path);
    if (resolved['items']) walk(resolved['items'] as JsonSchema, [...path, 0], depth + 1);
    for (const [name, child] of Object.entries(
      (resolved['properties'] ?? {}) as Record<string, JsonSchema>,
    )) {
      walk(child, [...path, name], depth + 1);
    }
  };
  walk(schema, [], 0);
  return { ids, enums };
}
