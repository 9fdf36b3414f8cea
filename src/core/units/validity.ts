/**
 * When a unit existed: from `validFrom` to `validTo`, both calendar days
 * (YYYY-MM-DD), either open-ended. One place, so imports, templates and
 * reports agree on which units a year or a day has.
 */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

export function existedOn(unit: Validity, date: string): boolean {
  return (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || unit.validTo >= date);
}

/** At some point of the year. */
export function existedInYear(unit: Validity, year: number): boolean {
  return (!unit.validFrom || unit.validFrom <= `${year}-12-31`) && (!unit.validTo || unit.validTo >= `${year}-01-01`);
}
