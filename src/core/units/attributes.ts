/**
 * Attributes of a place that rules can name: "mountainous", "especially
 * difficult" and the like. They are kept per year because they change (a
 * commune leaves the especially-difficult list), and a rule tests them on the
 * subject and on every unit above it: a thôn "thuộc xã đặc biệt khó khăn", a
 * khu dân cư "thuộc thành phố trực thuộc trung ương" (Nghị định 122/2018/NĐ-CP, Điều 5).
 * A province may add its own tags; they need only a lower-case code.
 */
import { fold } from '../text/normalize';

export const PLACE_ATTRIBUTES = {
  'mien-nui': 'miền núi',
  'hai-dao': 'hải đảo',
  'bien-gioi': 'biên giới',
  'dac-biet-kho-khan': 'đặc biệt khó khăn',
  'tp-truc-thuoc-tw': 'thành phố trực thuộc trung ương',
} as const satisfies Record<string, string>;
export type PlaceAttribute = keyof typeof PLACE_ATTRIBUTES;

const ATTRIBUTE_CODE = /^[a-z0-9][a-z0-9-]*$/;

/** The Vietnamese name of an attribute, or its code for a province's own tag. */
export function attributeName(code: string): string {
  return (PLACE_ATTRIBUTES as Record<string, string>)[code] ?? code;
}

const BY_FOLDED_NAME = new Map(Object.entries(PLACE_ATTRIBUTES).map(([code, name]) => [fold(name), code]));
/** Spreadsheet aliases people type for the built-in attributes. */
const ALIASES: Record<string, PlaceAttribute> = {
  'xa dac biet kho khan': 'dac-biet-kho-khan',
  dbkk: 'dac-biet-kho-khan',
  'tp truc thuoc trung uong': 'tp-truc-thuoc-tw',
};

/**
 * An attribute as typed in a spreadsheet: a code ("mien-nui"), a name in any
 * case with or without diacritics ("Miền núi", "mien nui"), or a province's
 * own lower-case tag. Undefined when it cannot be a code.
 */
export function readAttribute(text: string): string | undefined {
  const folded = fold(text).trim();
  if (!folded) return undefined;
  const named = BY_FOLDED_NAME.get(folded) ?? ALIASES[folded];
  if (named) return named;
  const asCode = folded.replace(/\s+/g, '-');
  return ATTRIBUTE_CODE.test(asCode) ? asCode : undefined;
}
