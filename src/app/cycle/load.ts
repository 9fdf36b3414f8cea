/**
 * Loading a registration with everything a cycle step needs, after checking
 * the caller may act on its area in the given capacity.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programs, programTitles, recognitions, registrations, units } from '../../db/schema';
import type { AreaKind, CommuneKind } from '../../core/criteria/schema';
import type { AreaProfile } from '../../core/criteria/walk';
import type { HeldTitle } from '../../core/evaluation/types';
import type { Actor, Capability } from '../actor';
import { notFound } from '../errors';
import { programCriteriaSet } from '../programs/queries';
import { requireUnit } from '../scope';

export const AREA_KINDS: readonly string[] = ['thon', 'to-dan-pho', 'ban'];
const COMMUNE_KINDS: readonly string[] = ['xa', 'phuong', 'thi-tran', 'dac-khu'];

export async function loadRegistration(db: Queryable, actor: Actor, id: number, capability: Capability = 'read') {
  const [registration] = Number.isInteger(id) ? await db.select().from(registrations).where(eq(registrations.id, id)) : [];
  if (!registration) throw notFound('hồ sơ đăng ký');
  const unit = await requireUnit(db, actor, registration.unitId, capability).catch((error: unknown) => {
    // A registration outside the caller's reach is "not found", like its unit.
    if (error instanceof Error && 'code' in error && (error as { code: string }).code === 'not-found') throw notFound('hồ sơ đăng ký');
    throw error;
  });
  const [program] = await db.select().from(programs).where(eq(programs.id, registration.programId));
  const [parent] = unit.parentId ? await db.select().from(units).where(eq(units.id, unit.parentId)) : [];
  return { registration, unit, parent, program: program! };
}

export function profileOf(unit: typeof units.$inferSelect, parent: typeof units.$inferSelect | undefined): AreaProfile {
  return {
    area: unit.name,
    kind: unit.kind as AreaKind,
    communeKind: parent && COMMUNE_KINDS.includes(parent.kind) ? (parent.kind as CommuneKind) : undefined,
    mountainous: unit.mountainous || Boolean(parent?.mountainous),
    especiallyDifficult: unit.especiallyDifficult || Boolean(parent?.especiallyDifficult),
  };
}

/** Titles the area held in earlier years of this programme, as the engine's history (by level code). */
export async function historyOf(db: Queryable, programId: number, unitId: number, year: number): Promise<HeldTitle[]> {
  const rows = await db
    .select({ year: recognitions.year, level: programTitles.levelCode })
    .from(recognitions)
    .innerJoin(programTitles, and(eq(programTitles.programId, recognitions.programId), eq(programTitles.code, recognitions.titleCode)))
    .where(and(eq(recognitions.programId, programId), eq(recognitions.unitId, unitId), lt(recognitions.year, year), eq(recognitions.revoked, false)));
  return rows;
}

export async function setFor(db: Queryable, programId: number, year: number) {
  return programCriteriaSet(db, programId, year);
}

/** historyOf for many areas at once (an import): one query, a list per area. */
export async function historiesOf(db: Queryable, programId: number, unitIds: number[], year: number): Promise<Map<number, HeldTitle[]>> {
  const out = new Map<number, HeldTitle[]>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db
      .select({ unitId: recognitions.unitId, year: recognitions.year, level: programTitles.levelCode })
      .from(recognitions)
      .innerJoin(programTitles, and(eq(programTitles.programId, recognitions.programId), eq(programTitles.code, recognitions.titleCode)))
      .where(and(eq(recognitions.programId, programId), inArray(recognitions.unitId, unitIds.slice(i, i + 5000)), lt(recognitions.year, year), eq(recognitions.revoked, false)));
    for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), { year: r.year, level: r.level }]);
  }
  return out;
}
