/**
 * Figures a unit keeps per year, counted rather than listed: households are not
 * registered one by one in KDC, but each area records how many it has and how
 * many hold "Gia đình văn hóa", and criteria such as "≥ 80% hộ đạt gia đình văn
 * hóa" are computed from them. A province may keep other figures under its own codes.
 */
export const UNIT_FIGURES = {
  ho: 'Số hộ',
  'ho-gia-dinh-van-hoa': 'Số hộ đạt danh hiệu “Gia đình văn hóa”',
} as const satisfies Record<string, string>;

export function figureName(code: string): string {
  return (UNIT_FIGURES as Record<string, string>)[code] ?? code;
}
