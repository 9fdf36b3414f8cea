/**
 * Whether a title can be reached at all this year, before anything is
 * scored: a level whose rule `requiresHistory` (Bảo Lâm's kiểu mẫu needs
 * tiêu biểu held the year before) is out of reach for an area whose history
 * lacks it, whatever its scorecard. Registration says so when the title is
 * chosen; the server can refuse the same way. Pure: the set, the history and
 * the year in, a Vietnamese sentence (or null) out.
 */
import type { CriteriaSet } from '../criteria/schema';
import { heldConsecutively } from './rules';
import type { HeldTitle } from './types';

/** "Chưa giữ danh hiệu «Khu dân cư tiêu biểu» năm 2025", the engine's own wording, or null when the level may be tried. */
export function levelOutOfReach(set: CriteriaSet, levelCode: string, history: HeldTitle[], year: number): string | null {
  const level = set.levels.find((l) => l.code === levelCode);
  const req = level?.rule.requiresHistory;
  if (!req || heldConsecutively(history, year, req.level, req.consecutiveYears)) return null;
  // The engine's words (evaluate.ts), so the registration screen and the verdict say the same thing.
  const name = [req.level]
    .flat()
    .map((code) => `«${set.levels.find((l) => l.code === code)?.name ?? code}»`)
    .join(' hoặc ');
  const span = req.consecutiveYears === 1 ? `năm ${year - 1}` : `${req.consecutiveYears} năm liền trước`;
  return `Chưa giữ danh hiệu ${name} ${span}`;
}
