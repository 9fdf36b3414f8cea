/**
 * A programme's figures for a year under a unit, computed from the records:
 * residential units that existed that year, registrations, and recognitions
 * written by issued decisions (or imported history) — never typed totals.
 * Callers check scope; these functions take a unit id they may read.
 */
import { and, asc, eq, inArray, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programs, programTargets, programTitles, recognitions, registrations, units, verdicts } from '../../db/schema';
import { summarize, type Summary } from '../../core/reports/summary';
import { notFound } from '../errors';

export const AREA_KINDS = ['thon', 'to-dan-pho', 'ban'];

export interface FiguresInput { programCode: string; year: number; unitId: number }

async function context(db: Queryable, input: FiguresInput) {
  const [program] = await db.select().from(programs).where(eq(programs.code, input.programCode));
  if (!program) throw notFound(`phong trào "${input.programCode}"`);
  const [root] = await db.select().from(units).where(eq(units.id, input.unitId));
  if (!root) throw notFound('đơn vị');
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank));
  return { program, root, titles };
}

/** Units under a path that existed at some point of the year. */
function existedIn(year: number): SQL {
  return and(
    or(isNull(units.validFrom), lte(units.validFrom, `${year}-12-31`)),
    or(isNull(units.validTo), gte(units.validTo, `${year}-01-01`)),
  )!;
}
const under = (path: string) => sql`${units.path} LIKE ${`${path}%`}`;

/**
 * Targets are the programme's own (e.g. the city's 32 for 2024): they apply to
 * a report of the owner unit, not to one ward's share of it.
 */
async function targets(db: Queryable, programId: number, year: number, applies: boolean) {
  if (!applies) return { yearTarget: null, periodTarget: null };
  const rows = await db.select().from(programTargets)
    .where(and(eq(programTargets.programId, programId), lte(programTargets.yearFrom, year), gte(programTargets.yearTo, year), isNull(programTargets.titleCode)));
  return {
    yearTarget: rows.find((t) => t.scope === 'year')?.target ?? null,
    periodTarget: rows.find((t) => t.scope === 'period')?.target ?? null,
  };
}

export async function programSummary(db: Queryable, input: FiguresInput): Promise<Summary> {
  const { program, root, titles } = await context(db, input);
  return (await summariesByChild(db, input, { program, root, titles }, false))[0]!.summary;
}

/**
 * The figures per group of units: the root as one group, or each child of the
 * root as a group. Three grouped queries whatever the number of units, so a
 * province with hundreds of communes costs the same as one ward.
 */
async function summariesByChild(
  db: Queryable,
  input: FiguresInput,
  ctx: Awaited<ReturnType<typeof context>>,
  byChild: boolean,
): Promise<Array<{ unitId: number; summary: Summary }>> {
  const { program, root, titles } = ctx;
  // The group of a unit: the id at the root's depth + 1 in its path ("/1/4/17/" → part 3 is 4).
  const group = byChild ? sql<string>`split_part(${units.path}, '/', ${sql.raw(String(root.depth + 3))})` : sql<string>`${String(root.id)}`;
  const areaRows = await db
    .select({ group, n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(under(root.path), inArray(units.kind, AREA_KINDS), existedIn(input.year)))
    .groupBy(group);
  const regRows = await db
    .select({ group, unitId: registrations.unitId, titleCode: registrations.titleCode })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(and(eq(registrations.programId, program.id), eq(registrations.year, input.year), under(root.path)));
  const recRows = await db
    .select({ group, unitId: recognitions.unitId, titleCode: recognitions.titleCode, status: recognitions.status })
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .where(and(eq(recognitions.programId, program.id), eq(recognitions.year, input.year), eq(recognitions.revoked, false), under(root.path)));
  const t = await targets(db, program.id, input.year, !byChild && root.id === program.ownerUnitId);

  const groups = byChild
    ? (await db.select({ id: units.id }).from(units).where(eq(units.parentId, root.id)).orderBy(asc(units.code))).map((u) => String(u.id))
    : [String(root.id)];
  return groups.map((g) => ({
    unitId: Number(g),
    summary: summarize({
      program: program.code,
      year: input.year,
      titles: titles.map((x) => ({ code: x.code, name: x.name })),
      areas: areaRows.find((r) => r.group === g)?.n ?? 0,
      registrations: regRows.filter((r) => r.group === g),
      recognitions: recRows.filter((r) => r.group === g),
      ...t,
    }),
  }));
}

/** The same figures for each child unit (each ward or commune of a city, each commune of a province). */
export async function programSummaryByUnit(db: Queryable, input: FiguresInput) {
  const ctx = await context(db, input);
  const rows = await summariesByChild(db, input, ctx, true);
  const names = new Map((await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.parentId, ctx.root.id))).map((u) => [u.id, u.name]));
  return rows.map(({ unitId, summary }) => ({ unitId, unitName: names.get(unitId) ?? '', ...summary }));
}

/** Recognised, first time, held, again and registered for each year of a span. */
export async function yearSeries(db: Queryable, input: { programCode: string; unitId: number; fromYear: number; toYear: number }) {
  const series = [];
  for (let year = input.fromYear; year <= input.toYear; year++) {
    const s = await programSummary(db, { programCode: input.programCode, unitId: input.unitId, year });
    const sum = (key: 'firstTime' | 'held' | 'again') => s.titles.reduce((acc, t) => acc + t[key], 0);
    series.push({ year, recognized: s.recognized, registered: s.registered, firstTime: sum('firstTime'), held: sum('held'), again: sum('again') });
  }
  return series;
}

/**
 * The criteria most often failed in the year's verdicts (the board's when it
 * appraised, else the area's own), with the areas failing each — the list
 * seed 004's footnotes 44–49 make by hand.
 */
export async function failedCriteriaRanking(db: Queryable, input: FiguresInput) {
  const { program, root } = await context(db, input);
  type Row = { code: string; unit_id: number; unit_name: string; definition: { sections: Array<{ criteria: Array<{ code: string; text: string }> }> } };
  const result = await db.execute(sql`
    SELECT DISTINCT ON (v.registration_id, f.code) f.code, u.id AS unit_id, u.name AS unit_name, cs.definition
    FROM ${verdicts} v
    JOIN ${registrations} r ON r.id = v.registration_id
    JOIN ${units} u ON u.id = r.unit_id
    JOIN criteria_sets cs ON cs.id = v.criteria_set_id
    CROSS JOIN LATERAL jsonb_array_elements_text(v.failed_criteria) AS f(code)
    WHERE r.program_id = ${program.id} AND r.year = ${input.year} AND u.path LIKE ${`${root.path}%`}
      AND v.stage = (SELECT min(v2.stage) -- 'board' sorts before 'self'
         FROM ${verdicts} v2 WHERE v2.registration_id = v.registration_id)
    ORDER BY v.registration_id, f.code`);
  const byCode = new Map<string, { code: string; text: string; areas: Array<{ id: number; name: string }> }>();
  // Both drivers (PGlite, node-postgres) answer raw SQL with { rows }.
  for (const row of (result as unknown as { rows: Row[] }).rows) {
    const entry = byCode.get(row.code) ?? { code: row.code, text: criterionText(row.definition, row.code), areas: [] };
    entry.areas.push({ id: row.unit_id, name: row.unit_name });
    byCode.set(row.code, entry);
  }
  return [...byCode.values()]
    .map((e) => ({ ...e, count: e.areas.length }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'vi', { numeric: true }));
}

function criterionText(definition: { sections: Array<{ criteria: Array<{ code: string; text: string }> }> }, code: string): string {
  for (const s of definition.sections ?? []) for (const c of s.criteria) if (c.code === code) return c.text;
  return '';
}
