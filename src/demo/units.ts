/** Inserting a unit tree with its materialised paths. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { unitAttributes, unitParents, units } from '../db/schema';
import { fold, nfc } from '../core/text/normalize';
import type { UnitKind } from '../core/units/kinds';

export interface UnitSeed {
  code: string;
  name: string;
  kind: UnitKind;
  households?: number;
  population?: number;
  poorHouseholds?: number;
  /** Attributes of the place over spans of years (src/core/units/attributes.ts). */
  attributes?: Array<{ code: string; fromYear?: number; toYear?: number }>;
  validFrom?: string;
}

export interface InsertedUnit {
  id: number;
  code: string;
  path: string;
  depth: number;
  kind: UnitKind;
  name: string;
}

/** Inserts children under one parent (or roots) in one statement, then sets their paths. */
export async function insertUnits(db: Queryable, parent: InsertedUnit | null, seeds: UnitSeed[]): Promise<InsertedUnit[]> {
  if (!seeds.length) return [];
  const depth = parent ? parent.depth + 1 : 0;
  const rows = await db
    .insert(units)
    .values(
      seeds.map((s) => ({
        code: s.code,
        name: nfc(s.name),
        nameFolded: fold(s.name),
        kind: s.kind,
        parentId: parent?.id ?? null,
        path: '',
        depth,
        households: s.households ?? null,
        population: s.population ?? null,
        poorHouseholds: s.poorHouseholds ?? null,
        validFrom: s.validFrom ?? null,
      })),
    )
    .returning({ id: units.id, code: units.code, kind: units.kind, name: units.name });
  const prefix = parent?.path ?? '/';
  await db
    .update(units)
    .set({ path: sql`${prefix} || ${units.id}::text || '/'` })
    .where(
      inArray(
        units.id,
        rows.map((r) => r.id),
      ),
    );
  await db.insert(unitParents).values(rows.map((r, i) => ({ unitId: r.id, parentId: parent?.id ?? null, validFrom: seeds[i]!.validFrom ?? null })));
  const attributes = rows.flatMap((r, i) =>
    (seeds[i]!.attributes ?? []).map((a) => ({ unitId: r.id, code: a.code, fromYear: a.fromYear ?? null, toYear: a.toYear ?? null })),
  );
  if (attributes.length) await db.insert(unitAttributes).values(attributes);
  return rows.map((r) => ({ ...r, path: `${prefix}${r.id}/`, depth }));
}

export async function unitByCode(db: Queryable, code: string) {
  const [unit] = await db.select().from(units).where(eq(units.code, code));
  return unit;
}
