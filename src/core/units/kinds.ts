/**
 * Kinds of administrative unit and their tiers. A merge joins units of one
 * tier (the 2025 reform merged xã and phường into new phường), so the tier,
 * not the kind, is what must match; a new unit's kind is read from its name
 * ("Phường Tân Phong" is a phường) where the name says it.
 */
import { fold } from '../text/normalize';

export const UNIT_KIND_NAMES: Record<string, string> = {
  tinh: 'tỉnh', huyen: 'huyện', 'thanh-pho': 'thành phố', 'thi-xa': 'thị xã', xa: 'xã', phuong: 'phường', 'thi-tran': 'thị trấn',
  'dac-khu': 'đặc khu', thon: 'thôn', 'to-dan-pho': 'tổ dân phố', ban: 'bản',
};
const KIND_BY_FOLDED = Object.fromEntries(Object.entries(UNIT_KIND_NAMES).map(([kind, name]) => [fold(name), kind]));

export type UnitTier = 'province' | 'district' | 'commune' | 'area';
const TIER: Record<string, UnitTier> = {
  tinh: 'province', huyen: 'district', 'thanh-pho': 'district', 'thi-xa': 'district',
  xa: 'commune', phuong: 'commune', 'thi-tran': 'commune', 'dac-khu': 'commune', thon: 'area', 'to-dan-pho': 'area', ban: 'area',
};

/** "Tổ dân phố", "to-dan-pho", "TO DAN PHO" → "to-dan-pho". */
export function unitKind(text: string): string | undefined {
  return KIND_BY_FOLDED[fold(text).replace(/-/g, ' ')];
}

export function unitTier(kind: string): UnitTier | undefined {
  return TIER[kind];
}

/** The kind a name begins with: "Phường Tân Phong" → "phuong", "Bản Mới" → "ban"; undefined when it does not say. */
export function kindFromName(name: string): string | undefined {
  const folded = fold(name);
  const match = Object.keys(KIND_BY_FOLDED).sort((a, b) => b.length - a.length).find((k) => folded === k || folded.startsWith(`${k} `));
  return match ? KIND_BY_FOLDED[match] : undefined;
}
