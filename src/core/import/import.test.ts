/**
 * Reading spreadsheet cells the way Vietnamese offices fill them: numbers
 * with either separator, tick words, Excel column letters, and whole sheets
 * whose every problem points at its row and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../criteria/builtin/index';
import { parseLocaleNumber } from '../text/number';
import { kindFromName, unitKind, unitTier } from '../units/kinds';
import { parseScorecardRows } from './scorecards';
import { columnLetter, importRefusal, MAX_CELL, type Sheet } from './sheet';
import { parseUnitRows } from './units';
import { parseCriterionCell } from './values';

describe('numbers as Vietnamese and English spreadsheets write them', () => {
  it.each([
    ['98', 98],
    ['98,5', 98.5],
    ['98.5', 98.5],
    ['98,5%', 98.5],
    ['1.200', 1200],
    ['1.200.000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    [' 7 ', 7],
    ['0', 0],
    ['-3', -3],
  ])('"%s" is %d', (text, value) => expect(parseLocaleNumber(text)).toBe(value));

  it.each(['', 'abc', '1.2.3', '98%%', '12,34,5', '1..2', '—'])('"%s" is not a number', (text) => expect(parseLocaleNumber(text)).toBeNull());

  it('reads back every number written the Vietnamese way', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const grouped = new Intl.NumberFormat('vi-VN', { useGrouping: true }).format(Math.abs(whole));
        const text = `${whole < 0 ? '-' : ''}${grouped},${String(cents).padStart(2, '0')}`;
        expect(parseLocaleNumber(text)).toBeCloseTo(Math.sign(whole || 1) * (Math.abs(whole) + cents / 100), 6);
      }),
    );
  });
});

describe('scorecard cells', () => {
  it('reads tick words by what the criterion asks', () => {
    expect(parseCriterionCell('pass-fail', 'Đạt')).toEqual({ value: true });
    expect(parseCriterionCell('pass-fail', 'KĐ')).toEqual({ value: false });
    expect(parseCriterionCell('pass-fail', '1')).toEqual({ value: true });
    expect(parseCriterionCell('pass-fail', 'không áp dụng')).toEqual({ value: 'na' });
    // For a count, 1 and 0 are numbers: criterion 5.2 wants 0 poor households.
    expect(parseCriterionCell('quantity', '0')).toEqual({ value: 0 });
    expect(parseCriterionCell('quantity', '97,5%')).toEqual({ value: 97.5 });
    expect(parseCriterionCell('quantity', 'đạt')).toEqual({ value: true });
    expect(parseCriterionCell('points', '7,5')).toEqual({ value: 7.5 });
    expect(parseCriterionCell('disqualifier', 'Có')).toEqual({ value: true });
    expect(parseCriterionCell('disqualifier', 'không')).toEqual({ value: false });
    expect(parseCriterionCell('pass-fail', '   ')).toBeNull();
  });

  it('explains a value it cannot read, in Vietnamese', () => {
    expect(parseCriterionCell('pass-fail', 'tốt')).toEqual({ error: '"tốt" không hợp lệ: ghi "đạt", "không đạt" hoặc "không áp dụng"' });
    expect(parseCriterionCell('points', 'đạt')).toMatchObject({ error: expect.stringContaining('ghi số điểm') });
    expect(parseCriterionCell('disqualifier', 'đạt')).toMatchObject({ error: expect.stringContaining('ghi "có" nếu trường hợp này xảy ra') });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.constantFrom('pass-fail', 'quantity', 'points', 'disqualifier' as const), fc.string({ maxLength: 40 }), (kind, text) => {
        const result = parseCriterionCell(kind, text);
        expect(result === null || 'value' in result || 'error' in result).toBe(true);
      }),
    );
  });
});

describe('sheets', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('knows unit kinds by word and by name, and their tiers', () => {
    expect(unitKind('Tổ dân phố')).toBe('to-dan-pho');
    expect(unitKind('THI TRAN')).toBe('thi-tran');
    expect(kindFromName('Phường Tân Phong')).toBe('phuong');
    expect(kindFromName('Thị trấn Lộc Thắng')).toBe('thi-tran');
    expect(kindFromName('Thành phố Lai Châu')).toBe('thanh-pho');
    expect(kindFromName('Tân Phong')).toBeUndefined();
    expect(unitTier('xa')).toBe(unitTier('phuong'));
  });

  it('reads a unit list with Vietnamese headers and points every problem at its cell', () => {
    const sheet: Sheet = {
      name: 'Đơn vị',
      rows: [
        ['Mã', 'Tên', 'Loại', 'Cấp trên', 'Số hộ'],
        ['X1', 'Xã Một', 'xã', 'T', '1.200'],
        ['X1', '', 'làng', 'T', '-1'],
        ['', '', '', '', ''],
        ['X3', 'y'.repeat(MAX_CELL + 1), 'xã', 'X3', ''],
      ],
    };
    const { records, problems } = parseUnitRows(sheet);
    expect(records[0]).toMatchObject({ code: 'X1', households: 1200, kind: 'xa' });
    expect(importRefusal(problems).split('\n')).toEqual([
      'Tệp có 6 lỗi, chưa ghi gì vào hệ thống:',
      'Trang "Đơn vị", dòng 3, cột A (code): mã "X1" trùng với dòng 2',
      'Trang "Đơn vị", dòng 3, cột B (name): thiếu tên đơn vị',
      expect.stringContaining('Trang "Đơn vị", dòng 3, cột C (kind): loại đơn vị "làng" không hợp lệ'),
      'Trang "Đơn vị", dòng 3, cột E (households): "-1" không phải số nguyên không âm',
      'Trang "Đơn vị", dòng 5, cột B: ô dài 1.001 ký tự, tối đa 1.000',
      'Trang "Đơn vị", dòng 5, cột D (parent): đơn vị không thể là cấp trên của chính nó',
    ]);
  });

  it('refuses scorecard columns the set does not know, and reads "1,1" as criterion 1.1', () => {
    const set = findBuiltinSet('laichau-tqpttd')!;
    const bad = parseScorecardRows(
      {
        name: 'P',
        rows: [
          ['unit', '1,1', '9.9', 'ii.1'],
          ['A', 'đạt', 'x', 'không'],
        ],
      },
      set,
    );
    expect(bad.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'C', message: expect.stringContaining('"9.9" không phải mã tiêu chí của bộ tiêu chí laichau-tqpttd') }),
    ]);
    const good = parseScorecardRows(
      {
        name: 'P',
        rows: [
          ['unit', 'name', '1,1', 'II.1', '6.3.1'],
          ['A', 'Tổ 1', 'đạt', 'không', '100'],
          ['A', '', 'x', '', ''],
        ],
      },
      set,
    );
    expect(good.records[0]).toMatchObject({ unit: 'A', values: { '1.1': true, 'II.1': false, '6.3.1': 100 }, columns: { '1.1': 'C' } });
    expect(good.problems).toEqual([expect.objectContaining({ row: 3, column: 'A', message: '"A" đã có ở dòng 2: mỗi khu dân cư một dòng' })]);
  });
});
