import { describe, expect, it } from 'vitest';
import { dateParts, dayBefore, formatDate, formatDayMonth, isIsoDate, isoDateSchema, isoDay, parseDate, parseDayFirst, parseDayMonth } from './date';

describe('parseDate', () => {
  it('reads the day first, as Vietnamese write it, and ISO', () => {
    expect(parseDate('01/03/2026')).toBe('2026-03-01');
    expect(parseDate(' 1/3/2026 ')).toBe('2026-03-01');
    expect(parseDate('31-12-2025')).toBe('2025-12-31');
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDate('2026-03-01')).toBe('2026-03-01');
    expect(parseDate('2026-3-1')).toBe('2026-03-01');
  });
  it('refuses days that do not exist and other shapes', () => {
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('01/13/2026')).toBeNull();
    expect(parseDate('2026/03/01')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
  it('in a form, takes the day first only, as the field says', () => {
    expect(parseDayFirst('20/11/2026')).toBe('2026-11-20');
    expect(parseDayFirst('2026-11-20')).toBeNull();
    expect(parseDayFirst('31/02/2026')).toBeNull();
  });
});

describe('stored days', () => {
  it('are exactly YYYY-MM-DD and exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-09')).toBe(false);
    expect(isoDateSchema().safeParse('2026-02-31').error?.issues[0]?.message).toBe('ngày phải có dạng YYYY-MM-DD');
    expect(isoDateSchema().parse('2026-02-28')).toBe('2026-02-28');
  });
  it('print day first, from a day, a timestamp or a Date, in UTC', () => {
    expect(formatDate('2024-11-18')).toBe('18/11/2024');
    expect(formatDate('2024-02-05T23:30:00.000Z')).toBe('05/02/2024');
    expect(formatDate(new Date(Date.UTC(2024, 1, 5, 23, 30)))).toBe('05/02/2024');
    expect(isoDay(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01');
    expect(dateParts('2024-02-05')).toEqual({ year: 2024, month: 2, day: 5 });
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
  });
});

describe('days of the year', () => {
  it('read day first and print back', () => {
    expect(parseDayMonth('31/03')).toBe('03-31');
    expect(parseDayMonth('1.11')).toBe('11-01');
    expect(parseDayMonth('29/02')).toBe('02-29');
    expect(parseDayMonth('31/02')).toBeNull();
    expect(parseDayMonth('2026-03-31')).toBeNull();
    expect(formatDayMonth('11-01')).toBe('01/11');
  });
});
