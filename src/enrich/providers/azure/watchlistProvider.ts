/**
 * Matches entities against Sentinel watchlists: a VIP list raises the impact of an incident,
 * an allow-list marks known-good infrastructure, any other list is a note. Each configured
 * list is read once per enrichment and matched on its cells (or the configured columns),
 * ignoring case, against every name the entity is known by.
 */
import type { WatchlistConfig } from '../../../config/enrichmentConfig.ts';
import type { SentinelWatchlistItem } from '../../../model/sentinelContext.ts';
import type { EnrichmentProvider, LookupTarget, ProviderFinding } from '../enrichmentProvider.ts';

const NAME_ATTRIBUTES = ['upn', 'aadUserId', 'sid', 'accountName', 'address', 'hostName', 'fqdn'];

function namesOf(target: LookupTarget): string[] {
  const names = [target.value, ...NAME_ATTRIBUTES.map((name) => target.attributes[name] ?? '')];
  return [...new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean))];
}

function cellsOf(items: SentinelWatchlistItem[], columns: string[]): Set<string> {
  const wanted = new Set(columns.map((column) => column.toLowerCase()));
  const cells = new Set<string>();
  for (const item of items) {
    for (const [column, cell] of Object.entries(item.properties?.itemsKeyValue ?? {})) {
      if (wanted.size > 0 && !wanted.has(column.toLowerCase())) continue;
      if (typeof cell === 'string' || typeof cell === 'number') {
        const text = String(cell).trim().toLowerCase();
        if (text) cells.add(text);
      }
    }
  }
  return cells;
}

export function watchlistProvider(lists: readonly WatchlistConfig[]): EnrichmentProvider {
  return {
    name: 'watchlists',
    kinds: [...new Set(lists.flatMap((list) => list.kinds))],
    requires: ['sentinel'],
    batchSize: 1000,
    lookup: async (targets, context) => {
      const loaded = await Promise.all(
        lists.map(async (list) => ({
          list,
          cells: cellsOf(
            await context.sentinel!.listWatchlistItems(list.alias, { abortSignal: context.signal }),
            list.columns,
          ),
        })),
      );

      return targets.flatMap((target) =>
        loaded
          .filter(({ list }) => list.kinds.includes(target.kind))
          .filter(({ cells }) => namesOf(target).some((name) => cells.has(name)))
          .map(({ list }): ProviderFinding => ({
            targetKey: target.key,
            summary: `On watchlist ${list.alias} (${list.role})`,
            facts: { watchlist: list.alias, role: list.role },
            signals: {
              watchlist: { alias: list.alias, label: list.label ?? list.role, role: list.role },
            },
            source: `Sentinel watchlist ${list.alias}`,
          })),
      );
    },
  };
}
