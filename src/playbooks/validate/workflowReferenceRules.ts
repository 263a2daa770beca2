/**
 * Rules on the workflow's references: every `body('X')`, `actions('X')`, `outputs('X')` and
 * runAfter key names an action that exists (runAfter: in the same scope), `items('X')` names
 * a Foreach, `parameters('X')` a definition parameter, `variables('X')` an initialised
 * variable, and every `$connections` key an action uses is set by the workflow resource.
 */
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { referencesIn } from './expressionReferences.ts';
import type { PlaybookParts } from './playbookTemplateParts.ts';
import { actionsOf, stringsOf, type ActionEntry, type Json } from './workflowWalk.ts';

const RUN_AFTER_STATES = new Set(['Succeeded', 'Failed', 'Skipped', 'TimedOut']);
const CONNECTION_KEY = /parameters\('\$connections'\)\['([^']+)'\]/g;

export function workflowReferenceFindings(parts: PlaybookParts): LintFinding[] {
  if (!parts.definition) return [];
  const entries = actionsOf(parts.definition, parts.definitionAt);
  const actions = new Map(
    entries.filter((entry) => entry.kind === 'action').map((entry) => [entry.name, entry]),
  );
  const parameters = new Set(Object.keys((parts.definition['parameters'] ?? {}) as Json));
  const variables = initialisedVariables(entries);

  return entries.flatMap((entry) => [
    ...runAfterFindings(entry),
    ...stringsOf(entry.action, entry.at).flatMap(({ text, at }) => [
      ...referencesIn(text).flatMap((reference) => {
        if (reference.kind === 'action' && !actions.has(reference.name)) {
          return [
            finding(
              'UnknownActionReference',
              at,
              `${reference.function}('${reference.name}') names no action`,
            ),
          ];
        }
        if (
          reference.kind === 'foreach' &&
          actions.get(reference.name)?.action['type'] !== 'Foreach'
        ) {
          return [
            finding('UnknownForeachReference', at, `items('${reference.name}') names no Foreach`),
          ];
        }
        if (reference.kind === 'parameter' && !parameters.has(reference.name)) {
          return [
            finding(
              'UnknownParameterReference',
              at,
              `parameters('${reference.name}') is not a definition parameter`,
            ),
          ];
        }
        if (reference.kind === 'variable' && !variables.has(reference.name)) {
          return [
            finding(
              'UnknownVariableReference',
              at,
              `variables('${reference.name}') is never initialised`,
            ),
          ];
        }
        return [];
      }),
      ...connectionKeyFindings(text, at, parts),
    ]),
  ]);
}

function runAfterFindings(entry: ActionEntry): LintFinding[] {
  const runAfter = (entry.action['runAfter'] ?? {}) as Record<string, unknown>;
  return Object.entries(runAfter).flatMap(([name, states]) => {
    const at = `${entry.at}/runAfter/${name}`;
    if (!entry.siblings.has(name) || name === entry.name) {
      return [
        finding(
          'UnknownRunAfter',
          at,
          `runAfter names '${name}', which is not an action of this scope`,
        ),
      ];
    }
    const unknown = (Array.isArray(states) ? states : []).filter(
      (state) => !RUN_AFTER_STATES.has(String(state)),
    );
    return unknown.length > 0 || !Array.isArray(states) || states.length === 0
      ? [finding('RunAfterStates', at, 'list one or more of Succeeded, Failed, Skipped, TimedOut')]
      : [];
  });
}

function connectionKeyFindings(text: string, at: string, parts: PlaybookParts): LintFinding[] {
  return [...text.matchAll(CONNECTION_KEY)]
    .map((match) => match[1] ?? '')
    .filter((key) => parts.connectionValues[key] === undefined)
    .map((key) => finding('UnknownConnection', at, `$connections has no '${key}' entry`));
}

function initialisedVariables(entries: ActionEntry[]): Set<string> {
  const names = new Set<string>();
  for (const { action } of entries) {
    if (action['type'] !== 'InitializeVariable') continue;
    const variables = ((action['inputs'] as Json | undefined)?.['variables'] ?? []) as Json[];
    for (const variable of variables) names.add(String(variable['name']));
  }
  return names;
}
