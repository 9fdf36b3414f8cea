/**
 * Which units a report of a unit covers, under two readings of the map:
 *
 * - current boundaries (the default): everything now under the unit. After a
 *   merge the new ward's report for an earlier year counts the areas of the
 *   wards it came from, because their areas now live under it;
 * - historical boundaries: the tree as it stood in the report's year, read
 *   from unit_parents on the last day of that year (or the day the unit
 *   closed, if earlier). A report of thành phố Lai Châu for 2024 still shows
 *   its seven wards after the 2025 reform closed it. A unit that did not yet
 *   exist stands for the units it came from (unit_lineage), so the new
 *   phường Tân Phong's 2024 report under historical boundaries counts the
 *   old wards merged into it.
 *
 * Queries take `contains(…)` as their condition on the `units` row they join,
 * so every report figure uses the same reading.
 */
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { requireUnit } from '../units/find';
import { unitLineage, units } from '../../db/schema';
import { existedOn } from '../../core/units/validity';
import type { UnitRow } from '../units/resolve';

export const BOUNDARIES = ['current', 'historical'] as const;
export type Boundaries = (typeof BOUNDARIES)[number];

export interface RegionChild {
  id: number;
  name: string;
  code: string;
  open: boolean;
}

export interface Region {
  root: UnitRow;
  boundaries: Boundaries;
  /** The day a historical tree is read on. */
  date: string;
  /** True for the units inside the region; give the id and path columns of the `units` row the query joins. */
  contains(columns: { id: AnyPgColumn | SQL; path: AnyPgColumn | SQL }): SQL;
  /** The first level of the region, in code order. */
  children(): Promise<RegionChild[]>;
  /** The region of one of those children, read on the same day. */
  child(id: number): Promise<Region>;
  /** The name of a unit's parent as this reading sees it (for lists: the commune of each area). */
  parentName(unitId: AnyPgColumn | SQL): SQL<string | null>;
}

const validOn = (date: string) => sql`(up.valid_from IS NULL OR up.valid_from <= ${date}::date) AND (up.valid_to IS NULL OR up.valid_to >= ${date}::date)`;

/** The units a unit that did not exist on `date` came from, as they stood then (through any chain of reorganisations). */
async function predecessorsOn(db: Queryable, unit: UnitRow, date: string): Promise<number[]> {
  const found: number[] = [];
  const seen = new Set([unit.id]);
  let frontier = [unit.id];
  while (frontier.length) {
    const links = await db
      .select({ from: unitLineage.fromUnitId })
      .from(unitLineage)
      .where(and(inArray(unitLineage.toUnitId, frontier), ne(unitLineage.fromUnitId, unitLineage.toUnitId)));
    const ids = [...new Set(links.map((l) => l.from))].filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    const rows = ids.length ? await db.select().from(units).where(inArray(units.id, ids)) : [];
    found.push(...rows.filter((u) => existedOn(u, date)).map((u) => u.id));
    frontier = rows.filter((u) => !existedOn(u, date)).map((u) => u.id);
  }
  return found;
}

function currentRegion(db: Queryable, root: UnitRow, date: string): Region {
  return {
    root,
    boundaries: 'current',
    date,
    contains: ({ path }) => sql`${path} LIKE ${`${root.path}%`}`,
    children: async () =>
      (await db.select().from(units).where(eq(units.parentId, root.id)).orderBy(asc(units.code))).map((u) => ({
        id: u.id,
        name: u.name,
        code: u.code,
        open: !u.validTo,
      })),
    child: async (id) => {
      return currentRegion(db, await requireUnit(db, id), date);
    },
    parentName: (unitId) => sql<string | null>`(SELECT p.name FROM units c JOIN units p ON p.id = c.parent_id WHERE c.id = ${unitId})`,
  };
}

async function historicalRegion(db: Queryable, root: UnitRow, date: string): Promise<Region> {
  const starts = existedOn(root, date) ? [root.id] : await predecessorsOn(db, root, date);
  const tree = sql`WITH RECURSIVE tree(id) AS (
      SELECT unnest(${sql.param(starts)}::int[])
      UNION
      SELECT up.unit_id FROM unit_parents up JOIN tree t ON up.parent_id = t.id WHERE ${validOn(date)}
    ) SELECT id FROM tree`;
  return {
    root,
    boundaries: 'historical',
    date,
    contains: ({ id }) => sql`${id} IN (${tree})`,
    children: async () => {
      const result = await db.execute<{ id: number; name: string; code: string }>(sql`
        SELECT u.id, u.name, u.code FROM unit_parents up JOIN units u ON u.id = up.unit_id
        WHERE up.parent_id = ANY(${sql.param(starts)}::int[]) AND ${validOn(date)} ORDER BY u.code`);
      return result.rows.map((r) => ({ ...r, open: true }));
    },
    child: async (id) => {
      return historicalRegion(db, await requireUnit(db, id), date);
    },
    parentName: (unitId) =>
      sql<string | null>`(SELECT p.name FROM unit_parents up JOIN units p ON p.id = up.parent_id WHERE up.unit_id = ${unitId} AND ${validOn(date)} LIMIT 1)`,
  };
}

export async function reportRegion(db: Queryable, input: { unitId: number; year: number; boundaries?: Boundaries }): Promise<Region> {
  const root = await requireUnit(db, input.unitId);
  const endOfYear = `${input.year}-12-31`;
  const date = root.validTo && root.validTo < endOfYear ? root.validTo : endOfYear;
  return input.boundaries === 'historical' ? historicalRegion(db, root, date) : currentRegion(db, root, date);
}
