/**
 * `$filter` on `/security/incidents`: only the properties the API documents as filterable.
 * Date-time properties take unquoted ISO literals (a quoted one is a type error on Graph);
 * enum properties take quoted member names in any casing.
 */
import {
  GRAPH_CLASSIFICATIONS,
  GRAPH_DETERMINATIONS,
  GRAPH_INCIDENT_STATUSES,
  GRAPH_SEVERITIES,
  type GraphIncident,
} from '../../model/graphIncident.ts';
import { matchesFilter, readPath } from '../odata/filterEvaluator.ts';
import { parseFilter, type FilterExpression } from '../odata/filterParser.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { matchEnumMember } from './graphEnums.ts';

type PropertyKind =
  { type: 'datetime' } | { type: 'string' } | { type: 'enum'; members: readonly string[] };

const FILTERABLE: Record<string, PropertyKind> = {
  createdDateTime: { type: 'datetime' },
  lastUpdateDateTime: { type: 'datetime' },
  assignedTo: { type: 'string' },
  status: { type: 'enum', members: GRAPH_INCIDENT_STATUSES },
  severity: { type: 'enum', members: GRAPH_SEVERITIES },
  classification: { type: 'enum', members: GRAPH_CLASSIFICATIONS },
  determination: { type: 'enum', members: GRAPH_DETERMINATIONS },
};

export function parseIncidentFilter(text: string): FilterExpression {
  const expression = parseFilter(text);
  checkComparisons(expression);
  return expression;
}

export function incidentMatches(incident: GraphIncident, filter: FilterExpression): boolean {
  return matchesFilter(filter, (path) => readPath(incident, path), { ignoreCase: () => true });
}

function checkComparisons(expression: FilterExpression): void {
  if (expression.kind === 'not') return checkComparisons(expression.operand);
  if (expression.kind !== 'compare') {
    checkComparisons(expression.left);
    return checkComparisons(expression.right);
  }

  const name = expression.path.join('/');
  const kind = FILTERABLE[name];
  if (!kind) {
    throw new ODataQueryError('$filter', `Invalid filter clause: '${name}' cannot be filtered on.`);
  }

  const literal = expression.literal;
  if (literal.type === 'null') return;
  if (kind.type === 'datetime' && literal.type !== 'datetime') {
    throw new ODataQueryError(
      '$filter',
      `A binary operator with incompatible types was detected. Found operand types ` +
        `'Edm.DateTimeOffset' and '${edmTypeOf(literal.type)}' for '${name}'.`,
    );
  }
  if (kind.type === 'enum') {
    const value = literal.type === 'string' ? literal.value : undefined;
    if (!matchEnumMember(value, kind.members)) {
      throw new ODataQueryError(
        '$filter',
        `The string '${String(value ?? literal.type)}' is not a valid enumeration ` +
          `constant of '${name}'.`,
      );
    }
  }
}

function edmTypeOf(type: string): string {
  const types: Record<string, string> = {
    string: 'Edm.String',
    number: 'Edm.Int32',
    boolean: 'Edm.Boolean',
  };
  return types[type] ?? type;
}
