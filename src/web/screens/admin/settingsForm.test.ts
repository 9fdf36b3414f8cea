import { describe, expect, it } from 'vitest';
import type { ProgramDetail } from '../../api/types';
import { buildBody, fieldId, formFromProgram, placeDetails } from './settingsForm';
import { adminVi } from './text';

const program = {
  code: 'p',
  name: 'Phong trào',
  ownerUnitId: 1,
  ownerUnitName: 'Phường A',
  ownerUnitCode: 'A',
  description: null,
  titles: [{ code: 'tb', name: 'Khu dân cư tiêu biểu', rank: 1, levelCode: 'tb', chain: { appraise: 'commune', review: 'district', decide: 'district' } }],
  years: [{ year: 2026, setCode: 's', setVersion: '1' }],
  fromYear: 2026,
  toYear: 2026,
  rewards: [
    { titleCode: 'tb', status: 'lan-dau', amount: 2_000_000, coefficient: null },
    { titleCode: 'tb', status: 'giu-vung', amount: 0, coefficient: 1.5 },
  ],
  targets: [],
  deadlines: [{ step: 'register', label: 'Khu dân cư đăng ký', monthDay: '03-31' }],
  settings: { issuingBody: null, signerName: null, signerTitle: null, certificateWording: null, allowSameAssessor: false, noticeDays: 10 },
  canAdminister: true,
} satisfies ProgramDetail;

describe('settings form', () => {
  it('shows amounts, coefficients and days the Vietnamese way and reads them back', () => {
    const form = formFromProgram(program);
    expect(form.rewards.map((r) => r.text)).toEqual(['2.000.000', '1,5', '']);
    expect(form.deadlines[0]!.text).toBe('31/03');
    form.rewards[2]!.text = '500.000';
    form.deadlines[1]!.text = '15/4';
    const { body, problems } = buildBody(form, adminVi);
    expect(problems).toEqual({});
    expect(body.rewards).toEqual([
      { titleCode: 'tb', status: 'lan-dau', amount: 2_000_000 },
      { titleCode: 'tb', status: 'giu-vung', coefficient: 1.5 },
      { titleCode: 'tb', status: 'cong-nhan-lai', amount: 500_000 },
    ]);
    expect(body.deadlines).toEqual([
      { step: 'register', monthDay: '03-31' },
      { step: 'self-assess', monthDay: '04-15' },
    ]);
  });

  it('says at the box what cannot be read, and maps the server’s places back to boxes', () => {
    const form = formFromProgram(program);
    form.rewards[0]!.text = 'hai triệu';
    form.deadlines[2]!.text = '31/02';
    const built = buildBody(form, adminVi);
    expect(built.problems[fieldId.reward('tb', 'lan-dau')]).toBe(adminVi.amountInvalid);
    expect(built.problems[fieldId.deadline('appraise')]).toBe(adminVi.dayMonthInvalid);
    const placed = placeDetails(['rewards.0.coefficient: hệ số quá lớn', 'issuingBody: quá dài', 'x: y', 'Lỗi chung'], built.places);
    expect(placed.fields).toEqual({ [fieldId.reward('tb', 'giu-vung')]: 'hệ số quá lớn', issuingBody: 'quá dài', x: 'y' });
    expect(placed.other).toEqual(['Lỗi chung']);
  });
});
