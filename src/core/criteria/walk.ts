/** Small read-only helpers over a criteria set: lookups, applicability, wording. */
import type { AreaKind, CommuneKind, Condition, CriteriaSet, Criterion, Section } from './schema';

export interface AreaProfile {
  area: string;
  kind: AreaKind;
  communeKind?: CommuneKind;
  mountainous?: boolean;
  especiallyDifficult?: boolean;
}

export interface LocatedCriterion {
  section: Section;
  criterion: Criterion;
}

export function flattenCriteria(set: CriteriaSet): LocatedCriterion[] {
  return set.sections.flatMap((section) => section.criteria.map((criterion) => ({ section, criterion })));
}

/** Codes a scorecard may carry: every criterion and every part. */
export function allCriterionCodes(set: CriteriaSet): string[] {
  return flattenCriteria(set).flatMap(({ criterion }) => [criterion.code, ...(criterion.parts ?? []).map((p) => p.code)]);
}

export function matches(when: Condition, profile: AreaProfile): boolean {
  if (when.areaKinds && !when.areaKinds.includes(profile.kind)) return false;
  if (when.communeKinds && (!profile.communeKind || !when.communeKinds.includes(profile.communeKind))) return false;
  if (when.mountainous !== undefined && Boolean(profile.mountainous) !== when.mountainous) return false;
  if (when.especiallyDifficult !== undefined && Boolean(profile.especiallyDifficult) !== when.especiallyDifficult)
    return false;
  return true;
}

export function appliesTo(criterion: Criterion, profile: AreaProfile): boolean {
  return !criterion.appliesTo || matches(criterion.appliesTo, profile);
}

/**
 * The wording an area sees: the common text, then every variant that fits the
 * area (a bản that farms reads one clause of 2.3, a tổ dân phố another).
 */
export function wordingFor(criterion: Criterion, profile: AreaProfile | null): string {
  const variants = criterion.variants ?? [];
  if (!profile) return [criterion.text, ...variants.map((v) => v.text)].join('\n');
  const fitting = variants.filter((v) => matches(v.when, profile)).map((v) => v.text);
  return [criterion.text, ...fitting].join('\n');
}

export function maxPointsOf(criterion: Criterion): number {
  return criterion.kind === 'points' ? (criterion.maxPoints ?? 0) : 0;
}

export function passPointsOf(criterion: Criterion): number {
  return criterion.passPoints ?? maxPointsOf(criterion) / 2;
}
