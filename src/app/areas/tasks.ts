/** What needs the caller's action this season, and the deadlines coming and overdue. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { programDeadlines, programs, registrations, units } from '../../db/schema';
import { CAPABILITIES, type Actor, type Capability } from '../actor';
import { coversPath, unitScopeCondition } from '../scope';

const NEXT_ACTION: Record<string, { action: 'self-assess' | 'appraise' | 'review' | 'decide'; capability: Capability }> = {
  registered: { action: 'self-assess', capability: 'selfAssess' },
  'self-assessed': { action: 'appraise', capability: 'appraise' },
  'board-proposed': { action: 'review', capability: 'review' },
  'council-recommended': { action: 'decide', capability: 'decide' },
};

export async function myTasks(db: Queryable, actor: Actor, year: number, today = new Date()) {
  const parent = alias(units, 'parent');
  const rows = await db
    .select({ reg: registrations, unitName: units.name, communeName: parent.name, path: units.path, programCode: programs.code })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .innerJoin(programs, eq(programs.id, registrations.programId))
    .where(and(eq(registrations.year, year), inArray(registrations.status, Object.keys(NEXT_ACTION)), unitScopeCondition(actor)))
    .orderBy(asc(units.path));
  const tasks = rows.flatMap((r) => {
    const next = NEXT_ACTION[r.reg.status]!;
    const roles: readonly string[] = CAPABILITIES[next.capability];
    if (!actor.grants.some((g) => roles.includes(g.role)) || !coversPath(actor, r.path, next.capability)) return [];
    return [{ registrationId: r.reg.id, unitId: r.reg.unitId, unitName: r.unitName, communeName: r.communeName, programCode: r.programCode, status: r.reg.status, action: next.action }];
  });
  const programRows = await db.select({ id: programs.id, code: programs.code, ownerPath: units.path }).from(programs).innerJoin(units, eq(units.id, programs.ownerUnitId));
  const mine = programRows.filter((p) => coversPath(actor, p.ownerPath) || actor.grants.some((g) => g.unitPath.startsWith(p.ownerPath)));
  const deadlines = mine.length ? await db.select().from(programDeadlines).where(inArray(programDeadlines.programId, mine.map((p) => p.id))).orderBy(asc(programDeadlines.monthDay)) : [];
  const todayIso = today.toISOString().slice(0, 10);
  return {
    tasks,
    deadlines: deadlines.map((d) => {
      const date = `${year}-${d.monthDay}`;
      return { programCode: mine.find((p) => p.id === d.programId)!.code, label: d.label, date, overdue: date < todayIso };
    }),
  };
}
