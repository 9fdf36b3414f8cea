/**
 * A criteria set in a few words, as `kdc criteria validate` says it and as the
 * web app shows it before a programme is created from it: the issuing
 * document, how many standards, criteria, disqualifying cases and titles,
 * and whether it can be used as it is (a template a province must complete
 * cannot).
 */
import { formatDate } from '../text/date';
import type { CriteriaSet } from './schema';
import { unusableReason } from './validate';
import { flattenCriteria } from './walk';

export interface CriteriaSummary {
  code: string;
  version: string;
  name: string;
  /** "Quyết định số 292/QĐ-MTTQ-BTT ngày 24/12/2021 của …". */
  legalBasis: string;
  validFrom: string;
  subject: CriteriaSet['subject'];
  scoring: CriteriaSet['scoring'];
  standards: number;
  criteria: number;
  disqualifiers: number;
  titles: string[];
  template: boolean;
  illustrative: boolean;
  /** Why the set cannot be used to judge as it is (a template), or null. */
  unusable: string | null;
}

export function legalBasisText(set: CriteriaSet): string {
  const b = set.legalBasis;
  return `${b.documentType} số ${b.number} ngày ${formatDate(b.date)} của ${b.issuer}`;
}

export function summarizeCriteriaSet(set: CriteriaSet): CriteriaSummary {
  return {
    code: set.code,
    version: set.version,
    name: set.name,
    legalBasis: legalBasisText(set),
    validFrom: set.validFrom,
    subject: set.subject,
    scoring: set.scoring,
    standards: set.sections.length,
    criteria: flattenCriteria(set).length,
    disqualifiers: set.disqualifiers.length,
    titles: set.levels.map((l) => l.name),
    template: Boolean(set.template),
    illustrative: Boolean(set.illustrative),
    unusable: unusableReason(set),
  };
}
