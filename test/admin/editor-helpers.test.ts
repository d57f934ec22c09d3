import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from '../../src/admin/editor/zoned-time.js';
import { diffLines } from '../../src/admin/editor/diff.js';

describe('scheduling times in the site time zone', () => {
  it('turns wall-clock times into UTC and back, across zones and daylight saving', () => {
    expect(zonedToUtc('2026-11-24T09:00', 'Asia/Tehran')).toBe('2026-11-24T05:30:00.000Z');
    expect(zonedToUtc('2026-11-24T09:00', 'UTC')).toBe('2026-11-24T09:00:00.000Z');
    expect(zonedToUtc('2026-07-01T12:00', 'Europe/London')).toBe('2026-07-01T11:00:00.000Z');
    expect(zonedToUtc('2026-01-01T12:00', 'Europe/London')).toBe('2026-01-01T12:00:00.000Z');
    expect(zonedToUtc('2026-07-01T12:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(utcToZoned('2026-11-24T05:30:00.000Z', 'Asia/Tehran')).toBe('2026-11-24T09:00');
    expect(utcToZoned('2026-07-01T16:00:00.000Z', 'America/New_York')).toBe('2026-07-01T12:00');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of ['', 'tomorrow', '2026-13-01T09:00', '2026-11-24T25:00', '2026-11-24 09:00', '2026-11-24T09:60']) expect(zonedToUtc(bad, 'UTC'), bad).toBeNull();
  });
});

describe('line diff', () => {
  it('marks removed and added lines and keeps the rest', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'B' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(diffLines('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });

  it('stays correct beyond its size cap', () => {
    const big = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const out = diffLines(big, `${big}\nmore`, 10);
    expect(out.filter((l) => l.op === 'del')).toHaveLength(20);
    expect(out.filter((l) => l.op === 'add')).toHaveLength(21);
  });
});
