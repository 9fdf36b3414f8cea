/**
 * Every title of a place, side by side: for a unit and a year, each programme
 * that reaches the unit and each of its titles, how many of the subjects under
 * the unit hold it (areas, communes or streets, out of those that existed that
 * year), first time / held / again, and the households holding "Gia đình văn
 * hóa" out of all households from the areas' figures. The summary a city's
 * yearly review prints ("72/72 bản, tổ dân phố đạt tiêu chuẩn văn hóa",
 * "113/131 tuyến đường …", "12.460/12.937 hộ gia đình, đạt 96,3%"), computed
 * from records.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { requireUnit } from '../units/find';
import { programTitles, programYears, programs, recognitions, unitFigures, units } from '../../db/schema';
import { SUBJECT_KINDS, SUBJECT_NAMES, type Subject } from '../../core/criteria/schema';
import { percentOneDecimal } from '../../core/text/format';
import type { Actor } from '../actor';
import { listPrograms, programSubject } from '../programs/queries';
import { unitFor } from '../policy/loaders';
import { reportRegion, type Boundaries } from './region';

export interface TitleCount {
  programCode: string;
  programName: string;
  subject: Subject;
  /** "thôn, tổ dân phố, bản", "xã, phường, thị trấn, đặc khu", "tuyến phố". */
  subjectName: string;
  titleCode: string;
  titleName: string;
  held: number;
  total: number;
  /** held / total, one decimal (null without subjects). */
  percent: number | null;
  firstTime: number;
  heldOver: number;
  again: number;
}

export interface AllTitles {
  unitId: number;
  unitName: string;
  year: number;
  boundaries: Boundaries;
  titles: TitleCount[];
  /** From the areas' figures: households and those holding "Gia đình văn hóa"; null where no area keeps them. */
  households: { total: number | null; cultured: number | null; percent: number | null; areasWithFigures: number };
}

function existedIn(year: number): SQL {
  return and(or(isNull(units.validFrom), lte(units.validFrom, `${year}-12-31`)), or(isNull(units.validTo), gte(units.validTo, `${year}-01-01`)))!;
}

/** The report for whoever may read the unit, over the programmes they can reach. */
export async function allTitlesReport(db: Queryable, actor: Actor, input: { unitId: number; year: number; boundaries?: Boundaries }): Promise<AllTitles> {
  const unit = await unitFor(db, actor, input.unitId, 'unit.report');
  return titlesOfPlace(db, { ...input, unitId: unit.id, programCodes: (await listPrograms(db, actor)).map((p) => p.code) });
}

/** The figures for a unit whose reading the caller has checked; `programCodes` limits the programmes (all when absent). */
export async function titlesOfPlace(
  db: Queryable,
  input: { unitId: number; year: number; boundaries?: Boundaries; programCodes?: string[] },
): Promise<AllTitles> {
  const unit = await requireUnit(db, input.unitId);
  const region = await reportRegion(db, { unitId: unit.id, year: input.year, boundaries: input.boundaries });
  const inRegion = region.contains({ id: units.id, path: units.path });

  // The programmes that concern the unit: run by it, above it, or under it.
  const rows =
    input.programCodes && !input.programCodes.length
      ? []
      : await db
          .select({ program: programs, ownerPath: units.path })
          .from(programs)
          .innerJoin(units, eq(units.id, programs.ownerUnitId))
          .where(input.programCodes ? inArray(programs.code, input.programCodes) : undefined)
          .orderBy(asc(programs.id));
  const concerned = rows.filter((r) => unit.path.startsWith(r.ownerPath) || r.ownerPath.startsWith(unit.path));

  const titles: TitleCount[] = [];
  for (const { program } of concerned) {
    const [runs] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(programYears)
      .where(and(eq(programYears.programId, program.id), lte(programYears.year, input.year)));
    const recs = await db
      .select({ titleCode: recognitions.titleCode, status: recognitions.status })
      .from(recognitions)
      .innerJoin(units, eq(units.id, recognitions.unitId))
      .where(and(eq(recognitions.programId, program.id), eq(recognitions.year, input.year), eq(recognitions.revoked, false), inRegion));
    // A programme that had not started and has no records for the year has nothing to say about it.
    if (!runs?.n && !recs.length) continue;
    const subject = await programSubject(db, program.id, input.year);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(units)
      .where(and(inRegion, inArray(units.kind, [...subject.kinds]), existedIn(input.year)));
    const total = count?.n ?? 0;
    for (const t of await db.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank))) {
      const mine = recs.filter((r) => r.titleCode === t.code);
      titles.push({
        programCode: program.code,
        programName: program.name,
        subject: subject.subject,
        subjectName: SUBJECT_NAMES[subject.subject],
        titleCode: t.code,
        titleName: t.name,
        held: mine.length,
        total,
        percent: percentOneDecimal(mine.length, total),
        firstTime: mine.filter((r) => r.status === 'lan-dau').length,
        heldOver: mine.filter((r) => r.status === 'giu-vung').length,
        again: mine.filter((r) => r.status === 'cong-nhan-lai').length,
      });
    }
  }

  const [figures] = await db
    .select({
      total: sql<number | null>`sum(${unitFigures.value}) FILTER (WHERE ${unitFigures.code} = 'ho')`,
      cultured: sql<number | null>`sum(${unitFigures.value}) FILTER (WHERE ${unitFigures.code} = 'ho-gia-dinh-van-hoa')`,
      areas: sql<number>`count(DISTINCT ${unitFigures.unitId}) FILTER (WHERE ${unitFigures.code} = 'ho')`,
    })
    .from(unitFigures)
    .innerJoin(units, eq(units.id, unitFigures.unitId))
    .where(and(eq(unitFigures.year, input.year), inRegion, inArray(units.kind, [...SUBJECT_KINDS.area])));
  const total = figures?.total === null || figures?.total === undefined ? null : Number(figures.total);
  const cultured = figures?.cultured === null || figures?.cultured === undefined ? null : Number(figures.cultured);
  return {
    unitId: unit.id,
    unitName: unit.name,
    year: input.year,
    boundaries: region.boundaries,
    titles,
    households: {
      total,
      cultured,
      percent: total && cultured !== null ? percentOneDecimal(cultured, total) : null,
      areasWithFigures: Number(figures?.areas ?? 0),
    },
  };
}
