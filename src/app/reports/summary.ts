/**
 * A programme's figures for a year under a unit, computed from the records:
 * residential units that existed that year, registrations, and recognitions
 * written by issued decisions (or imported history) — never typed totals.
 * Callers check scope; these functions take a unit id they may read.
 */
import { and, asc, eq, inArray, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { findProgram } from '../programs/find';
import { programTargets, programTitles, recognitions, registrations, units, verdicts } from '../../db/schema';
import { summarize, type Summary } from '../../core/reports/summary';
import { programSubject } from '../programs/queries';
import { reportRegion, type Boundaries, type Region } from './region';

/** A report of a programme year under a unit; `boundaries` says how the map is read (./region.ts), current by default. */
export interface FiguresInput {
  programCode: string;
  year: number;
  unitId: number;
  boundaries?: Boundaries;
}

async function context(db: Queryable, input: FiguresInput) {
  const program = await findProgram(db, input.programCode);
  const region = await reportRegion(db, input);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank));
  // The denominator is what the programme recognises: areas, communes or streets.
  const subject = await programSubject(db, program.id, input.year);
  return { program, root: region.root, region, titles, subjectKinds: [...subject.kinds] };
}

/** Units under a path that existed at some point of the year. */
function existedIn(year: number): SQL {
  return and(or(isNull(units.validFrom), lte(units.validFrom, `${year}-12-31`)), or(isNull(units.validTo), gte(units.validTo, `${year}-01-01`)))!;
}
const inRegion = (region: Region) => region.contains({ id: units.id, path: units.path });

/**
 * Targets are the programme's own (e.g. the city's 32 for 2024): they apply to
 * a report of the owner unit, not to one ward's share of it.
 */
async function targets(db: Queryable, programId: number, year: number, applies: boolean) {
  if (!applies) return { yearTarget: null, periodTarget: null };
  const rows = await db
    .select()
    .from(programTargets)
    .where(
      and(eq(programTargets.programId, programId), lte(programTargets.yearFrom, year), gte(programTargets.yearTo, year), isNull(programTargets.titleCode)),
    );
  return {
    yearTarget: rows.find((t) => t.scope === 'year')?.target ?? null,
    periodTarget: rows.find((t) => t.scope === 'period')?.target ?? null,
  };
}

export async function programSummary(db: Queryable, input: FiguresInput): Promise<Summary> {
  return (await summariesByChild(db, input, await context(db, input), false))[0]!.summary;
}

type Context = Awaited<ReturnType<typeof context>>;

/**
 * The figures per group of units: the root as one group, or each child of the
 * root as a group. Under current boundaries, three grouped queries whatever
 * the number of units, so a province with hundreds of communes costs the
 * same as one ward. Under historical boundaries each child is its own region
 * (the tree of that year), counted in turn.
 */
async function summariesByChild(db: Queryable, input: FiguresInput, ctx: Context, byChild: boolean): Promise<Array<{ unitId: number; summary: Summary }>> {
  const { program, root, region, titles, subjectKinds } = ctx;
  if (byChild && region.boundaries === 'historical') {
    const out = [];
    for (const child of await region.children()) {
      const sub = { ...ctx, region: await region.child(child.id) };
      out.push({
        unitId: child.id,
        summary: (await summariesByChild(db, { ...input, unitId: child.id }, { ...sub, root: sub.region.root }, false))[0]!.summary,
      });
    }
    return out;
  }
  // The group of a unit: the id at the root's depth + 1 in its path ("/1/4/17/" → part 3 is 4).
  const group = byChild ? sql<string>`split_part(${units.path}, '/', ${sql.raw(String(root.depth + 3))})` : sql<string>`${String(root.id)}`;
  const areaRows = await db
    .select({ group, n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(inRegion(region), inArray(units.kind, subjectKinds), existedIn(input.year)))
    .groupBy(group);
  const regRows = await db
    .select({ group, unitId: registrations.unitId, titleCode: registrations.titleCode })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(and(eq(registrations.programId, program.id), eq(registrations.year, input.year), inRegion(region)));
  const recRows = await db
    .select({ group, unitId: recognitions.unitId, titleCode: recognitions.titleCode, status: recognitions.status })
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .where(and(eq(recognitions.programId, program.id), eq(recognitions.year, input.year), eq(recognitions.revoked, false), inRegion(region)));
  const t = await targets(db, program.id, input.year, !byChild && root.id === program.ownerUnitId);

  const summaryOf = (g: string) =>
    summarize({
      program: program.code,
      year: input.year,
      titles: titles.map((x) => ({ code: x.code, name: x.name })),
      areas: areaRows.find((r) => r.group === g)?.n ?? 0,
      registrations: regRows.filter((r) => r.group === g),
      recognitions: recRows.filter((r) => r.group === g),
      ...t,
    });
  if (!byChild) return [{ unitId: root.id, summary: summaryOf(String(root.id)) }];
  // A closed child whose units all moved on (a ward merged away) is not a group of today's map.
  return (await region.children())
    .map((c) => ({ child: c, summary: summaryOf(String(c.id)) }))
    .filter(({ child, summary }) => child.open || summary.areas || summary.registered || summary.recognized)
    .map(({ child, summary }) => ({ unitId: child.id, summary }));
}

/** The same figures for each child unit (each ward or commune of a city, each commune of a province). */
export async function programSummaryByUnit(db: Queryable, input: FiguresInput) {
  const ctx = await context(db, input);
  const rows = await summariesByChild(db, input, ctx, true);
  const names = new Map((await ctx.region.children()).map((c) => [c.id, c.name]));
  return rows.map(({ unitId, summary }) => ({ unitId, unitName: names.get(unitId) ?? '', ...summary }));
}

/** Recognised, first time, held, again and registered for each year of a span. */
export async function yearSeries(db: Queryable, input: { programCode: string; unitId: number; fromYear: number; toYear: number; boundaries?: Boundaries }) {
  const series = [];
  for (let year = input.fromYear; year <= input.toYear; year++) {
    const s = await programSummary(db, { programCode: input.programCode, unitId: input.unitId, year, boundaries: input.boundaries });
    const sum = (key: 'firstTime' | 'held' | 'again') => s.titles.reduce((acc, t) => acc + t[key], 0);
    series.push({ year, recognized: s.recognized, registered: s.registered, firstTime: sum('firstTime'), held: sum('held'), again: sum('again') });
  }
  return series;
}

/**
 * The criteria most often failed in the year's verdicts (the board's when it
 * appraised, else the area's own), with the areas failing each — the list
 * footnotes 44–49 of the Thành ủy Lai Châu's 2024 report on Nghị quyết
 * 02-NQ/ThU make by hand.
 */
export async function failedCriteriaRanking(db: Queryable, input: FiguresInput) {
  const { program, region } = await context(db, input);
  type Row = { code: string; unit_id: number; unit_name: string; definition: { sections: Array<{ criteria: Array<{ code: string; text: string }> }> } };
  const result = await db.execute<Row>(sql`
    SELECT DISTINCT ON (v.registration_id, f.code) f.code, u.id AS unit_id, u.name AS unit_name, cs.definition
    FROM ${verdicts} v
    JOIN ${registrations} r ON r.id = v.registration_id
    JOIN ${units} u ON u.id = r.unit_id
    JOIN criteria_sets cs ON cs.id = v.criteria_set_id
    CROSS JOIN LATERAL jsonb_array_elements_text(v.failed_criteria) AS f(code)
    WHERE r.program_id = ${program.id} AND r.year = ${input.year} AND ${region.contains({ id: sql`u.id`, path: sql`u.path` })}
      AND v.stage = (SELECT min(v2.stage) -- 'board' sorts before 'self'
         FROM ${verdicts} v2 WHERE v2.registration_id = v.registration_id)
    ORDER BY v.registration_id, f.code`);
  const byCode = new Map<string, { code: string; text: string; areas: Array<{ id: number; name: string }> }>();
  for (const row of result.rows) {
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
