/**
 * Reading what a unit carries in a year: its attributes (kept over spans of
 * years) and its figures (kept per year). Rules test the attributes of a
 * subject and of every unit above it, so lookups take many units at once.
 */
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { unitAttributes, unitFigures } from '../../db/schema';
import { inBatches } from '../../db/batch';

/** Attribute codes of each unit in a year. */
export async function attributesInYear(db: Queryable, unitIds: number[], year: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const ids of inBatches([...new Set(unitIds)])) {
    const rows = await db
      .select({ unitId: unitAttributes.unitId, code: unitAttributes.code })
      .from(unitAttributes)
      .where(
        and(
          inArray(unitAttributes.unitId, ids),
          or(isNull(unitAttributes.fromYear), lte(unitAttributes.fromYear, year)),
          or(isNull(unitAttributes.toYear), gte(unitAttributes.toYear, year)),
        ),
      );
    for (const r of rows) out.set(r.unitId, [...new Set([...(out.get(r.unitId) ?? []), r.code])]);
  }
  return out;
}

/** The ids of a unit and every unit above it, from its materialised path ("/1/4/17/" → 1, 4, 17). */
export function selfAndAncestorIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** Figures of each unit for a year, by code. */
export async function figuresInYear(db: Queryable, unitIds: number[], year: number): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  for (const ids of inBatches([...new Set(unitIds)])) {
    for (const r of await db
      .select()
      .from(unitFigures)
      .where(and(inArray(unitFigures.unitId, ids), eq(unitFigures.year, year))))
      out.set(r.unitId, { ...(out.get(r.unitId) ?? {}), [r.code]: r.value });
  }
  return out;
}
