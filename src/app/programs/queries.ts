/** Reading programmes: list within scope, details, and the criteria set of a year. */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { criteriaSets, programDeadlines, programRewards, programs, programTargets, programTitles, programYears, units } from '../../db/schema';
import { parseCriteriaSet } from '../../core/criteria/validate';
import type { CriteriaSet } from '../../core/criteria/schema';
import { isAdmin, type Actor } from '../actor';
import { AppError, notFound } from '../errors';
import { coversPath } from '../scope';

export type ProgramRow = typeof programs.$inferSelect;

/** A programme is visible when its owner unit is inside, or above, one of the caller's subtrees. */
function programVisible(actor: Actor, ownerPath: string): boolean {
  return isAdmin(actor) || coversPath(actor, ownerPath) || actor.grants.some((g) => g.unitPath.startsWith(ownerPath));
}

export async function requireProgram(db: Queryable, actor: Actor, code: string) {
  const [row] = await db
    .select({ program: programs, ownerPath: units.path })
    .from(programs)
    .innerJoin(units, eq(units.id, programs.ownerUnitId))
    .where(eq(programs.code, code));
  if (!row || !programVisible(actor, row.ownerPath)) throw notFound(`phong trào "${code}"`);
  return { ...row.program, ownerPath: row.ownerPath };
}

async function titlesAndYears(db: Queryable, programIds: number[]) {
  if (!programIds.length) return { titles: [], years: [] };
  const titles = await db.select().from(programTitles).where(inArray(programTitles.programId, programIds)).orderBy(asc(programTitles.rank));
  const years = await db
    .select({ programId: programYears.programId, year: programYears.year, setCode: criteriaSets.code, setVersion: criteriaSets.version })
    .from(programYears)
    .innerJoin(criteriaSets, eq(criteriaSets.id, programYears.criteriaSetId))
    .where(inArray(programYears.programId, programIds))
    .orderBy(asc(programYears.year));
  return { titles, years };
}

export async function listPrograms(db: Queryable, actor: Actor) {
  const rows = await db.select({ program: programs, ownerPath: units.path }).from(programs).innerJoin(units, eq(units.id, programs.ownerUnitId));
  const visible = rows.filter((r) => programVisible(actor, r.ownerPath)).map((r) => r.program);
  const { titles, years } = await titlesAndYears(db, visible.map((p) => p.id));
  return visible.map((p) => ({
    code: p.code, name: p.name, ownerUnitId: p.ownerUnitId,
    titles: titles.filter((t) => t.programId === p.id).map((t) => ({ code: t.code, name: t.name, rank: t.rank })),
    years: years.filter((y) => y.programId === p.id).map(({ year, setCode, setVersion }) => ({ year, setCode, setVersion })),
  }));
}

export async function getProgram(db: Queryable, actor: Actor, code: string) {
  const p = await requireProgram(db, actor, code);
  const { titles, years } = await titlesAndYears(db, [p.id]);
  const [rewards, targets, deadlines] = await Promise.all([
    db.select().from(programRewards).where(eq(programRewards.programId, p.id)),
    db.select().from(programTargets).where(eq(programTargets.programId, p.id)).orderBy(asc(programTargets.yearFrom)),
    db.select().from(programDeadlines).where(eq(programDeadlines.programId, p.id)).orderBy(asc(programDeadlines.monthDay)),
  ]);
  return {
    code: p.code, name: p.name, ownerUnitId: p.ownerUnitId, description: p.description,
    titles: titles.map((t) => ({ code: t.code, name: t.name, rank: t.rank, levelCode: t.levelCode, chain: t.chain })),
    years: years.map(({ year, setCode, setVersion }) => ({ year, setCode, setVersion })),
    rewards: rewards.map((r) => ({ titleCode: r.titleCode, status: r.status, amount: r.amount })),
    targets: targets.map((t) => ({ scope: t.scope, yearFrom: t.yearFrom, yearTo: t.yearTo, titleCode: t.titleCode, target: t.target })),
    deadlines: deadlines.map((d) => ({ step: d.step, label: d.label, monthDay: d.monthDay })),
  };
}

/** The criteria set a programme uses in a year: that year's, else the latest earlier one. */
export async function programCriteriaSet(db: Queryable, programId: number, year: number): Promise<{ id: number; set: CriteriaSet }> {
  const [row] = await db
    .select({ id: criteriaSets.id, definition: criteriaSets.definition })
    .from(programYears)
    .innerJoin(criteriaSets, eq(criteriaSets.id, programYears.criteriaSetId))
    .where(and(eq(programYears.programId, programId), lte(programYears.year, year)))
    .orderBy(asc(programYears.year))
    .then((rows) => rows.slice(-1));
  if (!row) throw new AppError('not-found', `Phong trào chưa có bộ tiêu chí cho năm ${year}`);
  const parsed = parseCriteriaSet(row.definition);
  if (!parsed.ok) throw new AppError('conflict', 'Bộ tiêu chí lưu trong hệ thống không hợp lệ');
  return { id: row.id, set: parsed.set };
}
