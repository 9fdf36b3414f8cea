/**
 * Kinds of administrative unit and their tiers. A merge joins units of one
 * tier (the 2025 reform merged xã and phường into new phường), so the tier,
 * not the kind, is what must match; a new unit's kind is read from its name
 * ("Phường Tân Phong" is a phường) where the name says it.
 */
import { isOneOf } from '../one-of';
import { fold } from '../text/normalize';

/**
 * Every kind a unit may have: the one list the database column is typed by
 * (src/db/schema.ts), the imports check and the criteria format names.
 */
export const UNIT_KINDS = ['tinh', 'huyen', 'thanh-pho', 'thi-xa', 'xa', 'phuong', 'thi-tran', 'dac-khu', 'thon', 'to-dan-pho', 'ban', 'tuyen-pho'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Residential areas (thôn, tổ dân phố, bản), communes and wards, streets: the kinds a programme recognises. */
export const AREA_KINDS = ['thon', 'to-dan-pho', 'ban'] as const satisfies readonly UnitKind[];
export const COMMUNE_KINDS = ['xa', 'phuong', 'thi-tran', 'dac-khu'] as const satisfies readonly UnitKind[];
export const STREET_KINDS = ['tuyen-pho'] as const satisfies readonly UnitKind[];
export type AreaKind = (typeof AREA_KINDS)[number];
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  tinh: 'tỉnh',
  huyen: 'huyện',
  'thanh-pho': 'thành phố',
  'thi-xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
  'dac-khu': 'đặc khu',
  thon: 'thôn',
  'to-dan-pho': 'tổ dân phố',
  ban: 'bản',
  'tuyen-pho': 'tuyến phố',
};
const KIND_BY_FOLDED = new Map<string, UnitKind>(UNIT_KINDS.map((kind) => [fold(UNIT_KIND_NAMES[kind]), kind]));

/** A street (tuyến phố văn minh đô thị) is recorded under its ward, beside the areas. */
export type UnitTier = 'province' | 'district' | 'commune' | 'area' | 'street';
const TIER: Record<UnitKind, UnitTier> = {
  tinh: 'province',
  huyen: 'district',
  'thanh-pho': 'district',
  'thi-xa': 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi-tran': 'commune',
  'dac-khu': 'commune',
  thon: 'area',
  'to-dan-pho': 'area',
  ban: 'area',
  'tuyen-pho': 'street',
};

/** "Tổ dân phố", "to-dan-pho", "TO DAN PHO" → "to-dan-pho". */
export function unitKind(text: string): UnitKind | undefined {
  return KIND_BY_FOLDED.get(fold(text).replace(/-/g, ' '));
}

export function unitTier(kind: string): UnitTier | undefined {
  return isOneOf(UNIT_KINDS, kind) ? TIER[kind] : undefined;
}

/** The kind a name begins with: "Phường Tân Phong" → "phuong", "Bản Mới" → "ban"; undefined when it does not say. */
export function kindFromName(name: string): UnitKind | undefined {
  const folded = fold(name);
  const match = [...KIND_BY_FOLDED.keys()].sort((a, b) => b.length - a.length).find((k) => folded === k || folded.startsWith(`${k} `));
  return match ? KIND_BY_FOLDED.get(match) : undefined;
}
