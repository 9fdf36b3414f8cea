/**
 * Calendar days, in one module for the server, the imports, the CLI, the web
 * app and the documents: read as people type them, day first ("20/11/2026",
 * also "20-11-2026", "20.11.2026", "1/3/2026") or ISO ("2026-11-20", what
 * Excel and scripts write); stored and sent as ISO; shown day first
 * ("20/11/2026"). Days of the year (a deadline, a period) are "MM-DD" stored
 * and "31/03" shown.
 *
 * A calendar day has no time zone: everything here works in UTC, so a day
 * never shifts by one where the machine's clock is elsewhere.
 */
import { z } from 'zod';

const DAY_FIRST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;
/** The stored forms: a day exactly YYYY-MM-DD, a day of the year MM-DD. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A Date's calendar day in UTC: "2026-11-20". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether the text is a stored day (YYYY-MM-DD) that exists: "2026-02-31" is not. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  // 31/02 would roll over to March: only a day that exists comes back unchanged.
  return !Number.isNaN(parsed.getTime()) && isoDay(parsed) === text;
}

function dayOf(y: string, m: string, d: string): string | null {
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(day) ? day : null;
}

/**
 * A day as a person types it in a form, day first only: the ISO day, or null.
 * The web's date fields show and take dd/mm/yyyy, and say so when given
 * anything else, so "2026-11-20" there is a mistake to point out, not a day.
 */
export function parseDayFirst(text: string): string | null {
  const m = DAY_FIRST.exec(text);
  return m ? dayOf(m[3]!, m[2]!, m[1]!) : null;
}

/** A day in a file or on the command line, day first or ISO: the ISO day, or null when it is not a day that exists. */
export function parseDate(text: string): string | null {
  const iso = ISO.exec(text);
  return iso ? dayOf(iso[1]!, iso[2]!, iso[3]!) : parseDayFirst(text);
}

/** A stored day in a request or a file: YYYY-MM-DD, and a day that exists. */
export function isoDateSchema(message = 'ngày phải có dạng YYYY-MM-DD') {
  return z.string().regex(ISO_DAY, message).refine(isIsoDate, message);
}

/** "2024-11-18" → { year: 2024, month: 11, day: 18 } (a timestamp's time is ignored). */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** "2024-11-18" (or a timestamp, or a Date) → "18/11/2024". */
export function formatDate(value: string | Date): string {
  const [y, m, d] = (typeof value === 'string' ? value.slice(0, 10) : isoDay(value)).split('-');
  return `${d}/${m}/${y}`;
}

/** The day before a stored day: "2025-07-01" → "2025-06-30". */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return isoDay(d);
}

/* ───────────── Days of the year ───────────── */

/** Whether "MM-DD" is a day of some year (29/02 is: a leap year counts). */
export function isMonthDay(md: string): boolean {
  if (!MONTH_DAY.test(md)) return false;
  const [m, d] = md.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(2024, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "31/03", "31-3", "31.03" → "03-31"; null when it is not a day of the year. */
export function parseDayMonth(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const md = `${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isMonthDay(md) ? md : null;
}

/** "03-31" → "31/03". */
export function formatDayMonth(monthDay: string): string {
  return monthDay.split('-').reverse().join('/');
}
