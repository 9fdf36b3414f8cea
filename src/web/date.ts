/**
 * Dates as Vietnamese people write them, day first: "01/03/2026" (also
 * "1/3/2026", "01-03-2026", "01.03.2026") to the ISO day the API takes.
 * A plain text field: no date-picker package, and typing is quicker on a phone.
 */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  // 31/02 would roll over to March: only a day that exists comes back unchanged.
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso ? iso : null;
}
