/**
 * Recognition status of an area for one title in one year, from its history
 * of that same title (seed 001's three columns):
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

/** Reward due for a status, from the programme's amounts (absent = 0 đ). */
export function rewardFor(status: RecognitionStatus, amounts: Partial<Record<RecognitionStatus, number>>): number {
  return amounts[status] ?? 0;
}
