/**
 * Names and tactics of the MITRE ATT&CK techniques an incident's alerts cite, offline, from an
 * ATT&CK STIX 2 bundle (MITRE publishes enterprise-attack.json) at a configured path. The
 * bundle is read once, on the first lookup. Sub-techniques are named as ATT&CK shows them,
 * "Parent: Sub-technique".
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EnrichmentProvider, ProviderFinding } from '../enrichmentProvider.ts';

export const TECHNIQUE_KIND = 'MitreTechnique';

export interface AttackTechnique {
  id: string;
  name: string;
  tactics: string[];
  url: string;
  /** Revoked or deprecated in this version of ATT&CK. */
  retired: boolean;
}

interface StixObject {
  type?: string;
  name?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  external_references?: Array<{ source_name?: string; external_id?: string; url?: string }>;
  kill_chain_phases?: Array<{ kill_chain_name?: string; phase_name?: string }>;
}

/** Technique ids as alerts write them (`t1059.001`, ` T1566 `) in ATT&CK's spelling. */
export function normalizeTechniqueId(value: string): string | undefined {
  const match = /^\s*(t\d{4})(?:\.(\d{3}))?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  return match[2] ? `${match[1].toUpperCase()}.${match[2]}` : match[1].toUpperCase();
}

export function parseAttackBundle(bundle: unknown): Map<string, AttackTechnique> {
  const objects = (bundle as { objects?: unknown }).objects;
  if (!Array.isArray(objects)) throw new Error('not a STIX bundle: no objects array');

  const techniques = new Map<string, AttackTechnique>();
  for (const item of objects as StixObject[]) {
    if (item?.type !== 'attack-pattern' || !item.name) continue;
    const reference = item.external_references?.find((ref) => ref.source_name === 'mitre-attack');
    const id = reference?.external_id && normalizeTechniqueId(reference.external_id);
    if (!id) continue;

    const known = techniques.get(id);
    const retired = item.revoked === true || item.x_mitre_deprecated === true;
    // A revoked copy never hides a current one with the same id.
    if (known && !known.retired && retired) continue;
    techniques.set(id, {
      id,
      name: item.name,
      tactics: (item.kill_chain_phases ?? [])
        .filter((phase) => phase.kill_chain_name === 'mitre-attack' && phase.phase_name)
        .map((phase) => String(phase.phase_name)),
      url: reference?.url ?? '',
      retired,
    });
  }

  for (const technique of techniques.values()) {
    const parent = technique.id.includes('.')
      ? techniques.get(technique.id.split('.')[0] ?? '')
      : undefined;
    if (parent) technique.name = `${parent.name}: ${technique.name}`;
  }
  return techniques;
}

export function mitreAttackProvider(bundlePath: string): EnrichmentProvider {
  let loading: Promise<Map<string, AttackTechnique>> | undefined;
  const load = () => {
    loading ??= readFile(bundlePath, 'utf8').then((text) => parseAttackBundle(JSON.parse(text)));
    return loading;
  };
  const source = `ATT&CK bundle ${basename(bundlePath)}`;

  return {
    name: 'mitreAttack',
    kinds: [TECHNIQUE_KIND],
    batchSize: 500,
    lookup: async (targets) => {
      const techniques = await load();
      return targets.flatMap((target): ProviderFinding[] => {
        const technique = techniques.get(target.value);
        if (!technique) return [];
        const tactics = technique.tactics.join(', ');
        const retired = technique.retired ? ' (revoked or deprecated)' : '';
        return [
          {
            targetKey: target.key,
            summary: `${technique.name}${tactics ? ` (${tactics})` : ''}${retired}`,
            facts: {
              name: technique.name,
              tactics,
              url: technique.url,
              retired: technique.retired,
            },
            source,
          },
        ];
      });
    },
  };
}
