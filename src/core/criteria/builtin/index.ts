/**
 * The criteria sets that ship with KDC. They are parsed through the same
 * schema as any uploaded file, so a typo here fails the tests, not a user.
 */
import laichau from './laichau-tqpttd.json';
import viduDiem from './vidu-diem.json';
import type { CriteriaSet } from '../schema';
import { parseCriteriaSet } from '../validate';

function load(data: unknown, name: string): CriteriaSet {
  const result = parseCriteriaSet(data);
  if (!result.ok) throw new Error(`Bộ tiêu chí có sẵn ${name} không hợp lệ: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.set;
}

export const builtinSets: readonly CriteriaSet[] = [load(laichau, 'laichau-tqpttd'), load(viduDiem, 'vidu-diem')];

/** The newest version of a built-in set, or the given version. */
export function findBuiltinSet(code: string, version?: string): CriteriaSet | undefined {
  const matching = builtinSets.filter((s) => s.code === code && (version === undefined || s.version === version));
  return matching.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
