import { describe, expect, it } from 'vitest';
import { parseViDate } from './date';

describe('parseViDate', () => {
  it('reads the day first, as Vietnamese write it', () => {
    expect(parseViDate('01/03/2026')).toBe('2026-03-01');
    expect(parseViDate(' 1/3/2026 ')).toBe('2026-03-01');
    expect(parseViDate('31-12-2025')).toBe('2025-12-31');
    expect(parseViDate('29.02.2024')).toBe('2024-02-29');
  });
  it('refuses days that do not exist and other shapes', () => {
    expect(parseViDate('31/02/2026')).toBeNull();
    expect(parseViDate('29/02/2025')).toBeNull();
    expect(parseViDate('2026-03-01')).toBeNull();
    expect(parseViDate('01/13/2026')).toBeNull();
    expect(parseViDate('')).toBeNull();
  });
});
