/**
 * Sentinel workspace content beside incidents: watchlist items
 * (`Watchlists.json`, WatchlistItems_List) and threat-intelligence indicator queries
 * (`ThreatIntelligence.json`, ThreatIntelligenceIndicator_QueryIndicators), 2025-09-01.
 */
import type { RequestHandler } from 'express';

import type {
  ThreatIntelligenceIndicator,
  ThreatIntelligenceQuery,
} from '../../model/sentinelContext.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { sendArmBadRequest, sendArmError } from './armErrors.ts';
import { workspaceOf } from './armGuards.ts';

export const listWatchlistItems: RequestHandler = (req, res) => {
  const alias = String(req.params['watchlistAlias']);
  const list = workspaceOf(res).watchlists.get(alias.toLowerCase());
  if (!list) return sendArmError(res, 404, 'NotFound', `Watchlist '${alias}' was not found.`);
  res.json({
    value: list.items.map((item) => ({
      type: 'Microsoft.SecurityInsights/Watchlists/WatchlistItems',
      ...item,
    })),
  });
};

/** The values an indicator is searched by: its pattern, display name and parsed values. */
function searchText(indicator: ThreatIntelligenceIndicator): string {
  const parsed = (indicator.properties.parsedPattern ?? []).flatMap((pattern) =>
    (pattern.patternTypeValues ?? []).map((item) => String(item.value ?? '')),
  );
  return [indicator.properties.pattern ?? '', indicator.properties.displayName ?? '', ...parsed]
    .join('\n')
    .toLowerCase();
}

/**
 * Keywords match as case-insensitive substrings, any of them; confidence bounds and
 * `includeDisabled` (revoked indicators) apply; `pageSize` caps the answer (no nextLink).
 */
export function queryIndicators(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const query = (req.body ?? {}) as ThreatIntelligenceQuery;
    if (query.pageSize !== undefined && (!Number.isInteger(query.pageSize) || query.pageSize < 1)) {
      return sendArmBadRequest(res, 'pageSize must be a positive integer.');
    }
    const keywords = (query.keywords ?? [])
      .map((keyword) => String(keyword).toLowerCase())
      .filter(Boolean);
    const now = context.clock().getTime();

    const matches = workspaceOf(res).indicators.filter((indicator) => {
      const { confidence, revoked, validUntil } = indicator.properties;
      if (!query.includeDisabled && revoked === true) return false;
      if (query.minConfidence !== undefined && (confidence ?? 0) < query.minConfidence)
        return false;
      if (query.maxConfidence !== undefined && (confidence ?? 0) > query.maxConfidence)
        return false;
      if (query.ids?.length && !query.ids.includes(indicator.name)) return false;
      const until = Date.parse(String(validUntil ?? ''));
      if (query.minValidUntil && !Number.isNaN(until) && until < Date.parse(query.minValidUntil))
        return false;
      if (keywords.length === 0) return !Number.isNaN(now);
      const text = searchText(indicator);
      return keywords.some((keyword) => text.includes(keyword));
    });
    res.json({ value: matches.slice(0, query.pageSize ?? 100) });
  };
}
