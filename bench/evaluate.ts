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
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
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

/**
 * The floor: the same areas encoded beforehand as bytes (1 đạt, 2 không đạt,
 * 0 không áp dụng), judged by a hand-written loop over typed arrays — per
 * standard the share of applicable criteria passed against its bar, and the
 * disqualifying cases. No reasons, no profile rules: what the machine needs at
 * least to look at every value once.
 */
function floorLoop(set: NonNullable<ReturnType<typeof findBuiltinSet>>, areas: EvaluationContext[]): { ms: number; recognized: number } {
  const located = flattenCriteria(set);
  const n = located.length;
  const sectionOf = new Uint8Array(n);
  const sections = set.sections.map((s) => s.code);
  located.forEach(({ section }, i) => {
    sectionOf[i] = sections.indexOf(section.code);
  });
  const rule = set.levels[0]!.rule;
  const bars = new Float64Array(sections.map((code) => rule.sectionPassPercent?.[code] ?? rule.minSectionPassPercent ?? 0));
  const cases = (set.disqualifiers ?? []).map((d) => d.code);
  const values = new Uint8Array(areas.length * n);
  const disqualified = new Uint8Array(areas.length);
  areas.forEach((area, a) => {
    located.forEach(({ criterion }, i) => {
      const v = area.values[criterion.code];
      values[a * n + i] = v === true ? 1 : v === false ? 2 : 0;
    });
    disqualified[a] = cases.some((c) => area.values[c] === true) ? 1 : 0;
  });
  const passed = new Uint16Array(sections.length);
  const applicable = new Uint16Array(sections.length);
  const started = performance.now();
  let recognized = 0;
  for (let a = 0; a < areas.length; a++) {
    passed.fill(0);
    applicable.fill(0);
    const base = a * n;
    for (let i = 0; i < n; i++) {
      const v = values[base + i]!;
      if (v === 0) continue;
      applicable[sectionOf[i]!]!++;
      if (v === 1) passed[sectionOf[i]!]!++;
    }
    let ok = disqualified[a] === 0;
    for (let s = 0; ok && s < sections.length; s++) if (applicable[s]! > 0 && (passed[s]! * 100) / applicable[s]! < bars[s]!) ok = false;
    if (ok) recognized++;
  }
  return { ms: performance.now() - started, recognized };
}

/** Best of a few runs: the machine's other work only ever adds time, so the least is the truest. */
const RUNS = 3;

export function benchEvaluate(): string[] {
  const set = findBuiltinSet('laichau-tqpttd')!;
  const areas = syntheticAreas(100_000);
  let peak = process.memoryUsage().rss;
  evaluate(set, areas[0]!); // warm the compiled-set cache and the JIT on one area
  let ms = Infinity;
  let recognized = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    recognized = 0;
    for (let i = 0; i < areas.length; i++) {
      if (evaluate(set, areas[i]!).recognized) recognized++;
      if ((i & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    ms = Math.min(ms, performance.now() - started);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const floors = Array.from({ length: RUNS }, () => floorLoop(set, areas));
  const floor = { ms: Math.min(...floors.map((f) => f.ms)), recognized: floors[0]!.recognized };
  return [
    `BENCH evaluate-100k ${ms.toFixed(0)} ms`,
    `BENCH evaluate-100k-floor ${floor.ms.toFixed(1)} ms`,
    `# engine / floor: ${(ms / floor.ms).toFixed(1)}× (best of ${RUNS} runs each); the floor recognises ${floor.recognized}`,
    `BENCH evaluate-100k-peak-rss ${(peak / 1024 / 1024).toFixed(0)} MB`,
    `# ${recognized} of ${areas.length} synthetic areas recognised`,
  ];
}
