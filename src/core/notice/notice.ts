/**
 * The public notice (niêm yết công khai, Nghị định 86/2023/NĐ-CP: the list of
 * areas proposed is posted "để lấy ý kiến người dân trong thời hạn 10 ngày"
 * before the decision) and residents' comments on it, as pure rules shared by
 * the server, the public page and the web app: the period, what a comment may
 * hold, which comments wait for a board member, the marks an answer gives and
 * the counts the council's notice prints ("N ý kiến, M được tiếp thu").
 */
import { z } from 'zod';
import { isoDateSchema, isoDay } from '../text/date';

/** Days a notice stays open unless the programme says otherwise (Nghị định 86/2023/NĐ-CP). */
export const DEFAULT_NOTICE_DAYS = 10;
export const noticeDaysSchema = z
  .number({ error: 'số ngày niêm yết phải là một số' })
  .int('số ngày niêm yết phải là số nguyên')
  .min(1, 'số ngày niêm yết phải từ 1 đến 90')
  .max(90, 'số ngày niêm yết phải từ 1 đến 90');

/** Vietnam keeps UTC+7 all year: the day a resident reads on the notice board. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export function vietnamDay(now: Date): string {
  return isoDay(new Date(now.getTime() + VIETNAM_OFFSET_MS));
}

/** The last day of a period of `days` days starting on `startsOn`, both included: 10 days from 01/12 end on 10/12. */
export function noticeEndsOn(startsOn: string, days: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return isoDay(d);
}

export type NoticeState = 'not-started' | 'open' | 'ended';
/** Where a notice stands on a day (Vietnam's calendar). */
export function noticeState(notice: { startsOn: string; endsOn: string }, today: string): NoticeState {
  if (today < notice.startsOn) return 'not-started';
  return today <= notice.endsOn ? 'open' : 'ended';
}

/** What opening a notice takes: the commune, and optionally the first day (today by default). */
export const openNoticeSchema = z.object({
  programCode: z.string().min(1).max(60),
  year: z.number().int().min(1990).max(2100),
  unitId: z.number().int().positive().max(2_147_483_647),
  startsOn: isoDateSchema('ngày bắt đầu niêm yết phải có dạng YYYY-MM-DD').optional(),
});

export const COMMENT_MAX_CHARS = 2000;
export const COMMENT_NAME_MAX = 100;
export const COMMENT_PHONE_MAX = 20;

/** A comment as a resident sends it from the public form (strings from a form: empty means not given). */
export const publicCommentSchema = z.object({
  registrationId: z.coerce.number().int().positive().max(2_147_483_647),
  body: z
    .string()
    .trim()
    .min(1, 'Xin nhập nội dung ý kiến')
    .max(COMMENT_MAX_CHARS, `Ý kiến dài tối đa ${COMMENT_MAX_CHARS.toLocaleString('vi')} ký tự`),
  name: z.string().trim().max(COMMENT_NAME_MAX, `Họ tên dài tối đa ${COMMENT_NAME_MAX} ký tự`).optional(),
  phone: z
    .string()
    .trim()
    .max(COMMENT_PHONE_MAX, 'Số điện thoại không hợp lệ')
    .refine((p) => p === '' || /^[0-9+ .()-]{8,20}$/.test(p), 'Số điện thoại không hợp lệ')
    .optional(),
});

const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|vn|info|xyz|io|ly|me)\b)/i;
/** Nine or more digits, spaces, dots or dashes between them allowed: a Vietnamese phone number (0912 345 678, +84 912.345.678). */
const PHONE = /(\+?\d[\s.-]?){9,}/;

/**
 * Whether a comment waits for a board member before it is shown publicly: it
 * holds a link or a phone number (someone else's, possibly). The rest is
 * shown at once, as text.
 */
export function needsModeration(body: string): boolean {
  return LINK.test(body) || PHONE.test(body);
}

export const COMMENT_MARKS = ['accepted', 'explained', 'not-relevant'] as const;
export type CommentMark = (typeof COMMENT_MARKS)[number];
export const COMMENT_MARK_LABELS: Record<CommentMark, string> = {
  accepted: 'Tiếp thu',
  explained: 'Giải trình',
  'not-relevant': 'Không liên quan',
};

/** The board's or the council's answer to a comment: a mark and its reason. */
export const answerCommentSchema = z.object({
  mark: z.enum(COMMENT_MARKS, { error: 'cách xử lý phải là accepted (tiếp thu), explained (giải trình) hoặc not-relevant (không liên quan)' }),
  reason: z.string().trim().min(1, 'Cần ghi rõ lý do').max(COMMENT_MAX_CHARS, `Lý do dài tối đa ${COMMENT_MAX_CHARS} ký tự`),
});

export interface CommentCounts {
  total: number;
  accepted: number;
}
/** "3 ý kiến, 1 được tiếp thu". */
export function commentCountText(c: CommentCounts): string {
  return `${c.total} ý kiến, ${c.accepted} được tiếp thu`;
}
