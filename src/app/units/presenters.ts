/** Unit rows → API objects. Rows never leave the app layer unpresented. */
import type { units } from '../../db/schema';

type UnitRow = typeof units.$inferSelect;

/** Enough to pick a unit: many share a name ("Tổ dân phố số 5" in every ward), so the parent's name goes with it, and whether it has closed. */
export const presentUnitBrief = (u: Pick<UnitRow, 'id' | 'name' | 'kind' | 'parentId' | 'validTo'>, parentName: string | null = null) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  parentName,
  closed: u.validTo !== null,
});

export const presentUnit = (u: UnitRow) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  path: u.path,
  households: u.households,
  population: u.population,
  poorHouseholds: u.poorHouseholds,
  validFrom: u.validFrom,
  validTo: u.validTo,
});
