/** Unit rows → API objects. Rows never leave the app layer unpresented. */
import type { units } from '../../db/schema';

type UnitRow = typeof units.$inferSelect;

export const presentUnitBrief = (u: Pick<UnitRow, 'id' | 'name' | 'kind' | 'parentId'>) => ({
  id: u.id, name: u.name, kind: u.kind, parentId: u.parentId,
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
  mountainous: u.mountainous,
  especiallyDifficult: u.especiallyDifficult,
  validFrom: u.validFrom,
  validTo: u.validTo,
});
