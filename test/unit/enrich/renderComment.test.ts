/**
 * The comment renderer and splitter: every value from the incident comes out escaped, parts
 * stay within the limit however the length is counted, and every part parses as well-formed
 * HTML (checked with htmlparser2: no tag closed by the parser on our behalf).
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { EnrichmentReport } from '../../../src/enrich/enrichmentReport.ts';
import { lengthCounter } from '../../../src/enrich/render/commentLength.ts';
import {
  partHeading,
  renderEnrichmentHtml,
} from '../../../src/enrich/render/renderEnrichmentHtml.ts';
import { splitHtmlComment } from '../../../src/enrich/render/splitHtmlComment.ts';

interface ParsedHtml {
  implied: string[];
  unclosed: string[];
  texts: string[];
  tags: string[];
}

/** Parses HTML and reports any tag the parser had to close or that stayed open. */
function parse(html: string): ParsedHtml {
  const open: string[] = [];
  const result: ParsedHtml = { implied: [], unclosed: [], texts: [], tags: [] };
  const voids = new Set(['br', 'hr', 'img']);
  const parser = new Parser({
    onopentag: (name) => {
      result.tags.push(name);
      if (!voids.has(name)) open.push(name);
    },
    onclosetag: (name, isImplied) => {
      if (voids.has(name)) return;
      if (isImplied) result.implied.push(name);
      open.pop();
    },
    ontext: (text) => result.texts.push(text),
  });
  parser.write(html);
  result.unclosed = [...open];
  parser.end();
  return result;
}

function wellFormed(html: string): void {
  const parsed = parse(html);
  expect(parsed.implied, html.slice(0, 200)).toEqual([]);
  expect(parsed.unclosed).toEqual([]);
}

function report(entities: EnrichmentReport['entities']): EnrichmentReport {
  return {
    incidentArmId: '',
    incidentTitle: 't',
    defenderTenantId: '',
    defenderIncidentId: '',
    entities,
    entitiesComplete: true,
    techniques: [],
    verdict: {
      score: 10,
      reasons: ['+10: because'],
      counts: [],
      threatIntelHits: 0,
      watchlistHits: 0,
    },
    providers: [],
    labels: [],
    description: '',
    notes: [],
  };
}

function hostEntity(name: string, summary = 'Private address') {
  return {
    kind: 'Host',
    displayName: name,
    value: name,
    source: 'graphEvidence' as const,
    sources: ['graphEvidence' as const],
    alertIds: ['a'],
    verdicts: [],
    context: [{ provider: 'p', summary, source: 's', fetchedAt: '', cached: false, facts: [] }],
  };
}

describe('rendering the enrichment comment', () => {
  it('escapes HTML and script in entity names and findings', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>&amp;"\'';
    const html = renderEnrichmentHtml(
      report([hostEntity(hostile, `<b onclick="x">${hostile}</b>`)]),
    );

    const parsed = parse(html);
    expect(parsed.tags).not.toContain('script');
    expect(parsed.tags).not.toContain('img');
    expect(html).not.toContain('<script');
    // The parser decodes text: what a reader sees is the name exactly as the incident had it.
    expect(parsed.texts.join('')).toContain(hostile);
    wellFormed(html);
  });

  it('renders the same findings to the same text', () => {
    const entities = [hostEntity('ws-1'), hostEntity('ws-2')];
    expect(renderEnrichmentHtml(report(entities))).toBe(renderEnrichmentHtml(report(entities)));
  });
});

describe('splitting a long comment (BR-14, BR-15)', () => {
  const rows = '<tr><td>host-é-</td><td>10.0.0.1</td></tr>'.repeat(900);
  const table = `<table><thead><tr><th>Host</th><th>IP</th></tr></thead><tbody>${rows}</tbody></table>`;

  it.each(['utf16', 'utf8Bytes'] as const)(
    'keeps every part within 30,000 %s and well-formed',
    (unit) => {
      const lengthOf = lengthCounter(unit);
      expect(lengthOf(table)).toBeGreaterThan(30_000);

      const { parts, omitted } = splitHtmlComment(table, {
        maxLength: 30_000,
        lengthOf,
        maxParts: 5,
        partHeading,
      });

      expect(parts.length).toBeGreaterThan(1);
      expect(omitted).toBe(0);
      for (const part of parts) {
        expect(lengthOf(part)).toBeLessThanOrEqual(30_000);
        wellFormed(part);
        expect(part).toContain('<thead><tr><th>Host</th><th>IP</th></tr></thead>');
      }
      const rowCount = parts.join('').split('<tr><td>host-é-</td>').length - 1;
      expect(rowCount).toBe(900);
      expect(parts[0]).toContain(`part 1 of ${parts.length}`);
    },
  );

  it('drops what does not fit the part limit and says how much', () => {
    const { parts, omitted } = splitHtmlComment(table, {
      maxLength: 5_000,
      lengthOf: lengthCounter('utf16'),
      maxParts: 2,
      partHeading,
    });

    expect(parts).toHaveLength(2);
    expect(omitted).toBeGreaterThan(0);
    expect(parts[1]).toContain(`${omitted} more rows omitted`);
    parts.forEach(wellFormed);
  });

  it('shortens a single block too long for any part without cutting an entity or a surrogate pair', () => {
    const text = `${'😀&<'.repeat(4_000)}`;
    const html = `<p>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p><p>after</p>`;

    const { parts, shortened } = splitHtmlComment(html, {
      maxLength: 2_000,
      lengthOf: lengthCounter('utf16'),
      maxParts: 5,
      partHeading,
    });

    expect(shortened).toBe(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2_000);
      wellFormed(part);
      expect(part).not.toMatch(/&[a-z]*$|&[a-z]*[^a-z;]/);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(parts.at(-1)).toContain('<p>after</p>');
  });

  it('leaves a comment within the limit as it is', () => {
    const html = '<p>short</p>';
    expect(
      splitHtmlComment(html, {
        maxLength: 100,
        lengthOf: lengthCounter('utf16'),
        maxParts: 1,
        partHeading,
      }).parts,
    ).toEqual([html]);
  });
});
