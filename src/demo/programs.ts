/**
 * Creating a demo programme in one go: the programme, the criteria-set
 * version of each year, its titles with their chain, rewards, targets and
 * deadlines — through the same insert path as `createProgram`
 * (src/app/programs/admin.ts), so the demo is what an administrator enters.
 */
import type { Queryable } from '../db/client';
import { RECOGNITION_STATUSES, type RecognitionStatus } from '../core/cycle/status';
import type { Chain, Deadline } from '../core/programs/settings';
import { insertProgram } from '../app/programs/admin';

export interface DemoProgram {
  code: string;
  name: string;
  ownerUnitId: number;
  description: string;
  /** Criteria-set id per year the programme runs in KDC. */
  years: Array<{ year: number; criteriaSetId: number }>;
  titles: Array<{ code: string; name: string; rank: number; levelCode?: string; chain: Chain }>;
  /** Per title, per status: an amount in đồng, or a coefficient of the base salary. */
  rewards?: Record<string, Partial<Record<RecognitionStatus, number | { coefficient: number }>>>;
  targets?: Array<{ scope: 'year' | 'period'; yearFrom: number; yearTo: number; target: number }>;
  deadlines?: Array<{ step: Deadline['step']; label: string; monthDay: string }>;
  /** Who issues and signs the programme's documents. */
  issuingBody?: string;
  signerName?: string;
  signerTitle?: string;
}

export async function createDemoProgram(tx: Queryable, p: DemoProgram): Promise<number> {
  const rewards = Object.entries(p.rewards ?? {}).flatMap(([titleCode, byStatus]) =>
    RECOGNITION_STATUSES.flatMap((status) => {
      const rule = byStatus[status];
      return rule === undefined ? [] : [{ titleCode, status, ...(typeof rule === 'number' ? { amount: rule } : { coefficient: rule.coefficient }) }];
    }),
  );
  return insertProgram(tx, { ...p, rewards });
}

/** Years as a list: 2021–2026 → [2021, …, 2026]. */
export const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
