/**
 * Vietnamese presentation of numbers and money: 2.000.000 đ, 85,7%. One
 * place, so screens, documents and the CLI print alike; dates are ./date.ts.
 */
const groupVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return groupVi.format(value);
}

/** 0.75 → "75%", 6/7 → "85,7%". Takes a ratio, rounds to one decimal. */
export function formatPercentOfRatio(ratio: number): string {
  return `${formatNumber(Math.round(ratio * 1000) / 10)}%`;
}

export function formatPercent(percent: number): string {
  return `${formatNumber(percent)}%`;
}

export function formatMoney(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount)} đ`;
}

/** One decimal, as a number, for JSON figures: 35/32 → 109.4. */
export function percentOneDecimal(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part * 1000) / whole) / 10;
}
