/**
 * Which unit a report covers. An explicit unit must be readable by the
 * caller. Without one, the programme's owner unit if the caller covers it,
 * else the caller's own unit inside the programme (a ward officer gets their
 * ward, not the whole city).
 */
import type { Queryable } from '../../db/client';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import { coversPath, requireUnit } from '../scope';

export async function reportUnitId(db: Queryable, actor: Actor, program: { ownerUnitId: number; ownerPath: string }, unitId?: number): Promise<number> {
  if (unitId !== undefined) return (await requireUnit(db, actor, unitId)).id;
  if (coversPath(actor, program.ownerPath)) return program.ownerUnitId;
  const inside = actor.grants.find((g) => g.unitPath.startsWith(program.ownerPath));
  if (!inside) throw forbidden();
  return inside.unitId;
}
