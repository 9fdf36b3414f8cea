import { describe, expect, it } from 'vitest';
import { builtinSets } from '../../../core/criteria/builtin/index';
import { entered, filled, initialDraft, needsReason, nextEmpty, progress } from './values';

// Any built-in pass-fail set with composite criteria will do: this screen names no programme.
const set = builtinSets.find((s) => s.scoring === 'pass-fail')!;

describe('scorecard values', () => {
  it("shows the board the area's values until it changes them, and the area only its own", () => {
    const stored = {
      '1.1': { self: true, board: null, note: 'ghi chú', boardReason: null },
      '1.2': { self: false, board: true, note: null, boardReason: 'đã kiểm tra' },
    };
    expect(initialDraft(stored, 'board')['1.1']!.value).toBe(true);
    expect(initialDraft(stored, 'board')['1.2']!.value).toBe(true);
    expect(initialDraft(stored, 'self')['1.2']!.value).toBe(false);
    expect(initialDraft(stored, null)['1.2']).toEqual({ value: true, note: null, reason: 'đã kiểm tra' });
  });

  it('counts progress per standard and finds the next criterion without a value', () => {
    const first = set.sections[0]!;
    const draft = Object.fromEntries(first.criteria.map((c) => [c.code, { value: true }]));
    const p = progress(set, draft);
    expect(p.sections[0]).toMatchObject({ done: first.criteria.length, total: first.criteria.length });
    expect(p.done).toBe(first.criteria.length);
    expect(nextEmpty(set, draft)).toBe(set.sections[1]!.criteria[0]!.code);
    expect(filled({ ...draft, x: { value: null } })).toEqual(Object.fromEntries(first.criteria.map((c) => [c.code, true])));
  });

  it('a criterion with parts is entered when every part has a value', () => {
    const withParts = set.sections.flatMap((s) => s.criteria).find((c) => c.parts?.length);
    if (!withParts) return;
    const parts = withParts.parts!;
    expect(entered(withParts, { [parts[0]!.code]: { value: 100 } })).toBe(false);
    expect(entered(withParts, Object.fromEntries(parts.map((p) => [p.code, { value: 100 }])))).toBe(true);
  });

  it('the board must give a reason only where it differs from the area', () => {
    const stored = { self: true, board: null, note: null, boardReason: null };
    expect(needsReason('board', stored, { value: false })).toBe(true);
    expect(needsReason('board', stored, { value: false, reason: 'Có 3 hộ vi phạm' })).toBe(false);
    expect(needsReason('board', stored, { value: true })).toBe(false);
    expect(needsReason('self', stored, { value: false })).toBe(false);
  });
});
