/**
 * `$filter` and `$orderby` over Sentinel incidents. Properties are addressed by their ARM
 * path (`properties/severity`, `properties/owner/userPrincipalName`, `name`).
 */
import type { SentinelIncident } from '../../model/sentinelIncident.ts';
import { matchesFilter, readPath, type FieldResolver } from '../odata/filterEvaluator.ts';
import type { FilterExpression } from '../odata/filterParser.ts';
import { sortByKeys, type OrderByKey } from '../odata/orderBy.ts';

/** Newest first when the caller names no order. */
const DEFAULT_ORDER: OrderByKey[] = [{ path: ['properties', 'createdTimeUtc'], descending: true }];

export function filterIncidents(
  incidents: readonly SentinelIncident[],
  filter: FilterExpression | undefined,
): SentinelIncident[] {
  if (!filter) return [...incidents];
  return incidents.filter((incident) => matchesFilter(filter, filterFieldResolver(incident)));
}

export function orderIncidents(
  incidents: readonly SentinelIncident[],
  orderBy: OrderByKey[] | undefined,
): SentinelIncident[] {
  return sortByKeys(
    incidents,
    orderBy ?? DEFAULT_ORDER,
    (incident) => (path) => readPath(incident, path),
  );
}

/**
 * Reads a property for `$filter`, reproducing a known service quirk: filtering on
 * `properties/classification eq 'Undetermined'` returns nothing although such incidents
 * exist (Azure/azure-rest-api-specs#27165), as if the service indexed that value as empty.
 * Clients have to filter for Undetermined themselves; the emulator keeps them honest.
 */
function filterFieldResolver(incident: SentinelIncident): FieldResolver {
  return (path) => {
    const value = readPath(incident, path);
    const isClassification =
      path.length === 2 && path[0] === 'properties' && path[1] === 'classification';
    return isClassification && value === 'Undetermined' ? undefined : value;
  };
}
