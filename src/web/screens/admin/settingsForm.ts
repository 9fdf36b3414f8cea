/**
 * The settings form as a person types it, and the PATCH body made of it.
 * Everything is kept as typed text ("2.000.000", "1,5", "31/03", "2026") so
 * a refused save loses nothing; the body is read from it with the same
 * readers the command line uses (src/core/programs/settings.ts). Each row of
 * a list has a field id, and every place of the body maps back to one, so
 * the server's "rewards.3.amount: …" is shown at the box it came from.
 */
import { RECOGNITION_STATUSES, type RecognitionStatus } from '../../../core/cycle/status';
import {
  CHAIN_LEVELS,
  DEADLINE_LABELS,
  DEADLINE_STEPS,
  parseAmount,
  type ChainLevel,
  type DeadlineStep,
  type ProgramSettings,
} from '../../../core/programs/settings';
import { formatDayMonth, parseDayMonth } from '../../../core/text/date';
import { formatNumber } from '../../../core/text/format';
import { parseLocaleNumber } from '../../../core/text/number';
import type { ProgramDetail } from '../../api/types';
import type { AdminText } from './text';

export interface ChainRow {
  titleCode: string;
  titleName: string;
  appraise: ChainLevel;
  review: ChainLevel;
  decide: ChainLevel;
  decidingBody: string;
}
export interface TargetRow {
  key: number;
  scope: 'year' | 'period';
  yearFrom: string;
  yearTo: string;
  titleCode: string;
  target: string;
}
export interface DeadlineRow {
  step: DeadlineStep;
  label: string;
  text: string;
}
export interface RewardRow {
  titleCode: string;
  titleName: string;
  status: RecognitionStatus;
  kind: 'amount' | 'coefficient';
  text: string;
}

export interface SettingsForm {
  name: string;
  description: string;
  issuingBody: string;
  signerName: string;
  signerTitle: string;
  certificateWording: string;
  allowSameAssessor: boolean;
  /** Days a public notice stays open, as typed. */
  noticeDays: string;
  fromYear: string;
  toYear: string;
  chains: ChainRow[];
  targets: TargetRow[];
  deadlines: DeadlineRow[];
  rewards: RewardRow[];
}

/** Field ids: where a message is shown. */
export const fieldId = {
  chain: (title: string, part: 'appraise' | 'review' | 'decide' | 'decidingBody') => `chain.${title}.${part}`,
  target: (key: number, part: 'yearFrom' | 'yearTo' | 'target' | 'titleCode' | 'scope') => `target.${key}.${part}`,
  deadline: (step: string) => `deadline.${step}`,
  reward: (title: string, status: string) => `reward.${title}.${status}`,
};

const level = (value: unknown): ChainLevel => (CHAIN_LEVELS.includes(value as ChainLevel) ? (value as ChainLevel) : 'commune');

let nextKey = 1;
export const newTargetRow = (year: number): TargetRow => ({
  key: nextKey++,
  scope: 'year',
  yearFrom: String(year),
  yearTo: String(year),
  titleCode: '',
  target: '',
});

export function formFromProgram(p: ProgramDetail): SettingsForm {
  return {
    name: p.name,
    description: p.description ?? '',
    issuingBody: p.settings.issuingBody ?? '',
    signerName: p.settings.signerName ?? '',
    signerTitle: p.settings.signerTitle ?? '',
    certificateWording: p.settings.certificateWording ?? '',
    allowSameAssessor: p.settings.allowSameAssessor,
    noticeDays: String(p.settings.noticeDays),
    fromYear: p.fromYear === null ? '' : String(p.fromYear),
    toYear: p.toYear === null ? '' : String(p.toYear),
    chains: p.titles.map((t) => ({
      titleCode: t.code,
      titleName: t.name,
      appraise: level(t.chain.appraise),
      review: level(t.chain.review),
      decide: level(t.chain.decide),
      decidingBody: typeof t.chain.decidingBody === 'string' ? t.chain.decidingBody : '',
    })),
    targets: p.targets.map((t) => ({
      key: nextKey++,
      scope: t.scope === 'period' ? 'period' : 'year',
      yearFrom: String(t.yearFrom),
      yearTo: String(t.yearTo),
      titleCode: t.titleCode ?? '',
      target: String(t.target),
    })),
    deadlines: DEADLINE_STEPS.map((step) => {
      const kept = p.deadlines.find((d) => d.step === step);
      return { step, label: kept?.label ?? DEADLINE_LABELS[step], text: kept ? formatDayMonth(kept.monthDay) : '' };
    }),
    rewards: p.titles.flatMap((t) =>
      RECOGNITION_STATUSES.map((status) => {
        const kept = p.rewards.find((r) => r.titleCode === t.code && r.status === status);
        const kind = kept?.coefficient != null ? ('coefficient' as const) : ('amount' as const);
        const text = !kept ? '' : kept.coefficient != null ? formatNumber(kept.coefficient) : formatNumber(kept.amount);
        return { titleCode: t.code, titleName: t.name, status, kind, text };
      }),
    ),
  };
}

const YEAR = /^\s*(\d{4})\s*$/;
const readYear = (text: string) => {
  const m = YEAR.exec(text);
  return m ? Number(m[1]) : null;
};
const orNull = (text: string) => (text.trim() ? text.trim() : null);

export interface Built {
  body: ProgramSettings;
  /** Problems found before sending, by field id. */
  problems: Record<string, string>;
  /** Body place ("rewards.2", "targets.0.yearTo") → field id. */
  places: Record<string, string>;
}

/** The PATCH body: every setting the form shows, each list whole (the server replaces lists). */
export function buildBody(form: SettingsForm, t: AdminText): Built {
  const problems: Record<string, string> = {};
  const places: Record<string, string> = {};
  const fromYear = readYear(form.fromYear);
  const toYear = readYear(form.toYear);
  if (fromYear === null) problems.fromYear = t.yearInvalid;
  if (toYear === null) problems.toYear = t.yearInvalid;

  const chains = form.chains.map((c, i) => {
    for (const part of ['appraise', 'review', 'decide', 'decidingBody'] as const) places[`chains.${i}.chain.${part}`] = fieldId.chain(c.titleCode, part);
    places[`chains.${i}`] = fieldId.chain(c.titleCode, 'decide');
    return {
      titleCode: c.titleCode,
      chain: { appraise: c.appraise, review: c.review, decide: c.decide, ...(c.decidingBody.trim() ? { decidingBody: c.decidingBody.trim() } : {}) },
    };
  });

  const targets: NonNullable<ProgramSettings['targets']> = [];
  for (const row of form.targets) {
    const yearFrom = readYear(row.yearFrom);
    const yearTo = row.scope === 'year' ? yearFrom : readYear(row.yearTo);
    const target = parseLocaleNumber(row.target);
    if (yearFrom === null) problems[fieldId.target(row.key, 'yearFrom')] = t.yearInvalid;
    if (yearTo === null) problems[fieldId.target(row.key, 'yearTo')] = t.yearInvalid;
    if (target === null || !Number.isInteger(target) || target < 1) problems[fieldId.target(row.key, 'target')] = t.targetInvalid;
    const i = targets.length;
    for (const part of ['yearFrom', 'yearTo', 'target', 'titleCode', 'scope'] as const)
      places[`targets.${i}.${part}`] = fieldId.target(row.key, row.scope === 'year' && part === 'yearTo' ? 'yearFrom' : part);
    places[`targets.${i}`] = fieldId.target(row.key, 'target');
    targets.push({ scope: row.scope, yearFrom: yearFrom ?? 0, yearTo: yearTo ?? 0, titleCode: row.titleCode || null, target: target ?? 0 });
  }

  const deadlines: NonNullable<ProgramSettings['deadlines']> = [];
  for (const row of form.deadlines) {
    if (!row.text.trim()) continue;
    const monthDay = parseDayMonth(row.text);
    if (!monthDay) {
      problems[fieldId.deadline(row.step)] = t.dayMonthInvalid;
      continue;
    }
    const i = deadlines.length;
    places[`deadlines.${i}`] = places[`deadlines.${i}.monthDay`] = places[`deadlines.${i}.label`] = places[`deadlines.${i}.step`] = fieldId.deadline(row.step);
    deadlines.push({ step: row.step, ...(row.label !== DEADLINE_LABELS[row.step] ? { label: row.label } : {}), monthDay });
  }

  const rewards: NonNullable<ProgramSettings['rewards']> = [];
  for (const row of form.rewards) {
    if (!row.text.trim()) continue;
    const id = fieldId.reward(row.titleCode, row.status);
    let value: { amount: number } | { coefficient: number } | null = null;
    if (row.kind === 'amount') {
      const amount = parseAmount(row.text);
      if (amount === null) problems[id] = t.amountInvalid;
      else value = { amount };
    } else {
      const coefficient = parseLocaleNumber(row.text);
      if (coefficient === null || coefficient <= 0) problems[id] = t.coefficientInvalid;
      else value = { coefficient };
    }
    if (!value) continue;
    const i = rewards.length;
    places[`rewards.${i}`] =
      places[`rewards.${i}.amount`] =
      places[`rewards.${i}.coefficient`] =
      places[`rewards.${i}.titleCode`] =
      places[`rewards.${i}.status`] =
        id;
    rewards.push({ titleCode: row.titleCode, status: row.status, ...value });
  }

  const body: ProgramSettings = {
    name: form.name.trim(),
    description: orNull(form.description),
    issuingBody: orNull(form.issuingBody),
    signerName: orNull(form.signerName),
    signerTitle: orNull(form.signerTitle),
    certificateWording: orNull(form.certificateWording),
    allowSameAssessor: form.allowSameAssessor,
    // A number the server checks (1–90 days); what is not a whole number goes as typed, so its message comes back.
    ...(form.noticeDays.trim()
      ? { noticeDays: /^\d+$/.test(form.noticeDays.trim()) ? Number(form.noticeDays.trim()) : (form.noticeDays as unknown as number) }
      : {}),
    ...(fromYear !== null ? { fromYear } : {}),
    ...(toYear !== null ? { toYear } : {}),
    chains,
    targets,
    deadlines,
    rewards,
  };
  return { body, problems, places };
}

/**
 * The server's details ("rewards.0.amount: số tiền …") by field id: the most
 * specific place the form knows; a top-level key is its own id ("issuingBody").
 * What names no field stays in `other`.
 */
export function placeDetails(details: string[], places: Record<string, string>): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const line of details) {
    const m = /^([\w.-]+): (.+)$/s.exec(line);
    if (!m) {
      other.push(line);
      continue;
    }
    const parts = m[1]!.split('.');
    let id: string | undefined;
    for (let n = parts.length; n > 0 && !id; n--) id = places[parts.slice(0, n).join('.')];
    id ??= parts.length === 1 ? parts[0] : undefined;
    if (id && !(id in fields)) fields[id] = m[2]!;
    else if (!id) other.push(line);
  }
  return { fields, other };
}
