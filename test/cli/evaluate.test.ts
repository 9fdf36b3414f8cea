/**
 * The `kdc evaluate` contract that scripts rely on, exercised through the
 * real command on thousands of random scorecards.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { flattenCriteria } from '../../src/core/criteria/walk';
import { evaluate } from '../../src/core/evaluation/evaluate';
import { runKdc } from '../support/cli';

const set = findBuiltinSet('laichau-tqpttd')!;
const codes = flattenCriteria(set).map(({ criterion }) => criterion.code);
const dir = mkdtempSync(join(tmpdir(), 'kdc-cli-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};

const itemArb = fc.record({
  area: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  kind: fc.constantFrom('thon', 'to-dan-pho', 'ban'),
  communeKind: fc.constantFrom('xa', 'phuong', 'thi-tran'),
  values: fc.record({
    // The Lai Châu set has no hand-marked "không áp dụng" ("allowNa": false): đạt or không đạt only.
    ...Object.fromEntries(codes.map((c) => [c, fc.constantFrom<boolean>(true, true, true, true, false)])),
    'II.1': fc.boolean(),
    'II.2': fc.constant(false),
    'II.3': fc.constant(false),
    'II.4': fc.constant(false),
  }),
});

describe('kdc evaluate', () => {
  it('keeps the JSON contract on 3,000 random scorecards, in order, agreeing with the engine', { timeout: 180_000 }, () => {
    const items = fc.sample(itemArb, { numRuns: 3000, seed: 42 });
    const result = runKdc(['evaluate', '--set', 'laichau-tqpttd', '--input', file('random.json', items), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(items.length);
    out.forEach((row, i) => {
      const item = items[i]!;
      expect(row.area).toBe(item.area.normalize('NFC'));
      expect(typeof row.recognized).toBe('boolean');
      expect(row.title === null || row.title === 'tqpttd').toBe(true);
      expect((row.sections as Array<{ code: string }>).map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6']);
      for (const s of row.sections as Array<Record<string, unknown>>) {
        expect(Object.keys(s).sort()).toEqual(['applicable', 'code', 'ok', 'passed']);
      }
      expect(Array.isArray(row.disqualifiedBy) && Array.isArray(row.reasons)).toBe(true);
      const expected = evaluate(set, { profile: { area: item.area, kind: item.kind as 'ban', communeKind: item.communeKind as 'xa' }, values: item.values });
      expect(row.recognized).toBe(expected.recognized);
      expect(row.reasons).toEqual(expected.reasons);
    });
  });

  it('prints a readable table by default', () => {
    const values = Object.fromEntries(codes.map((c) => [c, true]));
    const result = runKdc([
      'evaluate',
      '--set',
      'laichau-tqpttd',
      '--input',
      file('one.json', [{ area: 'Tổ dân phố số 5', kind: 'to-dan-pho', values: { ...values, '2.1': false, '2.2': false } }]),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Tổ dân phố số 5\tKHÔNG ĐẠT');
    expect(result.stdout).toContain('Tiêu chuẩn 2: đạt 6/8 tiêu chí (75%), cần tối thiểu 80%');
  });

  it.each([
    ['a missing criterion', { '1.1': undefined }, /^Lỗi: Khu dân cư «Bản Mới»: thiếu giá trị của tiêu chí 1\.1/],
    ['an unknown code', { '9.9': true }, /^Lỗi: Khu dân cư «Bản Mới»: mã tiêu chí "9\.9" không có trong bộ tiêu chí laichau-tqpttd/],
    ['a wrong value', { '2.1': 'có' }, /^Lỗi: Khu dân cư «Bản Mới»: Tiêu chí 2\.1 giá trị "có" không hợp lệ/],
  ])('refuses %s with one Vietnamese line naming the area and criterion, no stack trace', (_name, change, message) => {
    const values: Record<string, unknown> = { ...Object.fromEntries(codes.map((c) => [c, true])), ...change };
    const result = runKdc(['evaluate', '--set', 'laichau-tqpttd', '--input', file('bad.json', [{ area: 'Bản Mới', kind: 'ban', values }]), '--format', 'json']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses malformed JSON and a bad kind clearly', () => {
    const broken = runKdc(['evaluate', '--set', 'laichau-tqpttd', '--input', file('broken.json', '[{"area": ')]);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/^Lỗi: Tệp .*broken\.json không phải JSON hợp lệ/);
    const kind = runKdc(['evaluate', '--set', 'laichau-tqpttd', '--input', file('kind.json', [{ area: 'X', kind: 'lang', values: {} }])]);
    expect(kind.stderr).toMatch(/^Lỗi: Khu dân cư «X»: loại đơn vị \("kind"\) phải là "thon", "to-dan-pho", "ban" \(khu dân cư\)/);
  });
});
