/**
 * Whether a file may touch a unit, worded as the API answers, by the policy
 * (src/app/policy). For a person, a unit they cannot read and a unit that
 * does not exist get the very same words — `notFoundInScope` — so a file
 * cannot be used to learn which codes or names exist outside their scope
 * (issue 12, finding 21); one they can read but not change is "outside your
 * scope". The command line (the system actor) sees everything and keeps the
 * detailed words.
 */
import type { Actor } from '../actor';
import { decide, seesEverything, type Action } from '../policy';
import type { UnitRow } from '../units/resolve';

export const notFoundInScope = (ref: string) => `không tìm thấy "${ref}" trong phạm vi của bạn`;

/** The problem for a reference that matched no unit: `detailed` for the command line. */
export function notFound(actor: Actor, ref: string, detailed: string): string {
  return seesEverything(actor) ? detailed : notFoundInScope(ref);
}

type UnitAction = Extract<Action, `unit.import-${string}`>;

/** Why a row may not touch the unit it names, with a kind that says no more than the words do: unknown and unreadable are one kind. */
export interface UnitRefusal {
  kind: 'unknown-unit' | 'out-of-reach';
  message: string;
}

/** The refusal for the unit a row names (undefined: none matched `ref`; `detailed` is the command line's words for that), or null. */
export function unitRefusal(actor: Actor, unit: UnitRow | undefined, ref: string, action: UnitAction, doing: string, detailed: string): UnitRefusal | null {
  if (!unit) return { kind: 'unknown-unit', message: notFound(actor, ref, detailed) };
  const verdict = decide(actor, action, { kind: 'unit', path: unit.path });
  if (verdict.ok) return null;
  return verdict.code === 'not-found'
    ? { kind: 'unknown-unit', message: notFoundInScope(ref) }
    : { kind: 'out-of-reach', message: `"${unit.name}" nằm ngoài phạm vi ${doing} của bạn` };
}
