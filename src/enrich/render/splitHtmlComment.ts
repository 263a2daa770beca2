/**
 * Splits an HTML comment into parts that each fit a length limit and are each well-formed
 * (BR-14, BR-15). The HTML is parsed with htmlparser2; parts break between top-level blocks,
 * and inside a table or list between rows or items, reopening the table (with its header row)
 * or list in the next part. A single block too long for any part keeps its tag and loses the
 * end of its text. Beyond the part limit, the rest is dropped and the last part says how many
 * rows or blocks were left out.
 */
import render from 'dom-serializer';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { cutToLength, type LengthOf } from './commentLength.ts';
import { escapeHtml } from './escapeHtml.ts';

export interface SplitHtmlOptions {
  maxLength: number;
  lengthOf: LengthOf;
  maxParts: number;
  /** The heading of part `index` (1-based) of `total`, as HTML; only used with several parts. */
  partHeading: (index: number, total: number) => string;
}

export interface SplitHtmlResult {
  parts: string[];
  /** Rows, items or blocks left out because of the part limit. */
  omitted: number;
  /** Blocks shortened because even alone they did not fit a part. */
  shortened: number;
}

type Block =
  | { kind: 'atomic'; html: string }
  | { kind: 'group'; open: string; close: string; items: string[] };

const RAW = { decodeEntities: false } as const;
/** Room kept in every part for its heading and a possible "N more rows omitted" line. */
const HEADING_RESERVE = 120;

export function splitHtmlComment(html: string, options: SplitHtmlOptions): SplitHtmlResult {
  const { lengthOf } = options;
  if (lengthOf(html) <= options.maxLength) return { parts: [html], omitted: 0, shortened: 0 };

  const budget = options.maxLength - HEADING_RESERVE;
  const state = { shortened: 0 };
  const packed = pack(toBlocks(html), budget, lengthOf, state);

  let parts = packed.map((part) => part.html);
  let omitted = 0;
  if (parts.length > options.maxParts) {
    omitted = packed.slice(options.maxParts).reduce((sum, part) => sum + part.units, 0);
    parts = parts.slice(0, options.maxParts);
    const last = parts.length - 1;
    parts[last] = `${parts[last] ?? ''}<p>${omitted} more rows omitted.</p>`;
  }
  const total = parts.length;
  return {
    parts: parts.map((part, index) => options.partHeading(index + 1, total) + part),
    omitted,
    shortened: state.shortened,
  };
}

function toBlocks(html: string): Block[] {
  const document = parseDocument(html, RAW);
  return document.children.flatMap((node): Block[] => {
    if (isTag(node) && node.name === 'table') return [tableBlock(node)];
    if (isTag(node) && (node.name === 'ul' || node.name === 'ol')) {
      return [
        {
          kind: 'group',
          open: openTag(node),
          close: `</${node.name}>`,
          items: node.children.map(raw),
        },
      ];
    }
    if (isText(node) && node.data.trim() === '') return [];
    return [{ kind: 'atomic', html: raw(node) }];
  });
}

/** A table splits between body rows; its header row (thead) repeats in every part. */
function tableBlock(table: Element): Block {
  const children = table.children.filter((node) => !(isText(node) && node.data.trim() === ''));
  const head = children.filter(
    (node) => isTag(node) && ['thead', 'caption', 'colgroup'].includes(node.name),
  );
  const rows = children.flatMap((node) =>
    isTag(node) && node.name === 'tbody'
      ? node.children.filter(isTag)
      : isTag(node) && node.name === 'tr'
        ? [node]
        : [],
  );
  return {
    kind: 'group',
    open: `${openTag(table)}${head.map(raw).join('')}<tbody>`,
    close: '</tbody></table>',
    items: rows.map(raw),
  };
}

interface PackedPart {
  html: string;
  units: number;
}

function pack(
  blocks: Block[],
  budget: number,
  lengthOf: LengthOf,
  state: { shortened: number },
): PackedPart[] {
  const parts: PackedPart[] = [];
  let current = '';
  let units = 0;
  const flush = () => {
    if (current) parts.push({ html: current, units });
    current = '';
    units = 0;
  };
  const fits = (html: string) => lengthOf(current + html) <= budget;

  for (const block of blocks) {
    if (block.kind === 'atomic') {
      const html = shorten(block.html, budget, lengthOf, state);
      if (!fits(html)) flush();
      current += html;
      units += 1;
      continue;
    }

    const whole = block.open + block.items.join('') + block.close;
    if (fits(whole)) {
      current += whole;
      units += block.items.length;
      continue;
    }
    const room = budget - lengthOf(block.open + block.close);
    let open = false;
    for (const item of block.items) {
      const html = shorten(item, room, lengthOf, state);
      if (!open) {
        if (!fits(block.open + html + block.close)) flush();
        current += block.open;
        open = true;
      } else if (!fits(html + block.close)) {
        current += block.close;
        flush();
        current += block.open;
      }
      current += html;
      units += 1;
    }
    if (open) current += block.close;
  }
  flush();
  return parts;
}

/** A block within `max`: as it is, or its tag around the start of its text. */
function shorten(
  html: string,
  max: number,
  lengthOf: LengthOf,
  state: { shortened: number },
): string {
  if (lengthOf(html) <= max) return html;
  state.shortened += 1;

  const [node] = parseDocument(html, RAW).children;
  if (!node || !isTag(node))
    return escapeHtml(cutToLength(textOf(html), Math.max(0, max - 8), lengthOf));
  if (node.name === 'tr') return shortenRow(node, max, lengthOf);

  const open = openTag(node);
  const close = `</${node.name}>`;
  const room = Math.max(0, max - lengthOf(open + close) - 1);
  return `${open}${escapeCut(textOf(render(node, RAW)), room, lengthOf)}…${close}`;
}

/** A row keeps its cells, each cut to an equal share of the room. */
function shortenRow(row: Element, max: number, lengthOf: LengthOf): string {
  const cells = row.children.filter(isTag);
  const overhead =
    lengthOf(openTag(row) + '</tr>') +
    cells.reduce((sum, cell) => sum + lengthOf(openTag(cell) + `</${cell.name}>…`), 0);
  const share = Math.max(0, Math.floor((max - overhead) / Math.max(1, cells.length)));
  const inner = cells
    .map(
      (cell) =>
        `${openTag(cell)}${escapeCut(textOf(render(cell, RAW)), share, lengthOf)}…</${cell.name}>`,
    )
    .join('');
  return `${openTag(row)}${inner}</tr>`;
}

/** Escaped text within `max`; the cut is made on the text, so no entity is split. */
function escapeCut(text: string, max: number, lengthOf: LengthOf): string {
  let cut = cutToLength(text, max, lengthOf);
  while (cut && lengthOf(escapeHtml(cut)) > max)
    cut = cutToLength(cut, lengthOf(cut) - 1, lengthOf);
  return escapeHtml(cut);
}

/** The decoded text of some HTML. */
function textOf(html: string): string {
  const collect = (nodes: ChildNode[]): string =>
    nodes
      .map((node) => (isText(node) ? node.data : isTag(node) ? collect(node.children) : ''))
      .join('');
  return collect(parseDocument(html).children);
}

function raw(node: ChildNode): string {
  return render(node, RAW);
}

function openTag(element: Element): string {
  const attributes = Object.entries(element.attribs)
    .map(([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`)
    .join('');
  return `<${element.name}${attributes}>`;
}
