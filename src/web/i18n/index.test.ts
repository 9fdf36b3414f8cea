import { describe, expect, it } from 'vitest';
import { fill } from './index';

describe('fill', () => {
  it('writes counts the Vietnamese way but a year as it is', () => {
    expect(fill('{n} hộ năm {year}', { n: 1200, year: 2026 })).toBe('1.200 hộ năm 2026');
  });
});
