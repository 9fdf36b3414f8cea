/** Threshold arithmetic shared by the verdict and the gap, so the two can never disagree. */
import type { LevelRule, PointsBar } from '../criteria/schema';
import { matches, type AreaProfile } from '../criteria/walk';

export type Thresholds = Pick<LevelRule, 'minSectionPassPercent' | 'sectionPassPercent' | 'minTotalPoints' | 'minSectionPoints'>;

/**
 * The bars of a rule, and of a rule with one override laid over them, are the
 * same for every area they fit: made once and shared (frozen), so judging
 * 100,000 areas allocates no thresholds at all.
 */
const baseBars = new WeakMap<LevelRule, Readonly<Thresholds>>();
const overriddenBars = new WeakMap<object, Readonly<Thresholds>>();

function barsOf(rule: LevelRule): Readonly<Thresholds> {
  let bars = baseBars.get(rule);
  if (!bars) {
    bars = Object.freeze({
      minSectionPassPercent: rule.minSectionPassPercent,
      sectionPassPercent: rule.sectionPassPercent,
      minTotalPoints: rule.minTotalPoints,
      minSectionPoints: rule.minSectionPoints,
    });
    baseBars.set(rule, bars);
  }
  return bars;
}

/** The rule's bars, with the first override whose condition fits the area laid over them. */
export function effectiveThresholds(rule: LevelRule, profile: AreaProfile): Readonly<Thresholds> {
  const base = barsOf(rule);
  const override = rule.overrides?.find((o) => matches(o.when, profile));
  if (!override) return base;
  let merged = overriddenBars.get(override);
  if (!merged) {
    const { when: _when, ...bars } = override;
    merged = Object.freeze({ ...base, ...Object.fromEntries(Object.entries(bars).filter(([, v]) => v !== undefined)) });
    overriddenBars.set(override, merged);
  }
  return merged;
}

/** Percent as an integer number of hundredths of a percent: 80 → 8000, 66.67 → 6667. */
function hundredths(percent: number): number {
  return Math.round(percent * 100);
}

/** passed/applicable ≥ percent, in integers. An empty section (all "na") meets any bar. */
export function meetsShare(passed: number, applicable: number, percent: number): boolean {
  if (applicable === 0) return true;
  return passed * 10_000 >= hundredths(percent) * applicable;
}

/** The fewest passes out of `applicable` that meet `percent`. */
export function passesNeeded(applicable: number, percent: number): number {
  return Math.ceil((hundredths(percent) * applicable) / 10_000);
}

/** A points bar in points: absolute, or a share of the maximum available. */
export function pointsBarValue(bar: PointsBar, maxPoints: number): number {
  return bar.as === 'points' ? bar.value : (bar.value * maxPoints) / 100;
}
