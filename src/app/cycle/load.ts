/**
 * Loading a registration with everything a cycle step needs, after the
 * policy says the caller may take the step (../policy/loaders.ts), and
 * locking it for the step's transaction.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { inBatches } from '../../db/batch';
import { programTitles, recognitions, recusals, registrations, units } from '../../db/schema';
import type { HeldTitle } from '../../core/evaluation/types';
import { notFound } from '../errors';
import type { Actor } from '../actor';
import type { Ties } from './rules';
export { registrationFor as loadRegistration } from '../policy/loaders';

/**
 * The registration's row, locked until the transaction ends: every
 * read-check-write of a registration re-reads it here, so two officers pressing
 * the same button at once act one after the other on what the first one left.
 */
export async function lockRegistration(tx: Queryable, id: number) {
  const [row] = await lockRegistrations(tx, [id]);
  if (!row) throw notFound('hồ sơ đăng ký');
  return row;
}

/**
 * Many registrations' rows, locked until the transaction ends (an import, a
 * decision, a recomputation), in one order everywhere — by id — so two
 * writers never wait on each other crosswise.
 */
export async function lockRegistrations(tx: Queryable, ids: number[]): Promise<Registration[]> {
  const out: Registration[] = [];
  for (const chunk of inBatches([...new Set(ids)].sort((a, b) => a - b)))
    out.push(...(await tx.select().from(registrations).where(inArray(registrations.id, chunk)).orderBy(registrations.id).for('update')));
  return out;
}

export type Registration = typeof registrations.$inferSelect;

/** The appraiser's ties to these registrations' areas (./rules.ts conflictOfInterest): their home unit's path, the registrations they stood aside from. */
export async function tiesOf(db: Queryable, actor: Actor, registrationIds: number[]): Promise<Ties> {
  const [home] = actor.homeUnitId ? await db.select({ path: units.path }).from(units).where(eq(units.id, actor.homeUnitId)) : [];
  const recused = new Set<number>();
  // The command line is nobody's neighbour and stands aside from nothing.
  if (actor.userId !== null)
    for (const ids of inBatches([...new Set(registrationIds)]))
      for (const r of await db
        .select({ id: recusals.registrationId })
        .from(recusals)
        .where(and(eq(recusals.userId, actor.userId), inArray(recusals.registrationId, ids))))
        recused.add(r.id);
  return { homePath: home?.path ?? null, recused };
}

/** Titles these areas held in earlier years of this programme, as the engine's history (by level code): one query, a list per area. */
export async function historiesOf(db: Queryable, programId: number, unitIds: number[], year: number): Promise<Map<number, HeldTitle[]>> {
  const out = new Map<number, HeldTitle[]>();
  for (const ids of inBatches(unitIds)) {
    const rows = await db
      .select({ unitId: recognitions.unitId, year: recognitions.year, level: programTitles.levelCode })
      .from(recognitions)
      .innerJoin(programTitles, and(eq(programTitles.programId, recognitions.programId), eq(programTitles.code, recognitions.titleCode)))
      .where(and(eq(recognitions.programId, programId), inArray(recognitions.unitId, ids), lt(recognitions.year, year), eq(recognitions.revoked, false)));
    for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), { year: r.year, level: r.level }]);
  }
  return out;
}
