/** The residential areas (or communes, or streets: what the programme recognises) of a programme year in the caller's scope, with registration and verdict: the board's and council's work lists. */
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { registrations, units, verdicts } from '../../db/schema';
import { STEPS } from '../../core/cycle/workflow';
import { isOneOf } from '../../core/one-of';
import type { Actor } from '../actor';
import { programSubject } from '../programs/queries';
import { reportUnitId } from '../programs/report-unit';
import { programFor, unitCondition } from '../policy/loaders';
import { requireUnit } from '../units/find';

/** A status filter from the query string; a word that is no step matches nothing, as before the column was typed. */
const statusIs = (status: string | undefined) =>
  status === undefined || status === '' ? undefined : isOneOf(STEPS, status) ? eq(registrations.status, status) : sql`false`;

export async function listProgramAreas(db: Queryable, actor: Actor, input: { programCode: string; year: number; unitId?: number; status?: string }) {
  const program = await programFor(db, actor, input.programCode);
  const rootId = await reportUnitId(db, actor, program, input.unitId);
  const root = await requireUnit(db, rootId);
  const subject = await programSubject(db, program.id, input.year);
  const parent = alias(units, 'parent');
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, communeName: parent.name, reg: registrations })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(registrations, and(eq(registrations.unitId, units.id), eq(registrations.programId, program.id), eq(registrations.year, input.year)))
    .where(and(like(units.path, `${root.path}%`), inArray(units.kind, [...subject.kinds]), unitCondition(actor), statusIs(input.status)))
    .orderBy(asc(units.path));
  const regIds = rows.flatMap((r) => (r.reg ? [r.reg.id] : []));
  const stored = regIds.length ? await db.select().from(verdicts).where(inArray(verdicts.registrationId, regIds)) : [];
  return rows.map((r) => {
    const v = r.reg
      ? (stored.find((s) => s.registrationId === r.reg!.id && s.stage === 'board') ?? stored.find((s) => s.registrationId === r.reg!.id))
      : undefined;
    const result = v?.result as { reasons?: string[] } | undefined;
    return {
      unitId: r.unitId,
      unitName: r.unitName,
      communeName: r.communeName,
      registrationId: r.reg?.id ?? null,
      titleCode: r.reg?.titleCode ?? null,
      status: r.reg?.status ?? null,
      verdict: v ? { stage: v.stage, recognized: v.recognized, title: v.levelCode, reasons: result?.reasons ?? [] } : null,
    };
  });
}
