/**
 * BENCH evaluate-100k: 100,000 synthetic areas against laichau-tqpttd,
 * in-process, after the scorecards are built (only evaluation is timed).
 */
import { findBuiltinSet } from '../src/core/criteria/builtin/index';
import { flattenCriteria } from '../src/core/criteria/walk';
import { evaluate } from '../src/core/evaluation/evaluate';
import type { EvaluationContext } from '../src/core/evaluation/types';

/** A small deterministic generator, so every run evaluates the same areas. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticAreas(count: number): EvaluationContext[] {
  const set = findBuiltinSet('laichau-tqpttd')!;
  const criteria = flattenCriteria(set).map(({ criterion }) => criterion);
  const random = mulberry32(2024);
  const kinds = ['thon', 'to-dan-pho', 'ban'] as const;
  return Array.from({ length: count }, (_, i) => {
    const values: EvaluationContext['values'] = {};
    for (const c of criteria) {
      const r = random();
      values[c.code] = r < 0.88 ? true : r < 0.97 ? false : 'na';
    }
    if (random() < 0.02) values['II.2'] = true;
    return { profile: { area: `Khu ${i + 1}`, kind: kinds[i % 3]!, communeKind: i % 2 ? 'xa' : 'phuong' }, values };
  });
}

export function benchEvaluate(): string[] {
  const set = findBuiltinSet('laichau-tqpttd')!;
  const areas = syntheticAreas(100_000);
  let peak = process.memoryUsage().rss;
  evaluate(set, areas[0]!); // warm the compiled-set cache and the JIT on one area
  const started = performance.now();
  let recognized = 0;
  for (let i = 0; i < areas.length; i++) {
    if (evaluate(set, areas[i]!).recognized) recognized++;
    if ((i & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  return [
    `BENCH evaluate-100k ${ms.toFixed(0)} ms`,
    `BENCH evaluate-100k-peak-rss ${(peak / 1024 / 1024).toFixed(0)} MB`,
    `# ${recognized} of ${areas.length} synthetic areas recognised`,
  ];
}
