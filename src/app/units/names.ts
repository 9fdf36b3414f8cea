/**
 * Unit names people can tell apart (issue 12, finding 20). A name that looks
 * like another — "Tổ dân phố З" with a Cyrillic З, a zero-width space in
 * "Phường Tân<U+200B>Phong" — would sit beside the real unit and collect its
 * records by mistake or on purpose. Vietnamese names, Kinh and ethnic
 * minority alike, are written in Latin letters: a letter of another script,
 * an invisible character or a stray combining mark is refused, and the
 * message names the character and its code so it can be found and removed.
 * Pure: used by unit creation, renaming and import.
 */
import { nfc } from '../../core/text/normalize';

const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/u, 'chữ Kirin (Nga)'],
  [/\p{Script=Greek}/u, 'chữ Hy Lạp'],
  [/\p{Script=Armenian}/u, 'chữ Armenia'],
  [/\p{Script=Han}/u, 'chữ Hán'],
];

const NAMED: Record<string, string> = {
  '\u200b': 'khoảng trắng độ rộng bằng 0',
  '\u200c': 'ký tự không nối độ rộng bằng 0',
  '\u200d': 'ký tự nối độ rộng bằng 0',
  '\u2060': 'ký tự nối từ vô hình',
  '\ufeff': 'dấu BOM vô hình',
  '\u00ad': 'gạch nối mềm vô hình',
};

const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;
const ODD_SPACE = /[^\S ]/u; // any space but the ordinary one (a tab, a no-break space, an ideographic space)

/** Why a name may not be used, in Vietnamese naming the character; null when it is fine. */
export function unitNameProblem(name: string): string | null {
  for (const ch of nfc(name)) {
    if (INVISIBLE.test(ch)) {
      const what = NAMED[ch] ?? (/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(ch) ? 'ký tự điều khiển hướng chữ' : 'ký tự vô hình hoặc điều khiển');
      return `tên "${name}" có ${what} (${codeOf(ch)}); hãy gõ lại tên, không dán từ nơi khác`;
    }
    if (ODD_SPACE.test(ch)) return `tên "${name}" có khoảng trắng lạ (${codeOf(ch)}); chỉ dùng dấu cách thường`;
    if (/\p{M}/u.test(ch)) return `tên "${name}" có dấu thanh, dấu phụ không gắn với chữ nào (${codeOf(ch)}); hãy gõ lại tên`;
    if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) {
      const script = SCRIPTS.find(([re]) => re.test(ch))?.[1] ?? 'chữ không phải chữ Latinh';
      return `tên "${name}" có chữ "${ch}" (${codeOf(ch)}, ${script}) trông giống chữ tiếng Việt; tên đơn vị chỉ dùng chữ cái tiếng Việt`;
    }
  }
  return null;
}
