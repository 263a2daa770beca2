import { describe, expect, it } from 'vitest';

import { formatTimestamp, parseTimestamp, stampAfter } from '../../src/emulator/timestamps.ts';

describe('service timestamps', () => {
  it('parse and print seven fractional digits without losing any', () => {
    const text = '2024-06-21T01:06:41.7833333Z';
    const ticks = parseTimestamp(text);
    expect(ticks).toBeDefined();
    expect(formatTimestamp(ticks ?? 0n)).toBe(text);
  });

  it('read shorter fractions, offsets and no fraction at all', () => {
    expect(formatTimestamp(parseTimestamp('2021-04-26T07:45:50.116Z') ?? 0n)).toBe(
      '2021-04-26T07:45:50.1160000Z',
    );
    expect(formatTimestamp(parseTimestamp('2025-01-01T02:00:00+02:00') ?? 0n)).toBe(
      '2025-01-01T00:00:00.0000000Z',
    );
    expect(parseTimestamp('not a date')).toBeUndefined();
  });

  it('never hand out the same change cursor twice, even with a clock standing still', () => {
    const frozen = new Date('2025-05-01T12:00:00.000Z');
    const first = stampAfter(frozen, undefined);
    const second = stampAfter(frozen, first);
    const third = stampAfter(frozen, second);

    expect(first).toBe('2025-05-01T12:00:00.0000000Z');
    expect(second).toBe('2025-05-01T12:00:00.0000001Z');
    expect(third).toBe('2025-05-01T12:00:00.0000002Z');
  });

  it('follow the clock once it has moved past the previous stamp', () => {
    expect(stampAfter(new Date('2025-05-01T12:00:01Z'), '2025-05-01T12:00:00.9999999Z')).toBe(
      '2025-05-01T12:00:01.0000000Z',
    );
  });
});
