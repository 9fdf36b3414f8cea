/**
 * Which unit a report covers. An explicit unit must be readable by the
 * caller. Without one, the programme's owner unit if the caller covers it,
 * else the caller's own unit inside the programme (a ward officer gets their
 * ward, not the whole city).
 */
import type { Queryable } from '../../db/client';
import type { Actor } from '../actor';
import { forbidden } from '../errors';
import { can } from '../policy';
import { unitFor } from '../policy/loaders';

export async function reportUnitId(db: Queryable, actor: Actor, program: { ownerUnitId: number; ownerPath: string }, unitId?: number): Promise<number> {
  if (unitId !== undefined) return (await unitFor(db, actor, unitId, 'unit.report')).id;
  if (can(actor, 'unit.report', { kind: 'unit', path: program.ownerPath })) return program.ownerUnitId;
  const inside = actor.grants.find((g) => g.unitPath.startsWith(program.ownerPath));
  if (!inside) throw forbidden();
  return inside.unitId;
}
