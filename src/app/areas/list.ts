/**
 * The residential areas (or communes, or streets: what the programme
 * recognises) of a programme year in the caller's scope, with registration
 * and verdict: the board's and council's work lists. One page at a time
 * (issue 15): a province holds thousands of areas, and a phone on a slow link
 * should not be sent them all to show fifty.
 */
import { and, asc, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { registrations, units, verdicts } from '../../db/schema';
import { STEPS } from '../../core/cycle/workflow';
import { isOneOf } from '../../core/one-of';
import { AREA_PAGE_DEFAULT, AREA_PAGE_MAX } from '../../core/paging';
import { fold } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { programSubject } from '../programs/queries';
import { reportUnitId } from '../programs/report-unit';
import { programForFigures, scopeKey, unitCondition } from '../policy/loaders';
import { rememberFigures } from '../reports/memo';
import { requireUnit } from '../units/find';
import { nameContainsAll } from '../units/queries';

export { AREA_PAGE_MAX } from '../../core/paging';

/** A status filter from the query string; a word that is no step matches nothing, as before the column was typed. */
const statusIs = (status: string | undefined) =>
  status === undefined || status === '' ? undefined : isOneOf(STEPS, status) ? eq(registrations.status, status) : sql`false`;

export interface AreaListInput {
  programCode: string;
  year: number;
  unitId?: number;
  status?: string;
  /** Only areas registered this year (the review list), or only for this title. */
  registered?: boolean;
  titleCode?: string;
  /** Words of the area's name, case and diacritics ignored ("to 5" finds "Tổ dân phố số 5"). */
  q?: string;
  limit?: number;
  offset?: number;
  /** The figures revision, when the caller read it with the session. */
  revision?: number | null;
}

export async function listProgramAreas(db: Queryable, actor: Actor, input: AreaListInput) {
  const program = await programForFigures(db, actor, input.programCode, input.revision ?? null);
  const rootId = await reportUnitId(db, actor, program, input.unitId);
  // Scope is checked above for every request; the page itself depends only on what the key holds.
  const key = JSON.stringify([
    'areas',
    program.id,
    rootId,
    scopeKey(actor),
    input.year,
    input.status,
    input.registered,
    input.titleCode,
    input.q,
    input.limit,
    input.offset,
  ]);
  return rememberFigures(db, key, () => areaPage(db, actor, program.id, rootId, input), input.revision);
}

async function areaPage(db: Queryable, actor: Actor, programId: number, rootId: number, input: AreaListInput) {
  const program = { id: programId };
  const root = await requireUnit(db, rootId);
  const subject = await programSubject(db, program.id, input.year);
  const limit = Math.min(input.limit ?? AREA_PAGE_DEFAULT, AREA_PAGE_MAX);
  const offset = input.offset ?? 0;
  const parent = alias(units, 'parent');
  const joinRegistration = and(eq(registrations.unitId, units.id), eq(registrations.programId, program.id), eq(registrations.year, input.year));
  const words = fold(input.q ?? '')
    .split(' ')
    .filter(Boolean);
  const where: SQL | undefined = and(
    like(units.path, `${root.path}%`),
    inArray(units.kind, [...subject.kinds]),
    unitCondition(actor),
    statusIs(input.status),
    input.registered ? sql`${registrations.id} IS NOT NULL` : undefined,
    input.titleCode ? eq(registrations.titleCode, input.titleCode) : undefined,
    ...nameContainsAll(words),
  );
  // Sequential, not parallel: `db` may be a transaction, which runs one query at a time.
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(units).leftJoin(registrations, joinRegistration).where(where);
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, communeName: parent.name, reg: registrations })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(registrations, joinRegistration)
    .where(where)
    .orderBy(asc(units.path))
    .limit(limit)
    .offset(offset);
  const regIds = rows.flatMap((r) => (r.reg ? [r.reg.id] : []));
  const stored = regIds.length ? await db.select().from(verdicts).where(inArray(verdicts.registrationId, regIds)) : [];
  // The board's verdict where there is one, else the self-assessment's.
  const shown = new Map<number, (typeof stored)[number]>();
  for (const v of stored) if (v.stage === 'board' || !shown.has(v.registrationId)) shown.set(v.registrationId, v);
  const items = rows.map((r) => {
    const v = r.reg ? shown.get(r.reg.id) : undefined;
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
  return { items, total, limit, offset };
}
