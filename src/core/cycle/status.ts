/**
 * Recognition status of an area for one title in one year, from its history
 * of that same title (the three columns of Báo cáo 299-BC/HU, Huyện ủy Bảo Lâm):
 *   lần đầu        — never held this title before;
 *   giữ vững       — held this title the previous year;
 *   công nhận lại  — held it in an earlier year, but not the previous one.
 */
export const RECOGNITION_STATUSES = ['lan-dau', 'giu-vung', 'cong-nhan-lai'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export const STATUS_LABELS: Record<RecognitionStatus, string> = {
  'lan-dau': 'Công nhận lần đầu',
  'giu-vung': 'Giữ vững',
  'cong-nhan-lai': 'Công nhận lại',
};

/** `yearsHeld`: the years in which the area held this title, before or after `year` (later years are ignored). */
export function recognitionStatus(year: number, yearsHeld: Iterable<number>): RecognitionStatus {
  let earlier = false;
  for (const y of yearsHeld) {
    if (y === year - 1) return 'giu-vung';
    if (y < year) earlier = true;
  }
  return earlier ? 'cong-nhan-lai' : 'lan-dau';
}

/** A reward as a programme sets it: an amount in đồng, or a coefficient of the base salary (mức lương cơ sở). */
export interface RewardRule {
  amount: number;
  coefficient?: number | null;
}

/**
 * Reward due for a status (absent = 0 đ). A coefficient is applied to the base
 * salary in force on the decision's date and rounded to the đồng; without a
 * known base salary it is 0 rather than a guess.
 */
export function rewardFor(status: RecognitionStatus, rules: Partial<Record<RecognitionStatus, number | RewardRule>>, baseSalary?: number | null): number {
  const rule = rules[status];
  if (rule === undefined) return 0;
  if (typeof rule === 'number') return rule;
  if (rule.coefficient) return baseSalary ? Math.round(rule.coefficient * baseSalary) : 0;
  return rule.amount;
}
