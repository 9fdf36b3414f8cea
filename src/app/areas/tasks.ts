/** What needs the caller's action this season, and the deadlines coming and overdue. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { programDeadlines, programs, registrations, units } from '../../db/schema';
import type { Step } from '../../core/cycle/workflow';
import { isoDay } from '../../core/text/date';
import type { Actor } from '../actor';
import { can, type Action } from '../policy';
import { unitCondition } from '../policy/loaders';

/** The next step of each status and the policy's action for it (the council's at the programme's level). */
const NEXT_ACTION = new Map<Step, { action: 'self-assess' | 'appraise' | 'review' | 'decide'; policy: Action & `registration.${string}` }>([
  ['registered', { action: 'self-assess', policy: 'registration.self-assess' }],
  ['self-assessed', { action: 'appraise', policy: 'registration.appraise' }],
  ['board-proposed', { action: 'review', policy: 'registration.review' }],
  ['council-recommended', { action: 'decide', policy: 'registration.decide' }],
]);

export async function myTasks(db: Queryable, actor: Actor, year: number, today = new Date()) {
  const parent = alias(units, 'parent');
  const owner = alias(units, 'owner');
  const rows = await db
    .select({ reg: registrations, unitName: units.name, communeName: parent.name, path: units.path, programCode: programs.code, ownerPath: owner.path })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .innerJoin(programs, eq(programs.id, registrations.programId))
    .innerJoin(owner, eq(owner.id, programs.ownerUnitId))
    .where(and(eq(registrations.year, year), inArray(registrations.status, [...NEXT_ACTION.keys()]), unitCondition(actor)))
    .orderBy(asc(units.path));
  const tasks = rows.flatMap((r) => {
    const next = NEXT_ACTION.get(r.reg.status)!;
    if (!can(actor, next.policy, { kind: 'registration', path: r.path, programOwnerPath: r.ownerPath })) return [];
    return [
      {
        registrationId: r.reg.id,
        unitId: r.reg.unitId,
        unitName: r.unitName,
        communeName: r.communeName,
        programCode: r.programCode,
        status: r.reg.status,
        action: next.action,
      },
    ];
  });
  const programRows = await db
    .select({ id: programs.id, code: programs.code, ownerPath: units.path })
    .from(programs)
    .innerJoin(units, eq(units.id, programs.ownerUnitId));
  const mine = programRows.filter((p) => can(actor, 'program.read', { kind: 'program', ownerPath: p.ownerPath }));
  const deadlines = mine.length
    ? await db
        .select()
        .from(programDeadlines)
        .where(
          inArray(
            programDeadlines.programId,
            mine.map((p) => p.id),
          ),
        )
        .orderBy(asc(programDeadlines.monthDay))
    : [];
  const todayIso = isoDay(today);
  return {
    tasks,
    deadlines: deadlines.map((d) => {
      const date = `${year}-${d.monthDay}`;
      return { programCode: mine.find((p) => p.id === d.programId)!.code, label: d.label, date, overdue: date < todayIso };
    }),
  };
}
