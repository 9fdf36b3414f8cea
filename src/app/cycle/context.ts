/**
 * Everything the engine needs to judge a registration besides the values
 * typed on its scorecard: the subject's profile in that year (its kind, its
 * commune's kind, the attributes it and every unit above it carry), the titles
 * it held in earlier years of the same programme, the titles it holds in any
 * programme (criteria of kind "title"), the titles of the units under it
 * ("title-share") and its figures. One loader, used by every path that stores
 * a verdict (a save, an import, a decision, a revocation) and sent to the
 * browser, so the verdict on the screen can never disagree with the stored one.
 *
 * It works on many registrations at once (an import, the dependents of a
 * decision) with a fixed number of queries per programme year.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { criteriaSets, decisions, programs, programTitles, programYears, recognitions, units } from '../../db/schema';
import { SUBJECT_KINDS, type CriteriaSet, type ShareSource, type TitleSource } from '../../core/criteria/schema';
import { isOneOf } from '../../core/one-of';
import { COMMUNE_KINDS, type CommuneKind, type UnitKind } from '../../core/units/kinds';
import { flattenCriteria, type AreaProfile } from '../../core/criteria/walk';
import { recordJudgedCodes } from '../../core/evaluation/scorecard';
import type { ChildUnit, EvaluationContext, HeldTitle, HeldTitleRef } from '../../core/evaluation/types';
import { formatDate } from '../../core/text/date';
import { existedInYear } from '../../core/units/validity';
import { inBatches } from '../../db/batch';
import { programCriteriaSet } from '../programs/queries';
import { attributesInYear, figuresInYear, selfAndAncestorIds } from '../units/attributes';
import { historiesOf } from './load';

/** What a registration is judged with, minus the values. `recordJudged`: criteria that take no typed value. */
export interface JudgingContext {
  setId: number;
  set: CriteriaSet;
  evaluation: Omit<EvaluationContext, 'values'>;
  recordJudged: string[];
}

export interface Subject {
  id: number;
  programId: number;
  year: number;
  unitId: number;
}

type UnitRow = typeof units.$inferSelect;
type Source = Pick<TitleSource, 'program' | 'set' | 'level'>;

/** The other titles a set's criteria name, as title and share sources. */
function sourcesOf(set: CriteriaSet): { titles: Source[]; shares: ShareSource[] } {
  const titles: Source[] = [];
  const shares: ShareSource[] = [];
  for (const { criterion } of flattenCriteria(set))
    for (const item of [criterion, ...(criterion.parts ?? [])]) {
      if (item.kind === 'title' && item.title) titles.push(item.title);
      if (item.kind === 'title-share' && item.share) shares.push(item.share);
    }
  return { titles, shares };
}

/** Programme codes and criteria-set codes kept in KDC: a source they name is judged from records. */
export async function keptSources(db: Queryable) {
  const programCodes = new Set((await db.select({ code: programs.code }).from(programs)).map((p) => p.code));
  const setCodes = new Set(
    (await db.selectDistinct({ code: criteriaSets.code }).from(programYears).innerJoin(criteriaSets, eq(criteriaSets.id, programYears.criteriaSetId))).map(
      (s) => s.code,
    ),
  );
  return { has: (s: Source) => (s.program ? programCodes.has(s.program) : setCodes.has(s.set ?? '')) };
}

/** "Quyết định số 12/QĐ-UBND ngày 20/11/2026 của Ủy ban nhân dân thành phố Lai Châu", or what the imported records say. */
function describeSource(r: { year: number; number: string | null; date: string | null; issuer: string | null }): string {
  if (!r.number) return `Theo hồ sơ công nhận năm ${r.year} (nhập từ dữ liệu trước khi dùng KDC)`;
  return `Quyết định số ${r.number}${r.date ? ` ngày ${formatDate(r.date)}` : ''}${r.issuer ? ` của ${r.issuer}` : ''}`;
}

/**
 * Titles held by these units in these years, in any programme, as the engine
 * reads them: with the programme's code, the code of the set it used that year
 * and the decision that gave it. Revoked titles are not held.
 */
export async function heldTitles(db: Queryable, unitIds: number[], years: number[]): Promise<Map<number, HeldTitleRef[]>> {
  const out = new Map<number, HeldTitleRef[]>();
  if (!unitIds.length || !years.length) return out;
  for (const ids of inBatches([...new Set(unitIds)])) {
    const rows = await db
      .select({
        unitId: recognitions.unitId,
        year: recognitions.year,
        program: programs.code,
        level: sql<string>`coalesce(${programTitles.levelCode}, ${recognitions.titleCode})`,
        set: sql<string | null>`(SELECT cs.code FROM program_years py JOIN criteria_sets cs ON cs.id = py.criteria_set_id
              WHERE py.program_id = ${recognitions.programId} AND py.year <= ${recognitions.year} ORDER BY py.year DESC LIMIT 1)`,
        number: sql<string | null>`coalesce(${decisions.number}, ${recognitions.decisionNumber})`,
        date: sql<string | null>`coalesce(${decisions.issuedOn}, ${recognitions.decisionDate})`,
        issuer: sql<string | null>`coalesce(${decisions.issuingBody}, ${recognitions.decisionIssuer})`,
      })
      .from(recognitions)
      .innerJoin(programs, eq(programs.id, recognitions.programId))
      .leftJoin(decisions, eq(decisions.id, recognitions.decisionId))
      .leftJoin(programTitles, and(eq(programTitles.programId, recognitions.programId), eq(programTitles.code, recognitions.titleCode)))
      .where(and(inArray(recognitions.unitId, ids), inArray(recognitions.year, [...new Set(years)]), eq(recognitions.revoked, false)));
    for (const r of rows) {
      const held: HeldTitleRef = { program: r.program, level: r.level, year: r.year, source: describeSource(r) };
      if (r.set) held.set = r.set;
      out.set(r.unitId, [...(out.get(r.unitId) ?? []), held]);
    }
  }
  return out;
}

function communeKindOf(unit: UnitRow, above: UnitRow[]): CommuneKind | undefined {
  return [unit, ...[...above].reverse()].map((u) => u.kind).find((kind) => isOneOf(COMMUNE_KINDS, kind));
}

/** The profile of a subject in a year: its kind, its commune's kind, and the attributes of it and every unit above it. */
export function profileIn(unit: UnitRow, above: UnitRow[], attributes: Map<number, string[]>): AreaProfile {
  const all = [unit, ...above].flatMap((u) => attributes.get(u.id) ?? []);
  return { area: unit.name, kind: unit.kind, communeKind: communeKindOf(unit, above), attributes: [...new Set(all)].sort() };
}

/**
 * The units under a subject that existed in the year, with the titles they
 * hold that year and the year before: what a share criterion counts.
 */
async function childrenOf(db: Queryable, subject: UnitRow, year: number, kinds: readonly UnitKind[]): Promise<ChildUnit[]> {
  const rows = (
    await db
      .select()
      .from(units)
      .where(and(sql`${units.path} LIKE ${`${subject.path}%`}`, inArray(units.kind, [...kinds])))
  )
    .filter((u) => u.id !== subject.id && existedInYear(u, year))
    .sort((a, b) => a.path.localeCompare(b.path));
  const held = await heldTitles(
    db,
    rows.map((u) => u.id),
    [year, year - 1],
  );
  return rows.map((u) => ({ name: u.name, kind: u.kind, holds: held.get(u.id) ?? [] }));
}

export async function judgingContexts(db: Queryable, subjects: Subject[]): Promise<Map<number, JudgingContext>> {
  const out = new Map<number, JudgingContext>();
  if (!subjects.length) return out;
  const kept = await keptSources(db);
  const unitRows = new Map<number, UnitRow>();
  for (const ids of inBatches([...new Set(subjects.map((s) => s.unitId))]))
    for (const u of await db.select().from(units).where(inArray(units.id, ids))) unitRows.set(u.id, u);
  const ancestorIds = [...new Set([...unitRows.values()].flatMap((u) => selfAndAncestorIds(u.path)))].filter((id) => !unitRows.has(id));
  for (const ids of inBatches(ancestorIds)) for (const u of await db.select().from(units).where(inArray(units.id, ids))) unitRows.set(u.id, u);

  // One pass per programme year: its set, histories, attributes, titles held and figures.
  const groups = new Map<string, Subject[]>();
  for (const s of subjects) groups.set(`${s.programId}|${s.year}`, [...(groups.get(`${s.programId}|${s.year}`) ?? []), s]);
  for (const group of groups.values()) {
    const { programId, year } = group[0]!;
    const { id: setId, set } = await programCriteriaSet(db, programId, year);
    const subjectUnits = group.map((s) => unitRows.get(s.unitId)!).filter(Boolean);
    const allIds = [...new Set(subjectUnits.flatMap((u) => selfAndAncestorIds(u.path)))];
    // One after another, not Promise.all: inside a transaction `db` is one
    // client, which runs queries in turn anyway (node-postgres warns that
    // queuing them is deprecated).
    const attributes = await attributesInYear(db, allIds, year);
    const histories = await historiesOf(
      db,
      programId,
      subjectUnits.map((u) => u.id),
      year,
    );
    const figures = await figuresInYear(
      db,
      subjectUnits.map((u) => u.id),
      year,
    );
    const { titles, shares } = sourcesOf(set);
    const holds = titles.length
      ? await heldTitles(
          db,
          subjectUnits.map((u) => u.id),
          [year, year - 1],
        )
      : new Map<number, HeldTitleRef[]>();
    for (const s of group) {
      const unit = unitRows.get(s.unitId);
      if (!unit) continue;
      const above = selfAndAncestorIds(unit.path)
        .filter((id) => id !== unit.id)
        .map((id) => unitRows.get(id))
        .filter((u): u is UnitRow => Boolean(u));
      const ownFigures = figures.get(unit.id);
      const childKinds = [...new Set(shares.flatMap((sh) => SUBJECT_KINDS[sh.of]))];
      const children = shares.length ? await childrenOf(db, unit, year, childKinds) : undefined;
      const evaluation: JudgingContext['evaluation'] = {
        profile: profileIn(unit, above, attributes),
        year,
        history: histories.get(unit.id) ?? ([] as HeldTitle[]),
        holds: holds.get(unit.id) ?? [],
        ...(children ? { children } : {}),
        ...(ownFigures ? { figures: ownFigures } : {}),
      };
      const recordJudged = recordJudgedCodes(set, (item, from) => {
        if (from === 'title') return item.title ? kept.has(item.title) : false;
        if (from === 'share') return item.share ? kept.has(item.share) : false;
        const q = item.quantity?.from;
        return Boolean(q && ownFigures && ownFigures[q.numerator] !== undefined && ownFigures[q.denominator] !== undefined);
      });
      out.set(s.id, { setId, set, evaluation, recordJudged: [...recordJudged] });
    }
  }
  return out;
}

/** The context of one registration. */
export async function judgingContext(db: Queryable, subject: Subject): Promise<JudgingContext> {
  const found = (await judgingContexts(db, [subject])).get(subject.id);
  if (!found) throw new Error(`Không dựng được ngữ cảnh đánh giá cho hồ sơ ${subject.id}`);
  return found;
}
