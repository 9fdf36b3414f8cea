/**
 * Import templates, filled with what is already kept: the units under a
 * unit, the recognitions of a programme, or a year's scorecards (every area,
 * with the values entered so far). People edit them in Excel and send them
 * back; what they did not touch changes nothing.
 */
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { programTitles, recognitions, registrations, scorecardValues, unitAttributes, unitFigures, units } from '../../db/schema';
import { recordJudgedCodes } from '../../core/evaluation/scorecard';
import { attributeName, PLACE_ATTRIBUTES } from '../../core/units/attributes';
import { UNIT_FIGURES } from '../../core/units/figures';
import { keptSources } from '../cycle/context';
import { renderImportTemplate, INSTRUCTIONS_SHEET, type ImportTemplateModel, type TemplateColumn } from '../../documents/xlsx/import-template';
import { scorecardCodes } from '../../core/import/scorecards';
import { AREA_KINDS, UNIT_KIND_NAMES } from '../../core/units/kinds';
import { MAX_CELL, MAX_ROWS } from '../../core/import/sheet';
import { flattenCriteria, wordingFor } from '../../core/criteria/walk';
import { existedInYear } from '../../core/units/validity';
import type { CriterionValue } from '../../core/evaluation/types';
import { formatNumber } from '../../core/text/format';
import type { Actor } from '../actor';
import { invalid } from '../errors';
import { programCriteriaSet, programSubject } from '../programs/queries';
import { programFor, unitFor } from '../policy/loaders';
import type { Stage } from '../cycle/scorecard';

export const TEMPLATE_KINDS = ['units', 'history', 'scorecards', 'attributes', 'figures'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export interface TemplateInput {
  kind: TemplateKind;
  unitId?: number;
  programCode?: string;
  year?: number;
  stage?: Stage;
}

const COMMON = [
  'Chỉ trang tính đầu tiên được đọc; trang này chỉ để hướng dẫn.',
  'Dòng 1 là dòng tiêu đề, giữ nguyên tên cột. Mỗi dòng sau là một đơn vị. Dòng trống được bỏ qua.',
  `Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, hệ thống chỉ rõ trang, dòng, cột và không ghi gì. Mỗi ô tối đa ${formatNumber(MAX_CELL)} ký tự, mỗi tệp tối đa ${formatNumber(MAX_ROWS)} dòng.`,
  'Nhập lại cùng một tệp không thay đổi gì. Đơn vị được ghi bằng mã (cột "unit"/"code") hoặc đường dẫn tên từ cấp cao nhất, nối bằng " > ", vd. Tỉnh Lai Châu > Phường Tân Phong.',
  'Có thể lưu dạng .xlsx hoặc CSV (UTF-8; tệp cũ dạng Windows-1258 hay UTF-16 cũng đọc được).',
];

/** The unit whose subtree fills the template: the one asked for (within scope), else the caller's first. */
async function templateRoot(db: Queryable, actor: Actor, unitId?: number) {
  if (unitId !== undefined) return unitFor(db, actor, unitId);
  const first = actor.grants[0];
  return first ? unitFor(db, actor, first.unitId) : undefined;
}

const col = (header: string, note: string, width = 18): TemplateColumn => ({ header, note, width });

async function unitsTemplate(db: Queryable, actor: Actor, unitId?: number): Promise<ImportTemplateModel> {
  const root = await templateRoot(db, actor, unitId);
  const parent = alias(units, 'parent');
  const rows = root
    ? await db
        .select({ unit: units, parentCode: parent.code })
        .from(units)
        .leftJoin(parent, eq(parent.id, units.parentId))
        .where(like(units.path, `${root.path}%`))
        .orderBy(asc(units.path))
        .limit(MAX_ROWS)
    : [];
  return {
    sheetName: 'Đơn vị',
    columns: [
      col('code', 'Mã đơn vị, duy nhất (vd. LC-TP-TANPHONG-TDP05). Đơn vị đã có được nhận ra theo mã.', 24),
      col('name', 'Tên đầy đủ, có dấu (vd. Tổ dân phố số 5).', 30),
      col('kind', `Loại: ${Object.values(UNIT_KIND_NAMES).join(', ')}.`, 14),
      col('parent', 'Đơn vị cấp trên: mã, hoặc đường dẫn tên "Tỉnh … > Xã …". Đơn vị cấp trên mới phải nằm ở dòng trước.', 28),
      col('households', 'Số hộ (số nguyên, có thể để trống).', 12),
      col('population', 'Số nhân khẩu (có thể để trống).', 12),
      col('poor_households', 'Số hộ nghèo (có thể để trống).', 14),
    ],
    rows: rows
      .filter((r) => !r.unit.validTo)
      .map(({ unit: u, parentCode }) => [
        u.code,
        u.name,
        UNIT_KIND_NAMES[u.kind] ?? u.kind,
        parentCode ?? '',
        u.households === null ? '' : String(u.households),
        u.population === null ? '' : String(u.population),
        u.poorHouseholds === null ? '' : String(u.poorHouseholds),
      ]),
    instructions: [
      'Mẫu nhập danh sách đơn vị (kdc import units, hoặc trang "Nhập dữ liệu")',
      ...COMMON,
      'Đơn vị đã có được cập nhật tên, loại, số hộ, nhân khẩu; không đổi được đơn vị cấp trên bằng cách nhập lại (dùng chức năng sắp xếp đơn vị để chuyển, sáp nhập, chia tách).',
    ],
  };
}

async function historyTemplate(db: Queryable, actor: Actor, programCode: string, unitId?: number): Promise<ImportTemplateModel> {
  const program = await programFor(db, actor, programCode);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank));
  const root = await templateRoot(db, actor, unitId);
  const rows = root
    ? await db
        .select({ code: units.code, name: units.name, year: recognitions.year, title: recognitions.titleCode })
        .from(recognitions)
        .innerJoin(units, eq(units.id, recognitions.unitId))
        .where(and(eq(recognitions.programId, program.id), eq(recognitions.revoked, false), like(units.path, `${root.path}%`)))
        .orderBy(asc(recognitions.year), asc(units.path))
        .limit(MAX_ROWS)
    : [];
  return {
    sheetName: 'Lịch sử công nhận',
    columns: [
      col('unit', 'Khu dân cư: mã hoặc đường dẫn tên.', 28),
      col('name', 'Tên khu dân cư, để đọc (không bắt buộc, không được đọc khi nhập).', 30),
      col('year', 'Năm được công nhận (vd. 2019).', 8),
      col('title', `Danh hiệu: ${titles.map((t) => `${t.code} (${t.name})`).join('; ')}.`, 14),
    ],
    rows: rows.map((r) => [r.code, r.name, String(r.year), r.title]),
    instructions: [
      `Mẫu nhập lịch sử công nhận trước khi dùng KDC — phong trào ${program.name} (kdc import history --program ${program.code})`,
      ...COMMON,
      'Mỗi dòng là một lần công nhận: khu dân cư, năm, danh hiệu. Lần đầu, giữ vững, công nhận lại được tính tự động từ toàn bộ lịch sử.',
      `Danh hiệu ghi bằng mã hoặc tên: ${titles.map((t) => `${t.code} = ${t.name}`).join('; ')}.`,
    ],
  };
}

/** A stored value as a person writes it in the sheet: đạt / không đạt / không áp dụng, 98,5, có / không. */
function cellOf(value: CriterionValue | undefined, disqualifier: boolean): string {
  if (value === undefined) return '';
  if (value === 'na') return 'không áp dụng';
  if (typeof value === 'number') return String(value).replace('.', ','); // exact, so sending it back changes nothing
  if (disqualifier) return value ? 'có' : 'không';
  return value ? 'đạt' : 'không đạt';
}

async function scorecardsTemplate(db: Queryable, actor: Actor, input: TemplateInput): Promise<ImportTemplateModel> {
  if (!input.programCode || !input.year) throw invalid('Cần phong trào và năm để tạo mẫu phiếu đánh giá');
  const stage = input.stage ?? 'self';
  const program = await programFor(db, actor, input.programCode);
  const { set } = await programCriteriaSet(db, program.id, input.year);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank));
  const root = await templateRoot(db, actor, input.unitId);
  const year = input.year;
  const areas = root
    ? (
        await db
          .select()
          .from(units)
          .where(and(like(units.path, `${root.path}%`), inArray(units.kind, [...(await programSubject(db, program.id, year)).kinds])))
          .orderBy(asc(units.path))
          .limit(MAX_ROWS)
      ).filter((u) => existedInYear(u, year))
    : [];
  const regs = areas.length
    ? await db
        .select()
        .from(registrations)
        .where(
          and(
            eq(registrations.programId, program.id),
            eq(registrations.year, year),
            inArray(
              registrations.unitId,
              areas.map((a) => a.id),
            ),
          ),
        )
    : [];
  const values = regs.length
    ? await db
        .select()
        .from(scorecardValues)
        .where(
          inArray(
            scorecardValues.registrationId,
            regs.map((r) => r.id),
          ),
        )
    : [];
  // Criteria the records decide (another programme kept in KDC) have no column: nobody types them.
  const kept = await keptSources(db);
  const fromRecords = recordJudgedCodes(set, (item, from) =>
    from === 'title' ? Boolean(item.title && kept.has(item.title)) : from === 'share' ? Boolean(item.share && kept.has(item.share)) : false,
  );
  const codes = [...scorecardCodes(set).entries()].filter(([code]) => !fromRecords.has(code));
  const texts = new Map<string, string>();
  for (const { criterion } of flattenCriteria(set)) {
    texts.set(criterion.code, wordingFor(criterion, null));
    for (const p of criterion.parts ?? []) texts.set(p.code, [p.lead, p.text].filter(Boolean).join(' '));
  }
  for (const d of set.disqualifiers) texts.set(d.code, `Trường hợp không xét: ${d.text}`);
  // A criterion with parts is filled either as a whole or by its parts; the template offers the parts.
  const withParts = new Set(
    flattenCriteria(set)
      .filter((x) => x.criterion.parts?.length)
      .map((x) => x.criterion.code),
  );
  const columns = codes.filter(([code]) => !withParts.has(code));
  const hint = (kind: string) =>
    kind === 'disqualifier'
      ? 'Ghi "có" nếu xảy ra, "không" nếu không.'
      : kind === 'quantity'
        ? 'Ghi số (vd. 98 hoặc 98,5) hoặc đạt / không đạt / không áp dụng.'
        : kind === 'points'
          ? 'Ghi số điểm (vd. 8 hoặc 7,5) hoặc không áp dụng.'
          : 'Ghi đạt, không đạt hoặc không áp dụng.';
  return {
    sheetName: `Phiếu ${year}`,
    columns: [
      col('unit', 'Khu dân cư: mã hoặc đường dẫn tên.', 26),
      col('name', 'Tên khu dân cư, để đọc (không được đọc khi nhập).', 26),
      col('title', `Danh hiệu đăng ký: ${titles.map((t) => `${t.code} (${t.name})`).join('; ')}. Để trống cả dòng nếu khu dân cư không đăng ký.`, 12),
      ...columns.map(([code, kind]) => col(code, `${code}. ${(texts.get(code) ?? '').slice(0, 600)}\n${hint(kind)}`, 10)),
    ],
    rows: areas.map((a) => {
      const reg = regs.find((r) => r.unitId === a.id);
      const stored = new Map(
        values.filter((v) => v.registrationId === reg?.id).map((v) => [v.criterionCode, (stage === 'self' ? v.selfValue : v.boardValue) ?? undefined]),
      );
      return [a.code, a.name, reg?.titleCode ?? '', ...columns.map(([code, kind]) => cellOf(stored.get(code), kind === 'disqualifier'))];
    }),
    instructions: [
      `Mẫu nhập phiếu ${stage === 'self' ? 'tự đánh giá' : 'thẩm định'} năm ${year} — phong trào ${program.name}, bộ tiêu chí ${set.name} (${set.code}, phiên bản ${set.version})`,
      ...COMMON,
      `Lệnh: kdc import scorecards --program ${program.code} --year ${year}${stage === 'board' ? ' --stage board' : ''} TỆP`,
      'Mỗi dòng là một khu dân cư; mỗi cột sau "title" là một tiêu chí theo mã. Ô trống là chưa đánh giá. Dòng chỉ có tên khu dân cư, không có danh hiệu và kết quả, được bỏ qua.',
      stage === 'self'
        ? 'Phiếu tự đánh giá đủ mọi tiêu chí được coi là đã gửi ban thẩm định. Hồ sơ đã gửi đi hoặc đã có quyết định thì không sửa được bằng tệp.'
        : 'Kết quả thẩm định chỉ nhập được cho hồ sơ đã gửi ban thẩm định. Chỗ khác với kết quả tự đánh giá được ghi lý do "Nhập từ tệp …". Việc đề nghị công nhận vẫn làm trên phần mềm.',
      ...columns.map(([code, kind]) => `${code}: ${texts.get(code) ?? ''} — ${hint(kind)}`),
      `Trang "${INSTRUCTIONS_SHEET}" không được đọc khi nhập.`,
    ],
  };
}

/** Attributes kept under the unit: one row per span, so sending the file back changes nothing. */
async function attributesTemplate(db: Queryable, actor: Actor, unitId?: number): Promise<ImportTemplateModel> {
  const root = await templateRoot(db, actor, unitId);
  const rows = root
    ? await db
        .select({ code: units.code, a: unitAttributes })
        .from(unitAttributes)
        .innerJoin(units, eq(units.id, unitAttributes.unitId))
        .where(like(units.path, `${root.path}%`))
        .orderBy(asc(units.path), asc(unitAttributes.code))
        .limit(MAX_ROWS)
    : [];
  return {
    sheetName: 'Thuộc tính',
    columns: [
      col('unit', 'Đơn vị: mã hoặc đường dẫn tên.', 26),
      col('attribute', `Thuộc tính: ${Object.values(PLACE_ATTRIBUTES).join(', ')}, hoặc mã riêng của tỉnh (chữ thường không dấu, gạch ngang).`, 26),
      col('from', 'Từ năm (để trống: không giới hạn).', 10),
      col('to', 'Đến năm (để trống: còn hiệu lực).', 10),
    ],
    rows: rows.map(({ code, a }) => [code, attributeName(a.code), a.fromYear === null ? '' : String(a.fromYear), a.toYear === null ? '' : String(a.toYear)]),
    instructions: [
      'Mẫu nhập thuộc tính của đơn vị theo năm (kdc import attributes)',
      ...COMMON,
      'Mỗi dòng: một đơn vị mang một thuộc tính trong một khoảng năm. Tiêu chí xét thuộc tính của khu dân cư và mọi đơn vị cấp trên (vd. thôn thuộc xã đặc biệt khó khăn).',
      'Muốn kết thúc một thuộc tính (xã ra khỏi danh sách đặc biệt khó khăn), ghi năm cuối vào cột "to" của dòng đó. Phiếu đánh giá chưa có quyết định được tính lại ngay.',
    ],
  };
}

/** Households and other yearly figures of the areas under the unit, for a year. */
async function figuresTemplate(db: Queryable, actor: Actor, year: number | undefined, unitId?: number): Promise<ImportTemplateModel> {
  if (!year) throw invalid('Cần năm để tạo mẫu số liệu');
  const root = await templateRoot(db, actor, unitId);
  const areas = root
    ? (
        await db
          .select()
          .from(units)
          .where(and(like(units.path, `${root.path}%`), inArray(units.kind, AREA_KINDS)))
          .orderBy(asc(units.path))
          .limit(MAX_ROWS)
      ).filter((u) => existedInYear(u, year))
    : [];
  const stored = areas.length
    ? await db
        .select()
        .from(unitFigures)
        .where(
          and(
            eq(unitFigures.year, year),
            inArray(
              unitFigures.unitId,
              areas.map((a) => a.id),
            ),
          ),
        )
    : [];
  const value = (unitIdOf: number, code: string) => {
    const f = stored.find((x) => x.unitId === unitIdOf && x.code === code);
    return f ? String(f.value) : '';
  };
  return {
    sheetName: `Số liệu ${year}`,
    columns: [
      col('unit', 'Khu dân cư: mã hoặc đường dẫn tên.', 26),
      col('name', 'Tên (chỉ để đọc).', 24),
      col('year', 'Năm.', 8),
      col('ho', UNIT_FIGURES.ho, 10),
      col('ho_gia_dinh_van_hoa', UNIT_FIGURES['ho-gia-dinh-van-hoa'], 16),
    ],
    rows: areas.map((a) => [a.code, a.name, String(year), value(a.id, 'ho'), value(a.id, 'ho-gia-dinh-van-hoa')]),
    instructions: [
      `Mẫu nhập số liệu năm ${year} của khu dân cư (kdc import figures)`,
      ...COMMON,
      'Các tiêu chí như "tỷ lệ hộ đạt Gia đình văn hóa" được tính từ các số này. Có thể thêm cột số liệu riêng của tỉnh (tên cột chữ không dấu).',
    ],
  };
}

export async function importTemplate(db: Queryable, actor: Actor, input: TemplateInput): Promise<{ buffer: Buffer; filename: string }> {
  let model: ImportTemplateModel;
  if (input.kind === 'units') model = await unitsTemplate(db, actor, input.unitId);
  else if (input.kind === 'attributes') model = await attributesTemplate(db, actor, input.unitId);
  else if (input.kind === 'figures') model = await figuresTemplate(db, actor, input.year, input.unitId);
  else if (!input.programCode) throw invalid('Cần mã phong trào để tạo mẫu này');
  else if (input.kind === 'history') model = await historyTemplate(db, actor, input.programCode, input.unitId);
  else model = await scorecardsTemplate(db, actor, input);
  const stage = input.kind === 'scorecards' && input.stage === 'board' ? '-tham-dinh' : '';
  const suffix =
    input.kind === 'units' || input.kind === 'attributes'
      ? ''
      : input.kind === 'figures'
        ? `-${input.year}`
        : `-${input.programCode}${input.kind === 'scorecards' && input.year ? `-${input.year}` : ''}${stage}`;
  return { buffer: await renderImportTemplate(model), filename: `mau-nhap-${input.kind}${suffix}.xlsx` };
}
