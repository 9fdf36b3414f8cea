/**
 * The scorecard's arithmetic, pure: which value of which stage is shown,
 * which criteria still lack one, progress per standard. Kept apart from the
 * screen so it is tested without a browser.
 */
import type { CriteriaSet, Criterion } from '../../../core/criteria/schema';
import type { CriterionValue, Scorecard } from '../../../core/evaluation/types';
import type { Value, ValuePatch } from '../../offline/outbox';

export type Stage = 'self' | 'board';
export interface StoredEntry {
  self: Value;
  board: Value;
  note: string | null;
  boardReason: string | null;
}
export type Draft = Record<string, ValuePatch>;

/** What the screen starts from: the stage's stored values (the board's, else the area's, when only reading). */
export function initialDraft(stored: Record<string, StoredEntry>, stage: Stage | null): Draft {
  const draft: Draft = {};
  for (const [code, e] of Object.entries(stored)) {
    const value = stage === 'self' ? e.self : stage === 'board' ? (e.board ?? e.self) : (e.board ?? e.self);
    draft[code] = { value, note: e.note, reason: e.boardReason };
  }
  return draft;
}

/** Codes that carry a value for a criterion: its own, or each of its parts. */
export const codesOf = (c: Criterion) => (c.parts?.length ? c.parts.map((p) => p.code) : [c.code]);

export const hasValue = (draft: Draft, code: string) => draft[code]?.value !== null && draft[code]?.value !== undefined;

/** Criteria that need nothing typed: judged from records, or not for this area. */
export type Skip = (c: Criterion) => boolean;
const none: Skip = () => false;

/** A criterion is entered when it, or each of its parts, has a value (or needs none). */
export const entered = (c: Criterion, draft: Draft, skip: Skip = none) =>
  skip(c) || hasValue(draft, c.code) || codesOf(c).every((code) => hasValue(draft, code));

export function progress(set: CriteriaSet, draft: Draft, skip: Skip = none) {
  const sections = set.sections.map((s) => ({
    code: s.code,
    title: s.title,
    done: s.criteria.filter((c) => entered(c, draft, skip)).length,
    total: s.criteria.length,
  }));
  const disqualifiers = { done: set.disqualifiers.filter((d) => hasValue(draft, d.code)).length, total: set.disqualifiers.length };
  return { sections, disqualifiers, done: sections.reduce((n, s) => n + s.done, 0), total: sections.reduce((n, s) => n + s.total, 0) };
}

/** The first criterion (then disqualifying case) without a value, in the set's order. */
export function nextEmpty(set: CriteriaSet, draft: Draft, skip: Skip = none): string | null {
  for (const s of set.sections) for (const c of s.criteria) if (!entered(c, draft, skip)) return c.code;
  for (const d of set.disqualifiers) if (!hasValue(draft, d.code)) return d.code;
  return null;
}

/** The values as the engine takes them: what has a value. */
export function filled(draft: Draft): Scorecard {
  const values: Scorecard = {};
  for (const [code, p] of Object.entries(draft)) if (p.value !== null && p.value !== undefined) values[code] = p.value as CriterionValue;
  return values;
}

/** The board must say why where its value differs from the area's. */
export function needsReason(stage: Stage | null, stored: StoredEntry | undefined, patch: ValuePatch | undefined): boolean {
  if (stage !== 'board' || !patch || patch.value === null || patch.value === undefined || !stored) return false;
  return JSON.stringify(stored.self) !== JSON.stringify(patch.value) && !patch.reason?.trim();
}
