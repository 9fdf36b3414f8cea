/**
 * The criteria sets that ship with KDC: Lai Châu's own set, the national
 * frameworks (some of them templates a province completes before use) and the
 * illustrative sets of the demo. They are parsed through the same schema as
 * any uploaded file, so a typo here fails the tests, not a user.
 */
import laichau from './laichau-tqpttd.json';
import nd86ThonTdp from './nd86-thon-tdp-van-hoa.json';
import nd122KhuDanCu from './nd122-khu-dan-cu-van-hoa.json';
import tt124KhuDanCu from './tt124-khu-dan-cu-antt.json';
import tt124Xa from './tt124-xa-antt.json';
import viduDiem from './vidu-diem.json';
import viduThon from './vidu-thon-van-hoa.json';
import viduTuyenPho from './vidu-tuyen-pho-van-minh.json';
import type { CriteriaSet } from '../schema';
import { parseCriteriaSet } from '../validate';

function load(data: unknown, name: string): CriteriaSet {
  const result = parseCriteriaSet(data);
  if (!result.ok) throw new Error(`Bộ tiêu chí có sẵn ${name} không hợp lệ: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.set;
}

export const builtinSets: readonly CriteriaSet[] = [
  load(laichau, 'laichau-tqpttd'),
  load(viduDiem, 'vidu-diem'),
  load(nd86ThonTdp, 'nd86-thon-tdp-van-hoa'),
  load(tt124KhuDanCu, 'tt124-khu-dan-cu-antt'),
  load(tt124Xa, 'tt124-xa-antt'),
  load(nd122KhuDanCu, 'nd122-khu-dan-cu-van-hoa'),
  load(viduThon, 'vidu-thon-van-hoa'),
  load(viduTuyenPho, 'vidu-tuyen-pho-van-minh'),
];

/** The newest version of a built-in set, or the given version. */
export function findBuiltinSet(code: string, version?: string): CriteriaSet | undefined {
  const matching = builtinSets.filter((s) => s.code === code && (version === undefined || s.version === version));
  return matching.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
