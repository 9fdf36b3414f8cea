/**
 * The yearly cycle of one registration as a state machine. Each action moves
 * it one step; "return" sends it one step back, with a reason. The server
 * stores the state; this module decides what may happen next.
 *
 *   registered → self-assessed → board-proposed → council-recommended → recognized
 *                      ↘ board-rejected         ↘ council-not-recommended
 */
export const STEPS = [
  'registered', // đã đăng ký
  'self-assessed', // đã tự đánh giá, gửi ban thẩm định
  'board-proposed', // ban thẩm định cấp xã đề nghị công nhận
  'board-rejected', // ban thẩm định không đề nghị
  'council-recommended', // hội đồng đề nghị công nhận
  'council-not-recommended', // hội đồng không đề nghị
  'recognized', // có tên trong quyết định đã ban hành
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  registered: 'Đã đăng ký',
  'self-assessed': 'Đã tự đánh giá',
  'board-proposed': 'Ban thẩm định đề nghị',
  'board-rejected': 'Ban thẩm định không đề nghị',
  'council-recommended': 'Hội đồng đề nghị công nhận',
  'council-not-recommended': 'Hội đồng không đề nghị',
  recognized: 'Đã công nhận',
};

export const ACTIONS = ['submit', 'propose', 'reject', 'recommend', 'not-recommend', 'recognize', 'return'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What a line of a registration's history records: a step of the machine,
 * its registering, or a decision revoking the title it led to (the status
 * stays "recognized"; the recognition is marked revoked).
 */
export const EVENT_ACTIONS = ['register', ...ACTIONS, 'revoke'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The two stages of a scorecard and of its verdict: the area's own assessment and the board's appraisal. */
export const STAGES = ['self', 'board'] as const;
export type Stage = (typeof STAGES)[number];

const FORWARD: Record<Exclude<Action, 'return'>, { from: Step[]; to: Step }> = {
  submit: { from: ['registered'], to: 'self-assessed' },
  propose: { from: ['self-assessed'], to: 'board-proposed' },
  reject: { from: ['self-assessed'], to: 'board-rejected' },
  recommend: { from: ['board-proposed'], to: 'council-recommended' },
  'not-recommend': { from: ['board-proposed'], to: 'council-not-recommended' },
  recognize: { from: ['council-recommended'], to: 'recognized' },
};

/** One step back: where a "return for correction" sends a registration. */
const BACK: Partial<Record<Step, Step>> = {
  'self-assessed': 'registered',
  'board-proposed': 'self-assessed',
  'board-rejected': 'self-assessed',
  'council-recommended': 'board-proposed',
  'council-not-recommended': 'board-proposed',
};

/** Why the cycle refuses an act on a registration: what callers switch on, beside the words they show (src/app/cycle/rules.ts). */
export type RefusalKind =
  /** An issued decision rests on the registration: nothing of it changes. */
  | 'locked'
  /** Not at the step the act needs (or a reason is missing for it). */
  | 'step'
  /** The scorecard the step rests on is not complete. */
  | 'incomplete'
  /** The board's verdict does not reach the title: it cannot be proposed. */
  | 'not-reached'
  /** A member does not appraise the area they live in or lead, nor one they stood aside from. */
  | 'conflict-of-interest';

export type Transition = { ok: true; to: Step } | { ok: false; message: string };

export function transition(from: Step, action: Action, reason?: string): Transition {
  if (action === 'return') {
    const to = BACK[from];
    if (!to) return { ok: false, message: `Không thể trả lại hồ sơ ở bước «${STEP_LABELS[from]}»` };
    if (!reason?.trim()) return { ok: false, message: 'Trả lại hồ sơ phải ghi rõ lý do' };
    return { ok: true, to };
  }
  const rule = FORWARD[action];
  if (!rule.from.includes(from)) return { ok: false, message: `Không thể thực hiện thao tác này khi hồ sơ ở bước «${STEP_LABELS[from]}»` };
  if ((action === 'reject' || action === 'not-recommend') && !reason?.trim()) return { ok: false, message: 'Không đề nghị công nhận phải ghi rõ lý do' };
  return { ok: true, to: rule.to };
}

/** Who fills which value of a scorecard at which step. */
export function editableBy(step: Step): 'area' | 'board' | null {
  if (step === 'registered') return 'area';
  if (step === 'self-assessed') return 'board';
  return null;
}
