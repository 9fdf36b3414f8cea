/** After a merge, the new unit's report for an earlier year counts the areas of the units it came from; lineage is kept. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeUnit, mergeUnits, renameUnit } from '../../src/app/reorganize/reorganize';
import { programSummary } from '../../src/app/reports/summary';
import type { Database } from '../../src/db/client';
import { unitLineage, unitParents, units } from '../../src/db/schema';
import { loadDemo } from '../../src/demo/load';
import { openTestDatabase } from '../support/db';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); await loadDemo(database.db); });
afterAll(async () => { await database?.close(); });

describe('reorganisation (the 2025 reform, illustrated)', () => {
  it('merging two wards into a new ward of the province keeps their areas, history and lineage', async () => {
    const { db } = database;
    const { target } = await mergeUnits(db, null, {
      date: '2025-07-01', into: 'Tỉnh Lai Châu > Phường Tân Phong',
      from: ['Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong', 'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Quyết Thắng'],
      legalBasis: 'Minh họa cải cách 2025',
    });
    const before = await programSummary(db, { programCode: 'laichau-tqpttd', year: 2024, unitId: target.id });
    expect(before).toMatchObject({ areas: 21, recognized: 10 });
    const tdp5 = (await db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG-TDP05')))[0]!;
    expect(tdp5.path.startsWith(target.path)).toBe(true);
    expect(tdp5.depth).toBe(target.depth + 1);
    const parents = await db.select().from(unitParents).where(eq(unitParents.unitId, tdp5.id));
    expect(parents.map((p) => [p.validFrom, p.validTo])).toEqual([[null, '2025-06-30'], ['2025-07-01', null]]);
    const old = (await db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG')))[0]!;
    expect(old.validTo).toBe('2025-06-30');
    expect(await db.select().from(unitLineage).where(eq(unitLineage.toUnitId, target.id))).toHaveLength(2);
  });

  it('renames a unit, and refuses to close one that still has units under it', async () => {
    const { db } = database;
    await renameUnit(db, null, { date: '2025-07-01', unit: 'LC-TP', name: 'Thành phố Lai Châu (trước 2025)' });
    await expect(closeUnit(db, null, { date: '2025-07-01', unit: 'LC-TP' })).rejects.toThrow('còn 5 đơn vị trực thuộc');
  });
});
