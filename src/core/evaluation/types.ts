/** The vocabulary of an evaluation: what goes in, what comes out. */
import type { AreaProfile } from '../criteria/walk';

/** đạt (true), không đạt (false), không áp dụng ("na"), or a number to be judged. */
export type CriterionValue = boolean | 'na' | number;
export type Scorecard = Record<string, CriterionValue>;

/** A title of the same programme held in an earlier year (rules on history: kiểu mẫu needs tiêu biểu last year). */
export interface HeldTitle {
  year: number;
  level: string;
}

/**
 * A title held in any programme, as KDC's records know it: the programme's code,
 * the code of the criteria set it used that year, the level, and the decision
 * that gave it, in words, for the reasons shown to people.
 */
export interface HeldTitleRef {
  program: string;
  set?: string;
  level: string;
  year: number;
  /** "Quyết định số 12/QĐ-UBND ngày 15/11/2026 của Ủy ban nhân dân thành phố Lai Châu". */
  source?: string;
}

/** A unit under the subject (an area of a commune) with the titles it holds, for share criteria. */
export interface ChildUnit {
  name: string;
  kind: string;
  holds: HeldTitleRef[];
}

export interface EvaluationContext {
  profile: AreaProfile;
  values: Scorecard;
  /** The year being evaluated and the titles held before it; needed only by rules on history. */
  year?: number;
  history?: HeldTitle[];
  /** Titles of any programme the subject holds (criteria of kind "title"). */
  holds?: HeldTitleRef[];
  /** The units under the subject and their titles (criteria of kind "title-share"). */
  children?: ChildUnit[];
  /** The subject's figures for the year, by code (quantities computed `from` figures). */
  figures?: Record<string, number>;
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
  /** Judged from KDC's records (a title held, a share of units, figures) rather than from a typed value. */
  fromRecords?: boolean;
  /** Judged from records, in words: the decision that gave a title, the figures a share came from. */
  source?: string;
  /** A share criterion's count and the units behind it. */
  detail?: ShareDetail;
}

export interface ShareDetail {
  held: number;
  total: number;
  units: Array<{ name: string; held: boolean }>;
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

/** Why a level is not reached, beyond its failed criteria: what code decides on, beside the words in `reasons`. */
export type ShortfallKind =
  | 'section-share'
  | 'section-points'
  | 'total-points'
  /** A required criterion marked "không áp dụng" by hand. */
  | 'required-na'
  /** A disqualifying case holds. */
  | 'disqualified'
  /** The title needs earlier titles the area does not hold. */
  | 'history';

export interface LevelShortfall {
  kind: ShortfallKind;
  message: string;
}

export interface LevelResult {
  code: string;
  name: string;
  reached: boolean;
  reasons: string[];
  /** The reasons with their kinds (absent from verdicts stored before they were added). */
  shortfalls?: LevelShortfall[];
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
