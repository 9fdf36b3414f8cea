/** Reading programmes: list within scope, details, and the criteria set of a year. */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { criteriaSets, programDeadlines, programRewards, programs, programTargets, programTitles, programYears, units } from '../../db/schema';
import { parseCriteriaSet } from '../../core/criteria/validate';
import { SUBJECT_KINDS, SUBJECT_NAMES, type CriteriaSet, type Subject } from '../../core/criteria/schema';
import type { UnitKind } from '../../core/units/kinds';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { can } from '../policy';
import { programFor } from '../policy/loaders';

export type { ProgramRow } from './find';

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
  const visible = rows.filter((r) => can(actor, 'program.read', { kind: 'program', ownerPath: r.ownerPath }));
  const { titles, years } = await titlesAndYears(
    db,
    visible.map((r) => r.program.id),
  );
  return visible.map(({ program: p, ownerPath }) => ({
    code: p.code,
    name: p.name,
    ownerUnitId: p.ownerUnitId,
    canAdminister: can(actor, 'program.manage', { kind: 'program', ownerPath }),
    titles: titles.filter((t) => t.programId === p.id).map((t) => ({ code: t.code, name: t.name, rank: t.rank })),
    years: years.filter((y) => y.programId === p.id).map(({ year, setCode, setVersion }) => ({ year, setCode, setVersion })),
  }));
}

export async function getProgram(db: Queryable, actor: Actor, code: string) {
  const p = await programFor(db, actor, code);
  const { titles, years } = await titlesAndYears(db, [p.id]);
  const [rewards, targets, deadlines, owner] = await Promise.all([
    db.select().from(programRewards).where(eq(programRewards.programId, p.id)).orderBy(asc(programRewards.titleCode), asc(programRewards.status)),
    db.select().from(programTargets).where(eq(programTargets.programId, p.id)).orderBy(asc(programTargets.yearFrom), asc(programTargets.id)),
    db.select().from(programDeadlines).where(eq(programDeadlines.programId, p.id)).orderBy(asc(programDeadlines.monthDay)),
    db.select({ name: units.name, code: units.code }).from(units).where(eq(units.id, p.ownerUnitId)),
  ]);
  return {
    code: p.code,
    name: p.name,
    ownerUnitId: p.ownerUnitId,
    ownerUnitName: owner[0]?.name ?? '',
    ownerUnitCode: owner[0]?.code ?? '',
    description: p.description,
    titles: titles.map((t) => ({ code: t.code, name: t.name, rank: t.rank, levelCode: t.levelCode, chain: t.chain })),
    years: years.map(({ year, setCode, setVersion }) => ({ year, setCode, setVersion })),
    fromYear: years[0]?.year ?? null,
    toYear: years.at(-1)?.year ?? null,
    rewards: rewards.map((r) => ({ titleCode: r.titleCode, status: r.status, amount: r.amount, coefficient: r.coefficient })),
    targets: targets.map((t) => ({ scope: t.scope, yearFrom: t.yearFrom, yearTo: t.yearTo, titleCode: t.titleCode, target: t.target })),
    deadlines: deadlines.map((d) => ({ step: d.step, label: d.label, monthDay: d.monthDay })),
    settings: {
      issuingBody: p.issuingBody,
      signerName: p.signerName,
      signerTitle: p.signerTitle,
      certificateWording: p.certificateWording,
      allowSameAssessor: p.allowSameAssessor,
      noticeDays: p.noticeDays,
    },
    /** Whether the caller may change these settings (the app offers the settings screen only then). */
    canAdminister: can(actor, 'program.manage', { kind: 'program', ownerPath: p.ownerPath }),
  };
}

/**
 * What a programme recognises (areas, communes or streets), from its criteria set:
 * the year's set, or its first one for years before the programme came to KDC.
 */
export async function programSubject(db: Queryable, programId: number, year?: number): Promise<{ subject: Subject; kinds: readonly UnitKind[]; name: string }> {
  const [first] = await db
    .select({ year: programYears.year })
    .from(programYears)
    .where(eq(programYears.programId, programId))
    .orderBy(asc(programYears.year))
    .limit(1);
  const { set } = await programCriteriaSet(db, programId, Math.max(year ?? first?.year ?? 0, first?.year ?? 0));
  return { subject: set.subject, kinds: SUBJECT_KINDS[set.subject], name: SUBJECT_NAMES[set.subject] };
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
