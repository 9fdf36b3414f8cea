/**
 * Properties of the engine on the real Lai Châu set, over random scorecards:
 * passing one more criterion never loses a title, and the reasons name
 * exactly the criteria that failed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../criteria/builtin/index';
import { flattenCriteria } from '../criteria/walk';
import { evaluate } from './evaluate';
import type { CriterionValue } from './types';

const set = findBuiltinSet('laichau-tqpttd')!;
const criteria = flattenCriteria(set).map(({ criterion }) => criterion);

/** A random but valid value for each criterion: mostly đạt, sometimes không đạt or na; numbers for quantities. */
function valueArb(c: (typeof criteria)[number]): fc.Arbitrary<CriterionValue> {
  const bools = fc.constantFrom<CriterionValue>(true, true, true, false, 'na');
  if (c.kind === 'quantity' && c.quantity) {
    const q = c.quantity;
    const numbers = q.measure === 'percent' ? fc.integer({ min: 80, max: 100 }) : fc.integer({ min: 0, max: 3 });
    return fc.oneof(bools, numbers);
  }
  return bools;
}

const scorecardArb = fc.record(Object.fromEntries(criteria.map((c) => [c.code, valueArb(c)]))) as fc.Arbitrary<Record<string, CriterionValue>>;
const disqualifiersArb = fc.record({ 'II.1': fc.boolean(), 'II.2': fc.boolean(), 'II.3': fc.boolean(), 'II.4': fc.boolean() });
const profileArb = fc.record({
  area: fc.constant('Khu thử'),
  kind: fc.constantFrom('thon' as const, 'to-dan-pho' as const, 'ban' as const),
  communeKind: fc.constantFrom('xa' as const, 'phuong' as const),
});

/** The value that passes a criterion outright. */
function passing(c: (typeof criteria)[number]): CriterionValue {
  return c.kind === 'quantity' && c.quantity && !c.parts ? (c.quantity.min ?? c.quantity.max ?? 0) : true;
}

describe('engine properties (laichau-tqpttd)', () => {
  it('passing one more criterion never loses the title', () => {
    fc.assert(
      fc.property(profileArb, scorecardArb, disqualifiersArb, fc.nat(criteria.length - 1), (profile, values, disq, index) => {
        const criterion = criteria[index]!;
        const before = evaluate(set, { profile, values: { ...values, ...disq } });
        const after = evaluate(set, { profile, values: { ...values, ...disq, [criterion.code]: passing(criterion) } });
        if (before.recognized) expect(after.recognized).toBe(true);
        expect(after.sections.filter((s) => s.ok).length).toBeGreaterThanOrEqual(before.sections.filter((s) => s.ok).length);
      }),
      { numRuns: 500 },
    );
  });

  it('reasons name exactly the failing criteria', () => {
    fc.assert(
      fc.property(profileArb, scorecardArb, disqualifiersArb, (profile, values, disq) => {
        const v = evaluate(set, { profile, values: { ...values, ...disq } });
        const named = new Set(v.reasons.flatMap((r) => [...r.matchAll(/^Tiêu chí (\d+\.\d+) không đạt/g)].map((m) => m[1])));
        const failing = criteria
          .filter((c) => {
            const value = values[c.code];
            if (value === false) return true;
            if (typeof value === 'number' && c.quantity) {
              return (c.quantity.min !== undefined && value < c.quantity.min) || (c.quantity.max !== undefined && value > c.quantity.max);
            }
            return false;
          })
          .map((c) => c.code);
        expect([...named].sort()).toEqual([...failing].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('recognised exactly when every standard reaches 80%, no disqualifying case holds and 4.1 is đạt', () => {
    fc.assert(
      fc.property(profileArb, scorecardArb, disqualifiersArb, (profile, values, disq) => {
        const v = evaluate(set, { profile, values: { ...values, ...disq } });
        const sharesOk = v.sections.every((s) => s.applicable === 0 || s.passed * 100 >= 80 * s.applicable);
        const noCase = !Object.values(disq).some(Boolean);
        expect(v.recognized).toBe(sharesOk && noCase && v.criteria.find((c) => c.code === '4.1')?.status === 'dat');
      }),
      { numRuns: 500 },
    );
  });
});
