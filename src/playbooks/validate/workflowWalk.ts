/**
 * Walks a workflow definition: every trigger and action with its scope (actions nested in
 * If, Foreach, Until, Scope and Switch included), and every string inside them, so rules can
 * read expressions wherever they are.
 */
import { pointer } from '../../lint/lintFinding.ts';

export type Json = Record<string, unknown>;

export interface ActionEntry {
  name: string;
  action: Json;
  at: string;
  /** Names of the actions in the same scope, which runAfter may name. */
  siblings: ReadonlySet<string>;
  kind: 'trigger' | 'action';
}

export function actionsOf(definition: Json, at: string): ActionEntry[] {
  const entries: ActionEntry[] = [];
  const triggers = (definition['triggers'] ?? {}) as Record<string, Json>;
  for (const [name, trigger] of Object.entries(triggers)) {
    entries.push({
      name,
      action: trigger,
      at: `${at}/triggers/${name}`,
      siblings: new Set(),
      kind: 'trigger',
    });
  }
  collectScope((definition['actions'] ?? {}) as Record<string, Json>, `${at}/actions`, entries);
  return entries;
}

function collectScope(actions: Record<string, Json>, at: string, entries: ActionEntry[]): void {
  const siblings = new Set(Object.keys(actions));
  for (const [name, action] of Object.entries(actions)) {
    const here = `${at}/${name}`;
    entries.push({ name, action, at: here, siblings, kind: 'action' });
    for (const [scope, where] of nestedScopes(action, here)) collectScope(scope, where, entries);
  }
}

function nestedScopes(action: Json, at: string): Array<[Record<string, Json>, string]> {
  const scopes: Array<[Record<string, Json>, string]> = [];
  const push = (value: unknown, where: string): void => {
    if (typeof value === 'object' && value !== null)
      scopes.push([value as Record<string, Json>, where]);
  };
  push(action['actions'], `${at}/actions`);
  push((action['else'] as Json | undefined)?.['actions'], `${at}/else/actions`);
  push((action['default'] as Json | undefined)?.['actions'], `${at}/default/actions`);
  for (const [name, branch] of Object.entries((action['cases'] ?? {}) as Record<string, Json>)) {
    push(branch['actions'], `${at}/cases/${name}/actions`);
  }
  return scopes;
}

/** Every string under a value with its pointer; nested actions are left to their own entry. */
export function stringsOf(
  value: unknown,
  at: string,
  skipNested = true,
): Array<{ text: string; at: string }> {
  const found: Array<{ text: string; at: string }> = [];
  const visit = (inner: unknown, where: string, depth: number): void => {
    if (typeof inner === 'string') return void found.push({ text: inner, at: where });
    if (Array.isArray(inner))
      return inner.forEach((item, index) => visit(item, `${where}/${index}`, depth + 1));
    if (typeof inner !== 'object' || inner === null) return;
    for (const [key, child] of Object.entries(inner)) {
      if (skipNested && depth === 0 && ['actions', 'else', 'default', 'cases'].includes(key))
        continue;
      visit(child, `${where}/${pointer(key).slice(2)}`, depth + 1);
    }
  };
  visit(value, at, 0);
  return found;
}
