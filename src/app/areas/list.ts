/** The residential areas of a programme year in the caller's scope, with registration and verdict: the board's and council's work lists. */
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { registrations, units, verdicts } from '../../db/schema';
import type { Actor } from '../actor';
import { requireProgram } from '../programs/queries';
import { reportUnitId } from '../programs/report-unit';
import { loadUnit, unitScopeCondition } from '../scope';
import { AREA_KINDS } from '../cycle/load';

export async function listProgramAreas(db: Queryable, actor: Actor, input: { programCode: string; year: number; unitId?: number; status?: string }) {
  const program = await requireProgram(db, actor, input.programCode);
  const rootId = await reportUnitId(db, actor, program, input.unitId);
  const root = (await loadUnit(db, rootId))!;
  const parent = alias(units, 'parent');
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, communeName: parent.name, reg: registrations })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(registrations, and(eq(registrations.unitId, units.id), eq(registrations.programId, program.id), eq(registrations.year, input.year)))
    .where(and(like(units.path, `${root.path}%`), inArray(units.kind, [...AREA_KINDS]), unitScopeCondition(actor), input.status ? eq(registrations.status, input.status) : undefined))
    .orderBy(asc(units.path));
  const regIds = rows.flatMap((r) => (r.reg ? [r.reg.id] : []));
  const stored = regIds.length ? await db.select().from(verdicts).where(inArray(verdicts.registrationId, regIds)) : [];
  return rows.map((r) => {
    const v = r.reg ? (stored.find((s) => s.registrationId === r.reg!.id && s.stage === 'board') ?? stored.find((s) => s.registrationId === r.reg!.id)) : undefined;
    const result = v?.result as { reasons?: string[] } | undefined;
    return {
      unitId: r.unitId, unitName: r.unitName, communeName: r.communeName,
      registrationId: r.reg?.id ?? null, titleCode: r.reg?.titleCode ?? null, status: r.reg?.status ?? null,
      verdict: v ? { stage: v.stage, recognized: v.recognized, title: v.levelCode, reasons: result?.reasons ?? [] } : null,
    };
  });
}
