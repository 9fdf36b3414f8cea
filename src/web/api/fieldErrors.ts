/**
 * A refused form, field by field: the server's validation answer lists its
 * problems as "field: message" (src/server/errors.ts); each goes to the
 * field it names, in Vietnamese. Whatever names no field stays a message of
 * the form. A lost connection is never one of them.
 */
import { ApiError } from './client';

export interface FormProblems {
  fields: Record<string, string>;
  other: string | null;
}

export function formProblems(error: unknown): FormProblems {
  if (!(error instanceof ApiError)) return { fields: {}, other: error instanceof Error ? error.message : String(error) };
  const details = Array.isArray(error.details) ? (error.details as unknown[]).filter((d): d is string => typeof d === 'string') : [];
  const fields: Record<string, string> = {};
  for (const line of details) {
    const m = /^([\w.]+): (.+)$/.exec(line);
    if (m) fields[m[1]!.split('.')[0]!] = m[2]!;
  }
  return { fields, other: Object.keys(fields).length ? null : error.message };
}
