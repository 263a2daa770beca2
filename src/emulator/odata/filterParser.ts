/**
 * A small recursive-descent parser for OData `$filter` expressions:
 *
 *   expression := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' expression ')' | comparison
 *   comparison := path operator literal | literal operator path
 *
 * Paths are `/`-separated property names (`properties/status`); literals are quoted strings,
 * numbers, date-times, `true`, `false` and `null`. Lambda operators and functions are not
 * supported and fail with an `ODataQueryError` naming the position.
 */
import { parseTimestamp } from '../timestamps.ts';
import { tokenizeFilter, type FilterToken } from './filterTokens.ts';
import { ODataQueryError } from './odataQueryError.ts';

export const COMPARISON_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'datetime'; text: string; ticks: bigint }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; operator: ComparisonOperator; path: string[]; literal: FilterLiteral };

/** The operator that keeps the meaning when both sides of a comparison swap places. */
const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

type Operand = { kind: 'path'; path: string[] } | { kind: 'literal'; literal: FilterLiteral };

export function parseFilter(text: string): FilterExpression {
  const cursor = new TokenCursor(tokenizeFilter(text), text.length);
  if (cursor.done()) throw new ODataQueryError('$filter', 'The filter expression is empty', 0);

  const expression = parseOr(cursor);
  const leftover = cursor.peek();
  if (leftover) throw unexpected(leftover);
  return expression;
}

/** Every property path the expression reads, for checking them against an allow-list. */
export function filterPaths(expression: FilterExpression): string[][] {
  switch (expression.kind) {
    case 'compare':
      return [expression.path];
    case 'not':
      return filterPaths(expression.operand);
    default:
      return [...filterPaths(expression.left), ...filterPaths(expression.right)];
  }
}

function parseOr(cursor: TokenCursor): FilterExpression {
  let left = parseAnd(cursor);
  while (cursor.takeWord('or')) {
    left = { kind: 'or', left, right: parseAnd(cursor) };
  }
  return left;
}

function parseAnd(cursor: TokenCursor): FilterExpression {
  let left = parseUnary(cursor);
  while (cursor.takeWord('and')) {
    left = { kind: 'and', left, right: parseUnary(cursor) };
  }
  return left;
}

function parseUnary(cursor: TokenCursor): FilterExpression {
  if (cursor.takeWord('not')) return { kind: 'not', operand: parseUnary(cursor) };

  if (cursor.peek()?.kind === 'open') {
    cursor.next();
    const inner = parseOr(cursor);
    const close = cursor.next();
    if (close?.kind !== 'close') throw close ? unexpected(close) : cursor.endError("')'");
    return inner;
  }

  return parseComparison(cursor);
}

function parseComparison(cursor: TokenCursor): FilterExpression {
  const left = parseOperand(cursor);

  const operatorToken = cursor.next();
  if (!operatorToken) throw cursor.endError('a comparison operator');
  const operator = asOperator(operatorToken);

  const right = parseOperand(cursor);
  if (left.kind === 'path' && right.kind === 'literal') {
    return { kind: 'compare', operator, path: left.path, literal: right.literal };
  }
  if (left.kind === 'literal' && right.kind === 'path') {
    return {
      kind: 'compare',
      operator: MIRRORED[operator],
      path: right.path,
      literal: left.literal,
    };
  }
  throw new ODataQueryError(
    '$filter',
    'A comparison needs one property path and one literal value',
    operatorToken.position,
  );
}

function parseOperand(cursor: TokenCursor): Operand {
  const token = cursor.next();
  if (!token) throw cursor.endError('a property or a value');

  switch (token.kind) {
    case 'string':
      return { kind: 'literal', literal: { type: 'string', value: token.value } };
    case 'number':
      return { kind: 'literal', literal: { type: 'number', value: token.value } };
    case 'datetime':
      return { kind: 'literal', literal: datetimeLiteral(token.text, token.position) };
    case 'word':
      if (cursor.peek()?.kind === 'open') {
        const message = `Function '${token.text}' is not supported`;
        throw new ODataQueryError('$filter', message, token.position);
      }
      return wordOperand(token.text, token.position);
    default:
      throw unexpected(token);
  }
}

function wordOperand(text: string, position: number): Operand {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    return { kind: 'literal', literal: { type: 'boolean', value: lower === 'true' } };
  }
  if (lower === 'null') return { kind: 'literal', literal: { type: 'null' } };

  const path = text.split('/');
  if (path.some((segment) => segment.length === 0)) {
    throw new ODataQueryError('$filter', `'${text}' is not a property path`, position);
  }
  return { kind: 'path', path };
}

function datetimeLiteral(text: string, position: number): FilterLiteral {
  const ticks = parseTimestamp(text);
  if (ticks === undefined) {
    throw new ODataQueryError('$filter', `'${text}' is not a valid date-time`, position);
  }
  return { type: 'datetime', text, ticks };
}

function asOperator(token: FilterToken): ComparisonOperator {
  const text = token.kind === 'word' ? token.text.toLowerCase() : '';
  const operator = COMPARISON_OPERATORS.find((candidate) => candidate === text);
  if (!operator) throw unexpected(token, 'a comparison operator');
  return operator;
}

function unexpected(token: FilterToken, expected?: string): ODataQueryError {
  const shown = describeToken(token);
  const detail = expected ? `; expected ${expected}` : '';
  return new ODataQueryError('$filter', `Unexpected ${shown}${detail}`, token.position);
}

function describeToken(token: FilterToken): string {
  switch (token.kind) {
    case 'open':
      return "'('";
    case 'close':
      return "')'";
    case 'symbol':
      return `'${token.text}'`;
    case 'word':
    case 'datetime':
      return `'${token.text}'`;
    case 'string':
      return `string '${token.value}'`;
    case 'number':
      return `number ${token.value}`;
  }
}

class TokenCursor {
  private index = 0;

  constructor(
    private readonly tokens: FilterToken[],
    private readonly textLength: number,
  ) {}

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(): FilterToken | undefined {
    return this.tokens[this.index];
  }

  next(): FilterToken | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  takeWord(word: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'word' || token.text.toLowerCase() !== word) return false;
    this.index += 1;
    return true;
  }

  endError(expected: string): ODataQueryError {
    return new ODataQueryError(
      '$filter',
      `The filter ends early; expected ${expected}`,
      this.textLength,
    );
  }
}
