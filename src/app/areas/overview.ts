/** An area's page: its profile, titles held year by year, registrations, and reorganisation history. */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programTitles, programs, recognitions, registrations } from '../../db/schema';
import { STATUS_LABELS } from '../../core/cycle/status';
import type { Actor } from '../actor';
import { getUnit, getUnitHistory } from '../units/queries';

export async function areaOverview(db: Queryable, actor: Actor, unitId: number, programCode?: string) {
  const unit = await getUnit(db, actor, unitId);
  const programFilter = programCode ? eq(programs.code, programCode) : undefined;
  const titles = await db
    .select({
      year: recognitions.year,
      programCode: programs.code,
      titleCode: recognitions.titleCode,
      titleName: programTitles.name,
      status: recognitions.status,
    })
    .from(recognitions)
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .leftJoin(programTitles, and(eq(programTitles.programId, programs.id), eq(programTitles.code, recognitions.titleCode)))
    .where(and(eq(recognitions.unitId, unitId), eq(recognitions.revoked, false), programFilter))
    .orderBy(asc(recognitions.year));
  const regs = await db
    .select({
      id: registrations.id,
      year: registrations.year,
      programCode: programs.code,
      titleCode: registrations.titleCode,
      status: registrations.status,
      locked: registrations.locked,
    })
    .from(registrations)
    .innerJoin(programs, eq(programs.id, registrations.programId))
    .where(and(eq(registrations.unitId, unitId), programFilter))
    .orderBy(asc(registrations.year));
  return {
    unit,
    titles: titles.map((t) => ({ ...t, statusLabel: STATUS_LABELS[t.status] })),
    registrations: regs,
    history: await getUnitHistory(db, actor, unitId),
  };
}
