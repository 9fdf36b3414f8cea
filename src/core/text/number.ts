/**
 * Reading numbers as Vietnamese spreadsheets write them: "98,5" and "98.5"
 * are both 98.5, "1.200" is 1200, "98%" is 98. Vietnamese uses a comma for
 * decimals and a dot for thousands; files exported from English Excel use
 * the reverse: a lone dot followed by groups of three digits is a thousands
 * mark, a lone comma is always the decimal mark (Vietnamese first).
 */
const THOUSANDS_DOT = /^-?\d{1,3}(\.\d{3})+$/;
const THOUSANDS_COMMA = /^-?\d{1,3}(,\d{3})+$/;

/** The number a cell's text stands for, or null when it is not a number. */
export function parseLocaleNumber(text: string): number | null {
  let s = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '');
  if (!s || !/^-?[\d.,]+$/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    // Both: the later one is the decimal separator.
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (dots > 1 || THOUSANDS_DOT.test(s)) {
    if (!THOUSANDS_DOT.test(s)) return null;
    s = s.replace(/\./g, '');
  } else if (commas > 1) {
    // "1,200,000" from an English export; a single comma is always the Vietnamese decimal mark.
    if (!THOUSANDS_COMMA.test(s)) return null;
    s = s.replace(/,/g, '');
  } else {
    s = s.replace(',', '.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
