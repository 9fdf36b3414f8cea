/** Small read-only helpers over a criteria set: lookups, applicability, wording. */
import { isOneOf } from '../one-of';
import type { CommuneKind } from '../units/kinds';
import type { Condition, CriteriaSet, Criterion, CriterionPart, Section } from './schema';

/**
 * What rules may know of the subject evaluated (an area, a commune or a street):
 * its name and kind, the kind of its commune, and the attributes it and every
 * unit above it carry in the year evaluated.
 */
export interface AreaProfile {
  area: string;
  /** The subject's unit kind: "to-dan-pho", "ban", "thon"; "xa", "phuong" for a commune; "tuyen-pho". */
  kind: string;
  /** The commune the subject is in, or the commune itself. */
  communeKind?: CommuneKind;
  /** Shorthands kept for the `kdc evaluate` contract: the same as the attributes "mien-nui", "dac-biet-kho-khan". */
  mountainous?: boolean;
  especiallyDifficult?: boolean;
  /** Attribute codes of the subject and of every unit above it (src/core/units/attributes.ts). */
  attributes?: readonly string[];
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

/** True when the subject or a unit above it carries the attribute. */
export function hasAttribute(profile: AreaProfile, attribute: string): boolean {
  if (attribute === 'mien-nui' && profile.mountainous) return true;
  if (attribute === 'dac-biet-kho-khan' && profile.especiallyDifficult) return true;
  return profile.attributes?.includes(attribute) ?? false;
}

export function matches(when: Condition, profile: AreaProfile): boolean {
  if (when.areaKinds && !isOneOf(when.areaKinds, profile.kind)) return false;
  if (when.communeKinds && (!profile.communeKind || !when.communeKinds.includes(profile.communeKind))) return false;
  if (when.mountainous !== undefined && hasAttribute(profile, 'mien-nui') !== when.mountainous) return false;
  if (when.especiallyDifficult !== undefined && hasAttribute(profile, 'dac-biet-kho-khan') !== when.especiallyDifficult) return false;
  const a = when.attributes;
  if (a) {
    const has = (code: string) => hasAttribute(profile, code);
    if (a.anyOf && !a.anyOf.some(has)) return false;
    if (a.allOf && !a.allOf.every(has)) return false;
    if (a.noneOf && a.noneOf.some(has)) return false;
  }
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
  return wordingParts(criterion, profile)
    .map((w) => (w.lead ? `${w.lead} ${w.text}`.trim() : w.text))
    .filter(Boolean)
    .join('\n');
}

/**
 * The same wording as lines that keep the set's own words (`lead`) apart from
 * the document's, so a screen or a document can show which is which.
 */
export function wordingParts(item: Criterion | CriterionPart, profile: AreaProfile | null): Array<{ lead?: string; text: string }> {
  const lines: Array<{ lead?: string; text: string }> = [];
  if (item.lead || item.text) lines.push({ lead: item.lead, text: item.text });
  const variants = 'variants' in item ? (item.variants ?? []) : [];
  for (const v of variants) if (!profile || matches(v.when, profile)) lines.push({ lead: v.lead, text: v.text });
  return lines;
}

/** A points criterion's maximum: its own, or the sum of its points parts' maxima. */
export function maxPointsOf(criterion: Criterion | CriterionPart): number {
  if (criterion.kind !== 'points') return 0;
  if (criterion.maxPoints !== undefined) return criterion.maxPoints;
  const parts = 'parts' in criterion ? (criterion.parts ?? []) : [];
  return parts.reduce((sum, p) => sum + maxPointsOf(p), 0);
}

/** Criteria judged from KDC's records rather than typed: held another title, a share of units holding one, or a figure. */
export function judgedFromRecords(item: Criterion | CriterionPart): 'title' | 'share' | 'figures' | null {
  if (item.kind === 'title') return 'title';
  if (item.kind === 'title-share') return 'share';
  if (item.kind === 'quantity' && item.quantity?.from) return 'figures';
  return null;
}

export function passPointsOf(criterion: Criterion): number {
  return criterion.passPoints ?? maxPointsOf(criterion) / 2;
}
