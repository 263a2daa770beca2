/**
 * Tokenizer for the OData `$filter` subset both emulated APIs accept: property paths,
 * comparison and logical keywords, parentheses, quoted strings (`''` escapes a quote),
 * numbers, unquoted ISO date-times (Graph's form) and `datetime'...'` literals (older ARM
 * clients still send them).
 */
import { ODataQueryError } from './odataQueryError.ts';

export type FilterToken =
  | { kind: 'open'; position: number }
  | { kind: 'close'; position: number }
  /** Any other character; the parser reports it when it gets there. */
  | { kind: 'symbol'; text: string; position: number }
  | { kind: 'word'; text: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'number'; value: number; position: number }
  | { kind: 'datetime'; text: string; position: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?/i;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_./]*/;
const PREFIXED_DATETIME = /^datetime'([^']*)'/i;

export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let position = 0;

  while (position < text.length) {
    const rest = text.slice(position);
    const char = rest.charAt(0);

    if (/\s/.test(char)) {
      position += 1;
      continue;
    }

    if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', position });
      position += 1;
      continue;
    }

    if (char === "'") {
      const { value, length } = readQuoted(text, position);
      tokens.push({ kind: 'string', value, position });
      position += length;
      continue;
    }

    const token = readLiteralOrWord(rest, position);
    tokens.push(token.token);
    position += token.length;
  }

  return tokens;
}

function readLiteralOrWord(rest: string, position: number): { token: FilterToken; length: number } {
  const prefixed = PREFIXED_DATETIME.exec(rest);
  if (prefixed) {
    return {
      token: { kind: 'datetime', text: prefixed[1] ?? '', position },
      length: prefixed[0].length,
    };
  }

  const datetime = DATETIME.exec(rest);
  if (datetime) {
    return { token: { kind: 'datetime', text: datetime[0], position }, length: datetime[0].length };
  }

  const number = NUMBER.exec(rest);
  if (number) {
    return {
      token: { kind: 'number', value: Number(number[0]), position },
      length: number[0].length,
    };
  }

  const word = WORD.exec(rest);
  if (word) {
    return { token: { kind: 'word', text: word[0], position }, length: word[0].length };
  }

  return { token: { kind: 'symbol', text: rest.charAt(0), position }, length: 1 };
}

function readQuoted(text: string, start: number): { value: string; length: number } {
  let value = '';
  let index = start + 1;

  while (index < text.length) {
    const char = text.charAt(index);
    if (char !== "'") {
      value += char;
      index += 1;
      continue;
    }

    if (text.charAt(index + 1) === "'") {
      value += "'";
      index += 2;
      continue;
    }
    return { value, length: index + 1 - start };
  }

  throw new ODataQueryError('$filter', 'Unterminated string literal', start);
}
