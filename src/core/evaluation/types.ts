/** The vocabulary of an evaluation: what goes in, what comes out. */
import type { AreaProfile } from '../criteria/walk';

/** đạt (true), không đạt (false), không áp dụng ("na"), or a number to be judged. */
export type CriterionValue = boolean | 'na' | number;
export type Scorecard = Record<string, CriterionValue>;

export interface HeldTitle {
  year: number;
  level: string;
}

export interface EvaluationContext {
  profile: AreaProfile;
  values: Scorecard;
  /** The year being evaluated and the titles held before it; needed only by rules on history. */
  year?: number;
  history?: HeldTitle[];
}

export type OutcomeStatus = 'dat' | 'khong-dat' | 'na';

export interface CriterionOutcome {
  code: string;
  section: string;
  status: OutcomeStatus;
  /** For a failed criterion: what was missed, e.g. "97% hộ, cần tối thiểu 98%". */
  shortfall?: string;
  points?: number;
  maxPoints?: number;
  /** Not applicable because of the area's kind, not because somebody said so. */
  byProfile?: boolean;
}

export interface SectionResult {
  code: string;
  title: string;
  passed: number;
  applicable: number;
  /** Against the lowest title's thresholds. */
  ok: boolean;
  points?: number;
  maxPoints?: number;
}

export interface LevelResult {
  code: string;
  name: string;
  reached: boolean;
  reasons: string[];
}

export interface Gap {
  level: string;
  levelName: string;
  /** The fewest criteria that would have to change to reach the level. */
  changes: number;
  /** Criteria to change, most useful first. */
  criteria: string[];
  /** Disqualifying cases that would have to be resolved. */
  disqualifiers: string[];
  /** False when no change this year can reach the level (e.g. a history prerequisite). */
  reachable: boolean;
}

export interface Verdict {
  area: string;
  setCode: string;
  setVersion: string;
  recognized: boolean;
  title: string | null;
  titleName: string | null;
  sections: SectionResult[];
  disqualifiedBy: string[];
  failedCriteria: string[];
  reasons: string[];
  levels: LevelResult[];
  gap: Gap | null;
  totalPoints?: number;
  maxTotalPoints?: number;
  criteria: CriterionOutcome[];
}
