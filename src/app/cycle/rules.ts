/**
 * The rules of the cycle that refuse an act on a registration, written once
 * for every path that acts on one: the API (a value typed, a button pressed),
 * the imports (a file of values) and the decisions (an issued decision). Each
 * refusal has a `kind` the callers switch on and the Vietnamese words shown;
 * `of` names the area when the words go into a file's list of problems
 * ("hồ sơ của Tổ dân phố số 8 …"). Who may act at all is the policy's
 * (../policy); these say what the registration's state and the person's ties
 * to the area allow.
 */
import { transition, editableBy, type Action, type RefusalKind, type Step } from '../../core/cycle/workflow';
import { AppError } from '../errors';
import type { Stage } from './verdicts';

export type { RefusalKind };
export interface Refusal {
  kind: RefusalKind;
  message: string;
}

const ERROR_CODE = { locked: 'locked', step: 'conflict', incomplete: 'conflict', 'not-reached': 'conflict', 'conflict-of-interest': 'forbidden' } as const;

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** The refusal as the API answers it. */
export function refusalError(refusal: Refusal): AppError {
  return new AppError(ERROR_CODE[refusal.kind], capitalised(refusal.message));
}

export function assertAllowed(refusal: Refusal | null): void {
  if (refusal) throw refusalError(refusal);
}

const fileOf = (of: string) => `hồ sơ${of ? ` của ${of}` : ''}`;

export function lockedRefusal(registration: { locked: boolean }, of = ''): Refusal | null {
  return registration.locked ? { kind: 'locked', message: `${fileOf(of)} đã có quyết định công nhận, không thể sửa` } : null;
}

export function assertNotLocked(registration: { locked: boolean }): void {
  assertAllowed(lockedRefusal(registration));
}

/** Why a stage's values cannot be changed at this step, or null: the same rule for typing and importing. */
export function editRefusal(stage: Stage, registration: { status: Step; locked: boolean }, of = ''): Refusal | null {
  const locked = lockedRefusal(registration, of);
  if (locked) return locked;
  if (editableBy(registration.status) === (stage === 'self' ? 'area' : 'board')) return null;
  return {
    kind: 'step',
    message:
      stage === 'self'
        ? `${fileOf(of)} đã gửi đi, không sửa được kết quả tự đánh giá (đề nghị trả lại hồ sơ nếu cần sửa)`
        : `${fileOf(of)} chưa ở bước thẩm định (cần khu dân cư gửi kết quả tự đánh giá, và ban chưa kết luận)`,
  };
}

/** Why the registration cannot take this step now, or null: its lock, then the state machine (src/core/cycle/workflow.ts). */
export function stepRefusal(registration: { status: Step; locked: boolean }, action: Action, reason?: string | null, of = ''): Refusal | null {
  const locked = lockedRefusal(registration, of);
  if (locked) return locked;
  const move = transition(registration.status, action, reason ?? undefined);
  return move.ok ? null : { kind: 'step', message: of ? `${of}: ${move.message.charAt(0).toLocaleLowerCase('vi-VN')}${move.message.slice(1)}` : move.message };
}

/**
 * What a step resting on a verdict needs of it: submitting, a complete self
 * assessment; proposing, a complete appraisal that reaches the title registered for.
 */
export function verdictRefusal(
  action: Action,
  registration: { titleCode: string | null },
  verdict: { recognized: boolean; reasons: string[] } | null | undefined,
): Refusal | null {
  if (action !== 'submit' && action !== 'propose') return null;
  if (!verdict)
    return {
      kind: 'incomplete',
      message: action === 'submit' ? 'Chưa nhập đủ kết quả tự đánh giá cho mọi tiêu chí' : 'Ban thẩm định chưa nhập đủ kết quả cho mọi tiêu chí',
    };
  if (action === 'propose' && registration.titleCode && !verdict.recognized)
    return { kind: 'not-reached', message: `Kết quả thẩm định chưa đạt, không thể đề nghị công nhận: ${verdict.reasons.slice(0, 3).join('; ')}` };
  return null;
}

/** The appraiser's ties to areas (./load.ts tiesOf): where they live or lead (their home unit's path), the registrations they stood aside from. */
export interface Ties {
  homePath: string | null;
  recused: ReadonlySet<number>;
}

/** A member does not appraise the area they live in or lead; a recorded recusal also bars them. Null when they may. */
export function conflictOfInterest(ties: Ties, registration: { id: number }, unit: { path: string }, of = ''): Refusal | null {
  const home = ties.homePath;
  if (home && (home.startsWith(unit.path) || unit.path.startsWith(home)))
    return {
      kind: 'conflict-of-interest',
      message: of ? `bạn không được thẩm định ${of}: nơi mình cư trú hoặc phụ trách` : 'Bạn không được thẩm định khu dân cư nơi mình cư trú hoặc phụ trách',
    };
  if (ties.recused.has(registration.id))
    return {
      kind: 'conflict-of-interest',
      message: of ? `bạn đã xin rút khỏi việc thẩm định hồ sơ của ${of}` : 'Bạn đã xin rút khỏi việc thẩm định hồ sơ này',
    };
  return null;
}
