/**
 * Which registrations rest on a title that just changed. When a decision
 * recognises or revokes a title (or history is imported), the verdicts that
 * read it must follow in the same transaction: a scorecard whose criterion 4.3
 * is "được công nhận khu dân cư văn hóa" (a criterion of kind "title", on the
 * same unit), or a commune's scorecard whose criterion counts the share of its
 * areas holding the title ("title-share", on a unit above). Registrations
 * locked by a decision keep the verdict the decision rests on.
 */
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { criteriaSets, programs, programYears, registrations, units } from '../../db/schema';
import type { CriteriaSet } from '../../core/criteria/schema';
import { flattenCriteria } from '../../core/criteria/walk';
import { inBatches } from '../../db/batch';
import { programCriteriaSet } from '../programs/queries';
import { selfAndAncestorIds } from '../units/attributes';
import { recomputeVerdicts } from './verdicts';

/** A title held (or no longer held) by a unit in a year, in a programme. */
export interface TitleChange {
  programId: number;
  unitId: number;
  year: number;
}

/** The programme's code and the code of the criteria set it used that year: what criteria name it by. */
async function namesOf(db: Queryable, programId: number, year: number): Promise<{ program: string; set: string | null }> {
  const [program] = await db.select({ code: programs.code }).from(programs).where(eq(programs.id, programId));
  const [set] = await db
    .select({ code: criteriaSets.code })
    .from(programYears)
    .innerJoin(criteriaSets, eq(criteriaSets.id, programYears.criteriaSetId))
    .where(and(eq(programYears.programId, programId), lte(programYears.year, year)))
    .orderBy(desc(programYears.year))
    .limit(1);
  return { program: program?.code ?? '', set: set?.code ?? null };
}

/** Does a set read this programme's title, on the same unit (title) or on a unit below (share), from this year? */
function reads(set: CriteriaSet, names: { program: string; set: string | null }, relation: 'same-unit' | 'unit-below', yearsAfter: number): boolean {
  return flattenCriteria(set).some(({ criterion }) =>
    [criterion, ...(criterion.parts ?? [])].some((item) => {
      const source = relation === 'same-unit' ? (item.kind === 'title' ? item.title : undefined) : item.kind === 'title-share' ? item.share : undefined;
      if (!source) return false;
      const named = source.program ? source.program === names.program : source.set === names.set;
      return named && yearsAfter === (source.year === 'previous' ? 1 : 0);
    }),
  );
}

export async function registrationsReading(db: Queryable, changes: TitleChange[]): Promise<number[]> {
  if (!changes.length) return [];
  const unitPaths = new Map<number, string>();
  for (const ids of inBatches([...new Set(changes.map((c) => c.unitId))]))
    for (const u of await db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, ids))) unitPaths.set(u.id, u.path);
  const names = new Map<string, { program: string; set: string | null }>();
  for (const c of changes) if (!names.has(`${c.programId}|${c.year}`)) names.set(`${c.programId}|${c.year}`, await namesOf(db, c.programId, c.year));

  const candidateUnits = [...new Set(changes.flatMap((c) => selfAndAncestorIds(unitPaths.get(c.unitId) ?? '')))];
  const years = [...new Set(changes.flatMap((c) => [c.year, c.year + 1]))];
  const candidates: Array<{ id: number; programId: number; year: number; unitId: number }> = [];
  for (const ids of inBatches(candidateUnits))
    candidates.push(
      ...(await db
        .select({ id: registrations.id, programId: registrations.programId, year: registrations.year, unitId: registrations.unitId })
        .from(registrations)
        .where(and(inArray(registrations.unitId, ids), inArray(registrations.year, years), eq(registrations.locked, false)))),
    );

  const sets = new Map<string, CriteriaSet>();
  const out = new Set<number>();
  for (const reg of candidates) {
    const key = `${reg.programId}|${reg.year}`;
    if (!sets.has(key)) sets.set(key, (await programCriteriaSet(db, reg.programId, reg.year)).set);
    const set = sets.get(key)!;
    for (const c of changes) {
      const yearsAfter = reg.year - c.year;
      if (yearsAfter !== 0 && yearsAfter !== 1) continue;
      const path = unitPaths.get(c.unitId) ?? '';
      const relation = reg.unitId === c.unitId ? 'same-unit' : selfAndAncestorIds(path).includes(reg.unitId) ? 'unit-below' : null;
      if (relation && reads(set, names.get(`${c.programId}|${c.year}`)!, relation, yearsAfter)) {
        out.add(reg.id);
        break;
      }
    }
  }
  return [...out];
}

/** After titles changed: the verdicts that read them, recomputed in the same transaction. Returns how many registrations moved. */
export async function followTitleChanges(tx: Queryable, changes: TitleChange[]): Promise<number> {
  const ids = await registrationsReading(tx, changes);
  if (ids.length) await recomputeVerdicts(tx, ids);
  return ids.length;
}
