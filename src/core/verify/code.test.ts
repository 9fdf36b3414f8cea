import { describe, expect, it } from 'vitest';
import { formatVerifyCode, normalizeVerifyCode, verifyUrl } from './code';

describe('mã xác minh', () => {
  it('reads back what a person types', () => {
    expect(normalizeVerifyCode('7KQ2M-XC91D')).toBe('7KQ2MXC91D');
    expect(normalizeVerifyCode(' 7kq2m xc91d ')).toBe('7KQ2MXC91D');
    expect(normalizeVerifyCode('7KQ2M-XC9ID')).toBe('7KQ2MXC91D');
    expect(normalizeVerifyCode('O0000-11111')).toBe('0000011111');
  });
  it('refuses what cannot be a code', () => {
    for (const bad of ['', '7KQ2M', '7KQ2MXC91D1', '7KQ2MXC91U', '<script>', '7KQ2M/XC91D', 'x'.repeat(100)]) expect(normalizeVerifyCode(bad)).toBeNull();
  });
  it('prints in two groups and builds the page address', () => {
    expect(formatVerifyCode('7KQ2MXC91D')).toBe('7KQ2M-XC91D');
    expect(verifyUrl('https://kdc.example.vn/', '7KQ2MXC91D')).toBe('https://kdc.example.vn/xac-minh/7KQ2MXC91D');
  });
});
