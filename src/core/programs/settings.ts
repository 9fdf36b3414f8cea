/**
 * What an administrator sets for a programme (issue 10, item 4), as zod
 * schemas shared by the use case (src/app/programs/admin.ts), the HTTP routes
 * and the command line: the chain of each title (which level appraises as the
 * board, which reviews as the council, which decides — any may be the commune
 * itself), targets, deadlines, rewards, the issuing body and signer of
 * documents, the certificate's wording, whether one person may both
 * self-assess and appraise, and the years it runs. Also the readers a clerk's
 * typing goes through (31/03, 2.000.000, "xã"), so the CLI and a form read alike.
 * Pure: no storage; cross-checks that need the database live in the use case.
 */
import { z } from 'zod';
import { RECOGNITION_STATUSES, type RecognitionStatus } from '../cycle/status';
import { isMonthDay, MONTH_DAY } from '../text/date';
import { parseLocaleNumber } from '../text/number';
import { fold } from '../text/normalize';
import { noticeDaysSchema } from '../notice/notice';

import '../zod-locale';

/** The levels a step of the chain can sit at (a unit's tier): since 2025 there is no district, but records keep it. */
export const CHAIN_LEVELS = ['commune', 'district', 'province'] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];
export const CHAIN_LEVEL_NAMES: Record<ChainLevel, string> = { commune: 'cấp xã', district: 'cấp huyện', province: 'cấp tỉnh' };

/** Steps of the yearly cycle a deadline may be set for, with the words a deadline is listed under by default. */
export const DEADLINE_STEPS = ['register', 'self-assess', 'appraise', 'review', 'decision', 'ceremony', 'report'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
export const DEADLINE_LABELS: Record<DeadlineStep, string> = {
  register: 'Khu dân cư đăng ký',
  'self-assess': 'Khu dân cư tự đánh giá',
  appraise: 'Ban thẩm định cấp xã thẩm định',
  review: 'Hội đồng xét đề nghị công nhận',
  decision: 'Ban hành quyết định công nhận',
  ceremony: 'Ngày hội Đại đoàn kết toàn dân tộc',
  report: 'Báo cáo kết quả',
};

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
export const yearSchema = z
  .number({ error: 'năm phải là một số' })
  .int('năm phải là số nguyên')
  .min(MIN_YEAR, `năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`)
  .max(MAX_YEAR, `năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`);

/** A programme's code, as it appears in addresses: lower-case letters without diacritics, digits and hyphens. */
export const programCodeSchema = z
  .string({ error: 'thiếu mã phong trào' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'mã phong trào gồm 2–60 chữ thường không dấu, số và gạch ngang, bắt đầu bằng chữ hoặc số (vd. "banlang-kdc")');

const words = (max: number, what: string) =>
  z
    .string({ error: `${what} phải là chữ` })
    .trim()
    .min(1, `${what} không được để trống`)
    .max(max, `${what} dài tối đa ${max} ký tự`);
const optionalWords = (max: number, what: string) => words(max, what).nullable().optional();

export const chainSchema = z
  .object({
    appraise: z.enum(CHAIN_LEVELS, { error: 'cấp thẩm định phải là commune (xã), district (huyện) hoặc province (tỉnh)' }),
    review: z.enum(CHAIN_LEVELS, { error: 'cấp xét phải là commune (xã), district (huyện) hoặc province (tỉnh)' }),
    decide: z.enum(CHAIN_LEVELS, { error: 'cấp quyết định phải là commune (xã), district (huyện) hoặc province (tỉnh)' }),
    /** Who signs the decision for this title when it is not the programme's issuing body. */
    decidingBody: words(300, 'cơ quan quyết định').optional(),
  })
  .strict();
export type Chain = z.infer<typeof chainSchema>;

const titleCode = z.string({ error: 'thiếu mã danh hiệu' }).trim().min(1, 'thiếu mã danh hiệu').max(60, 'mã danh hiệu dài tối đa 60 ký tự');

export const targetSchema = z
  .object({
    scope: z.enum(['year', 'period'], { error: 'loại chỉ tiêu phải là "year" (một năm) hoặc "period" (cả giai đoạn)' }),
    yearFrom: yearSchema,
    yearTo: yearSchema,
    /** Null: areas recognised under any title of the programme. */
    titleCode: titleCode.nullable().optional(),
    target: z
      .number({ error: 'chỉ tiêu phải là một số' })
      .int('chỉ tiêu phải là số nguyên')
      .min(1, 'chỉ tiêu phải lớn hơn 0')
      .max(1_000_000, 'chỉ tiêu quá lớn'),
  })
  .strict()
  .refine((t) => t.yearFrom <= t.yearTo, { message: 'năm bắt đầu phải trước hoặc bằng năm kết thúc', path: ['yearTo'] })
  .refine((t) => t.scope === 'period' || t.yearFrom === t.yearTo, { message: 'chỉ tiêu một năm có năm bắt đầu bằng năm kết thúc', path: ['yearTo'] });
export type Target = z.infer<typeof targetSchema>;

export const monthDaySchema = z
  .string({ error: 'ngày phải có dạng MM-DD' })
  .regex(MONTH_DAY, 'ngày trong năm phải có dạng MM-DD (vd. 03-31)')
  .refine(isMonthDay, 'ngày này không có trong năm');

export const deadlineSchema = z
  .object({
    step: z.enum(DEADLINE_STEPS, { error: `bước phải là một trong: ${DEADLINE_STEPS.join(', ')}` }),
    label: words(200, 'tên hạn').optional(),
    monthDay: monthDaySchema,
  })
  .strict();
export type Deadline = z.infer<typeof deadlineSchema>;

export const rewardSchema = z
  .object({
    titleCode,
    status: z.enum(RECOGNITION_STATUSES, { error: 'trạng thái phải là lan-dau (lần đầu), giu-vung (giữ vững) hoặc cong-nhan-lai (công nhận lại)' }),
    /** In đồng. */
    amount: z
      .number({ error: 'số tiền phải là một số' })
      .int('số tiền tính bằng đồng, không có số lẻ')
      .min(0, 'số tiền không được âm')
      .max(2_000_000_000, 'số tiền quá lớn')
      .optional(),
    /** A multiple of the base salary in force on the decision's date (1,5 × mức lương cơ sở). */
    coefficient: z.number({ error: 'hệ số phải là một số' }).positive('hệ số phải lớn hơn 0').max(100, 'hệ số quá lớn').optional(),
  })
  .strict()
  .refine((r) => (r.amount === undefined) !== (r.coefficient === undefined), {
    message: 'cần đúng một trong hai: số tiền (amount) hoặc hệ số lương cơ sở (coefficient)',
    path: ['amount'],
  });
export type Reward = z.infer<typeof rewardSchema>;

/**
 * A change of settings: every key given replaces what is kept (a list replaces
 * the whole list), every key left out stays as it is. Null clears a text.
 */
export const programSettingsSchema = z
  .object({
    name: words(300, 'tên phong trào').optional(),
    description: optionalWords(2000, 'mô tả'),
    issuingBody: optionalWords(300, 'cơ quan ban hành'),
    signerName: optionalWords(200, 'người ký'),
    signerTitle: optionalWords(200, 'chức vụ người ký'),
    certificateWording: optionalWords(1000, 'lời văn giấy công nhận'),
    allowSameAssessor: z.boolean({ error: 'allowSameAssessor phải là true hoặc false' }).optional(),
    /** Days a public notice stays open for residents' comments (niêm yết công khai; 10 by default). */
    noticeDays: noticeDaysSchema.optional(),
    fromYear: yearSchema.optional(),
    toYear: yearSchema.optional(),
    /** The chain of titles named; titles not named keep theirs. */
    chains: z
      .array(z.object({ titleCode, chain: chainSchema }).strict())
      .max(50)
      .optional(),
    targets: z.array(targetSchema).max(200).optional(),
    deadlines: z.array(deadlineSchema).max(50).optional(),
    rewards: z.array(rewardSchema).max(200).optional(),
  })
  .strict();
export type ProgramSettings = z.infer<typeof programSettingsSchema>;

/* ───────────── Reading what a clerk types ───────────── */

/** "2.000.000", "2000000", "2.000.000 đ" → 2000000; null unless a whole number of đồng. */
export function parseAmount(text: string): number | null {
  const n = parseLocaleNumber(text.replace(/\s*(đồng|đ|vnđ|vnd)\s*$/i, ''));
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

const LEVEL_WORDS: Record<string, ChainLevel> = {
  commune: 'commune',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  'dac khu': 'commune',
  'cap xa': 'commune',
  district: 'district',
  huyen: 'district',
  'thanh pho': 'district',
  'thi xa': 'district',
  'cap huyen': 'district',
  province: 'province',
  tinh: 'province',
  'cap tinh': 'province',
};
/** "xã", "phường", "commune" → commune; "huyện", "thành phố" → district; "tỉnh" → province. */
export function parseChainLevel(text: string): ChainLevel | null {
  return LEVEL_WORDS[fold(text).replace(/[-_]/g, ' ').trim()] ?? null;
}

const STATUS_WORDS: Record<string, RecognitionStatus> = {
  'lan dau': 'lan-dau',
  'cong nhan lan dau': 'lan-dau',
  'giu vung': 'giu-vung',
  'cong nhan lai': 'cong-nhan-lai',
  lai: 'cong-nhan-lai',
};
/** "lần đầu", "lan-dau" → lan-dau; "giữ vững" → giu-vung; "công nhận lại" → cong-nhan-lai. */
export function parseRecognitionStatus(text: string): RecognitionStatus | null {
  return STATUS_WORDS[fold(text).replace(/[-_]/g, ' ').trim()] ?? null;
}

const STEP_WORDS: Record<string, DeadlineStep> = {
  register: 'register',
  'dang ky': 'register',
  'self assess': 'self-assess',
  'tu danh gia': 'self-assess',
  appraise: 'appraise',
  'tham dinh': 'appraise',
  review: 'review',
  xet: 'review',
  'hoi dong': 'review',
  'hoi dong xet': 'review',
  decision: 'decision',
  decide: 'decision',
  'quyet dinh': 'decision',
  'cong nhan': 'decision',
  ceremony: 'ceremony',
  le: 'ceremony',
  'ngay hoi': 'ceremony',
  'le cong nhan': 'ceremony',
  report: 'report',
  'bao cao': 'report',
};
/** "đăng ký", "register" → register; "thẩm định" → appraise; "hội đồng" → review; "quyết định" → decision; "ngày hội" → ceremony. */
export function parseDeadlineStep(text: string): DeadlineStep | null {
  return STEP_WORDS[fold(text).replace(/[-_]/g, ' ').trim()] ?? null;
}
