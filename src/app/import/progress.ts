/**
 * What an import reports while it works, for the web app's progress bar and
 * the CLI's: the phase and how far into it. Imports call it often; callers
 * decide how often to show it.
 */
import type { ImportProblem } from '../../core/import/sheet';
import { importRefusal, sortProblems } from '../../core/import/sheet';
import { invalid } from '../errors';

export type ImportPhase = 'read' | 'check' | 'write';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export type Progress = (progress: ImportProgress) => void;

/** Reports every `every` steps and at the end, so a 100,000-row file does not send 100,000 events. */
export function stepper(onProgress: Progress | undefined, phase: ImportPhase, total: number, every = 500) {
  onProgress?.({ phase, done: 0, total });
  return (done: number) => {
    if (onProgress && (done % every === 0 || done === total)) onProgress({ phase, done, total });
  };
}

/** Nothing is written: every problem of the file goes back, in Vietnamese, with its place. */
export function refuse(problems: ImportProblem[]): never {
  throw invalid(importRefusal(problems), { problems: sortProblems(problems) });
}
