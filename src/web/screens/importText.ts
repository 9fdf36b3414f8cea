/** What the import screen says: the progress label and the summary of a result, in the user's language. */
import type { ImportProblem } from '../../core/import/sheet';
import { fill } from '../i18n/index';
import type { Dictionary } from '../i18n/vi';

export const IMPORT_KINDS = ['units', 'history', 'scorecards'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The lines the server streams (src/server/routes/imports.ts). */
export type ImportEvent =
  | { type: 'progress'; phase: 'read' | 'check' | 'write'; done: number; total: number }
  | { type: 'done'; result: Record<string, number> }
  | { type: 'error'; error: { code: string; message: string; details?: { problems?: ImportProblem[] } } };

/** Where the import stands: the upload first (measured in the browser), then the server's phases. */
export interface ImportStep {
  phase: 'upload' | 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export function stepLabel(step: ImportStep, t: Dictionary): string {
  switch (step.phase) {
    case 'upload':
      return fill(t.importUploading, { percent: `${stepPercent(step)}%` });
    case 'read':
      return t.importReading;
    case 'check':
      return fill(t.importChecking, { done: step.done, total: step.total });
    case 'write':
      return fill(t.importWriting, { done: step.done, total: step.total });
  }
}

export function stepPercent(step: ImportStep): number {
  if (step.phase === 'read' || !step.total) return 100;
  return Math.min(100, Math.round((step.done / step.total) * 100));
}

/** Which counts of each result are worth a word, in the order a reader wants them. */
const PARTS: Record<ImportKind, Array<[string, keyof Dictionary]>> = {
  units: [
    ['created', 'importUnitsCreated'],
    ['updated', 'importUnitsUpdated'],
  ],
  history: [
    ['inserted', 'importInserted'],
    ['recomputed', 'importRecomputed'],
  ],
  scorecards: [
    ['registrationsCreated', 'importRegistrationsCreated'],
    ['registrationsUpdated', 'importRegistrationsUpdated'],
    ['valuesWritten', 'importValuesWritten'],
    ['verdicts', 'importVerdicts'],
    ['submitted', 'importSubmitted'],
  ],
};

/** "Đã nhập 72 dòng: 5 đơn vị mới, 2 đơn vị cập nhật." — counts of zero are left out; nothing at all is said plainly. */
export function importSummary(kind: ImportKind, result: Record<string, number>, t: Dictionary): string {
  const rows = result.rows ?? 0;
  if (!rows) return t.importEmpty;
  const parts = PARTS[kind].filter(([key]) => (result[key] ?? 0) > 0).map(([key, word]) => fill(t[word], { n: result[key]! }));
  if (!parts.length) return fill(t.importNothing, { n: rows });
  return `${fill(t.importRows, { n: rows })}: ${parts.join(', ')}.`;
}

/** The first line of the server's refusal ("Tệp có 3 lỗi, chưa ghi gì vào hệ thống:") as a title, without its colon. */
export const firstLine = (message: string) => message.split('\n')[0]!.replace(/:\s*$/, '');
