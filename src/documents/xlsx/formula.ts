/**
 * Text that a spreadsheet could take for a formula (issue 12, finding 22).
 * KDC writes values only, but a cell holding "=HYPERLINK(…)" or "+cmd|…"
 * becomes a live formula as soon as someone edits it in Excel or saves the
 * sheet as CSV and opens it again. Every text cell we write goes through
 * `cellText`, which puts an apostrophe before such text — Excel's own sign
 * for "this is text" — and `readCellText` takes that apostrophe off again,
 * so a template sent back unchanged imports unchanged.
 */

const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*(?:[.,]\d+)?%?$/;

/** True when a spreadsheet would read the text as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 1 && TRIGGER.test(text) && !PLAIN_NUMBER.test(text);
}

/** The value to put in a cell: text that looks like a formula gets a leading apostrophe; anything else as it is. */
export function cellText<T>(value: T): T | string {
  return typeof value === 'string' && looksLikeFormula(value) ? `'${value}` : value;
}

/** What a person meant by a cell we wrote: the neutralising apostrophe removed. */
export function readCellText(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
