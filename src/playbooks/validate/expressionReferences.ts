/**
 * The references a workflow expression makes: `body('X')`, `actions('X')`, `outputs('X')`,
 * `result('X')`, `items('X')`, `parameters('X')` and `variables('X')`. Expressions are the
 * strings starting with `@` and the `@{...}` parts of others.
 */

export type ReferenceKind = 'action' | 'foreach' | 'parameter' | 'variable';

export interface ExpressionReference {
  kind: ReferenceKind;
  name: string;
  function: string;
}

const FUNCTIONS: Readonly<Record<string, ReferenceKind>> = {
  body: 'action',
  actions: 'action',
  outputs: 'action',
  result: 'action',
  actionBody: 'action',
  actionOutputs: 'action',
  items: 'foreach',
  parameters: 'parameter',
  variables: 'variable',
};

const CALL =
  /\b(body|actions|outputs|result|actionBody|actionOutputs|items|parameters|variables)\(\s*'((?:[^']|'')*)'\s*\)/g;

export function expressionsIn(text: string): string[] {
  if (text.startsWith('@@')) return [];
  if (text.startsWith('@') && !text.startsWith('@{')) return [text.slice(1)];
  return [...text.matchAll(/@\{([^}]*)\}/g)].map((match) => match[1] ?? '');
}

export function referencesIn(text: string): ExpressionReference[] {
  return expressionsIn(text).flatMap((expression) =>
    [...expression.matchAll(CALL)].map((match) => ({
      kind: FUNCTIONS[match[1] ?? ''] ?? 'action',
      name: (match[2] ?? '').replaceAll("''", "'"),
      function: match[1] ?? '',
    })),
  );
}
