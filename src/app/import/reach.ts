/**
 * Whether a file may touch a unit, worded as the API answers: a unit the
 * caller cannot even read is "not found" (its name is not printed back), one
 * they can read but not change is "outside your scope".
 */
import type { Actor, Capability } from '../actor';
import { coversPath } from '../scope';
import type { UnitRow } from '../units/resolve';

export function outOfReach(actor: Actor | null, unit: UnitRow, ref: string, capability: Capability, doing: string): string | null {
  if (!actor) return null;
  if (!coversPath(actor, unit.path, 'read')) return `không tìm thấy "${ref}" trong phạm vi của bạn`;
  if (!coversPath(actor, unit.path, capability)) return `"${unit.name}" nằm ngoài phạm vi ${doing} của bạn`;
  return null;
}
