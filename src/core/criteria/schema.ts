/**
 * The criteria-set file format (bộ tiêu chí), as a zod schema.
 *
 * One schema is the single source of truth: the TypeScript types are inferred
 * from it, the CLI validates files with it, the server validates uploads with
 * it. The format is documented for people in docs/criteria-format.md.
 */
import { z } from 'zod';
import { isMonthDay, isoDateSchema, MONTH_DAY } from '../text/date';
import { AREA_KINDS, COMMUNE_KINDS, STREET_KINDS, type UnitKind } from '../units/kinds';

/**
 * What a programme recognises: residential areas (thôn, tổ dân phố, bản), communes
 * and wards (xã, phường, đặc khu tiêu biểu; the commune's TT 124 title), or streets
 * (tuyến phố văn minh đô thị). Each subject is a kind of unit.
 */
export const SUBJECTS = ['area', 'commune', 'street'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const SUBJECT_KINDS: Record<Subject, readonly UnitKind[]> = { area: AREA_KINDS, commune: COMMUNE_KINDS, street: STREET_KINDS };
/** How messages name the units of a subject: "chỉ thôn, tổ dân phố, bản mới đăng ký được". */
export const SUBJECT_NAMES: Record<Subject, string> = { area: 'thôn, tổ dân phố, bản', commune: 'xã, phường, thị trấn, đặc khu', street: 'tuyến phố' };

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/, 'mã chỉ gồm chữ, số, dấu chấm, gạch ngang');
/** Attribute codes are lower-case: "mien-nui", "dac-biet-kho-khan", or a tag a province defines. */
const attributeCode = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mã thuộc tính chỉ gồm chữ thường không dấu, số và gạch ngang');
const isoDate = isoDateSchema();
const monthDay = z.string().regex(MONTH_DAY, 'ngày trong năm phải có dạng MM-DD').refine(isMonthDay, 'ngày trong năm phải có dạng MM-DD');
const text = z.string().trim().min(1, 'không được để trống');
const percent = z.number().min(0, 'không được âm').max(100, 'không được vượt 100');

/**
 * A condition on the subject's profile. Every listed field must match.
 * `attributes` are tested against the attributes of the subject and of every
 * unit above it in the year evaluated (a thôn "thuộc xã đặc biệt khó khăn").
 */
export const conditionSchema = z
  .object({
    areaKinds: z.array(z.enum(AREA_KINDS)).min(1).optional(),
    communeKinds: z.array(z.enum(COMMUNE_KINDS)).min(1).optional(),
    /** Shorthands for the attributes "mien-nui" and "dac-biet-kho-khan". */
    mountainous: z.boolean().optional(),
    especiallyDifficult: z.boolean().optional(),
    attributes: z
      .object({
        /** At least one of these. */
        anyOf: z.array(attributeCode).min(1).optional(),
        /** Every one of these. */
        allOf: z.array(attributeCode).min(1).optional(),
        /** None of these. */
        noneOf: z.array(attributeCode).min(1).optional(),
      })
      .strict()
      .refine((a) => a.anyOf || a.allOf || a.noneOf, 'cần ít nhất một trong anyOf, allOf, noneOf')
      .optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/**
 * `lead`: words the set's authors added that the source document does not have
 * (a lead-in, a repeated subject), kept apart so they are shown as the set's own.
 */
const variantSchema = z.object({ when: conditionSchema, lead: text.optional(), text }).strict();

/** Whether a text was read word for word from the official document. */
const wording = z.enum(['verbatim', 'unverified']);

/** Which year's title counts: the year evaluated, or the year before it. */
const titleYear = z.enum(['same', 'previous']);

/**
 * Another title, named by the programme that recognises it (its KDC code) or, for
 * a built-in framework that cannot know a province's programme codes, by the code
 * of the criteria set that programme uses. Exactly one of the two.
 */
const titleRef = {
  program: code.optional(),
  set: code.optional(),
  level: code,
  year: titleYear.default('same'),
};
const titleRefCheck = (t: { program?: string; set?: string }) => Boolean(t.program) !== Boolean(t.set);
const titleRefMessage = 'cần đúng một trong "program" (mã phong trào) hoặc "set" (mã bộ tiêu chí)';

export const titleSourceSchema = z.object(titleRef).strict().refine(titleRefCheck, titleRefMessage);
export type TitleSource = z.infer<typeof titleSourceSchema>;

/** "At least N% of the areas (or streets) under this unit hold title T" (TT 124/2021 Điều 5 khoản 4). */
export const shareSourceSchema = z
  .object({ ...titleRef, of: z.enum(['area', 'street']).default('area'), minPercent: percent })
  .strict()
  .refine(titleRefCheck, titleRefMessage);
export type ShareSource = z.infer<typeof shareSourceSchema>;

const baseCriterion = {
  code,
  /** The document's words. Empty only when `lead` or `variants` carry the wording (Lai Châu's 2.3). */
  text: z.string().trim(),
  lead: text.optional(),
  /** Wording that follows `text` for some kinds of area. */
  variants: z.array(variantSchema).optional(),
  /** When absent the criterion applies to every subject. */
  appliesTo: conditionSchema.optional(),
  note: z.string().optional(),
  wording: wording.optional(),
};

/** Yearly figures a unit keeps (see src/core/units/figures.ts): "ho", "ho-gia-dinh-van-hoa", or a province's own. */
const figureKey = attributeCode;

/** Quantitative: the officer enters a number, or the engine computes it from the subject's figures; the engine judges it. */
const quantity = z
  .object({
    measure: z.enum(['percent', 'count']),
    /** What is counted, e.g. "hộ", "hộ nghèo"; shown in reasons. */
    of: text,
    min: z.number().optional(),
    max: z.number().optional(),
    /** Computed as numerator ÷ denominator (a percent) from the figures kept for the subject and year. */
    from: z.object({ numerator: figureKey, denominator: figureKey }).strict().optional(),
  })
  .strict()
  .refine((q) => q.min !== undefined || q.max !== undefined, 'cần ít nhất một ngưỡng min hoặc max');

export const CRITERION_KINDS = ['pass-fail', 'quantity', 'points', 'title', 'title-share'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** What every kind of criterion may carry besides its wording. */
const judging = {
  kind: z.enum(CRITERION_KINDS),
  quantity: quantity.optional(),
  maxPoints: z.number().positive().optional(),
  /** Held another title: judged from KDC's records of that programme. */
  title: titleSourceSchema.optional(),
  /** A share of the units under the subject holding a title, judged from records. */
  share: shareSourceSchema.optional(),
};

const partSchema = z.object({ code, text, lead: text.optional(), wording: wording.optional(), ...judging }).strict();

export const criterionSchema = z
  .object({
    ...baseCriterion,
    ...judging,
    /** Points at or above which a scored criterion counts as "đạt". Default: half of maxPoints. */
    passPoints: z.number().nonnegative().optional(),
    /**
     * Sub-items. The criterion is đạt when every part is đạt; a points criterion
     * made of points parts scores their sum (each part has its own maximum).
     */
    parts: z.array(partSchema).min(2).optional(),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionPart = z.infer<typeof partSchema>;

export const sectionSchema = z
  .object({
    code,
    title: text,
    /** At least one, except in a template a province still has to complete. */
    criteria: z.array(criterionSchema),
    note: z.string().optional(),
    wording: wording.optional(),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const disqualifierSchema = z.object({ code, text, wording: wording.optional() }).strict();
export type Disqualifier = z.infer<typeof disqualifierSchema>;

const pointsBar = z
  .object({
    value: z.number().nonnegative(),
    /** "points": an absolute number of points; "percent": a share of the maximum. */
    as: z.enum(['points', 'percent']),
  })
  .strict();
export type PointsBar = z.infer<typeof pointsBar>;

/** The thresholds of a level. Every field is optional; absent means no such bar. */
const thresholds = z
  .object({
    /** Each section must have at least this share of its applicable criteria passed. */
    minSectionPassPercent: percent.optional(),
    /** Per-section override of the share above, by section code. */
    sectionPassPercent: z.record(z.string(), percent).optional(),
    minTotalPoints: pointsBar.optional(),
    minSectionPoints: pointsBar.optional(),
  })
  .strict();

export const levelRuleSchema = thresholds
  .extend({
    /** Criteria that must be đạt for this level. */
    requiredCriteria: z.array(code).optional(),
    /** Điểm liệt: a failed knockout criterion denies the level whatever the score. */
    knockoutCriteria: z.array(code).optional(),
    /** Disqualifying cases that deny this level; "all" (default) means every case of the set. */
    disqualifiers: z.union([z.literal('all'), z.array(code)]).optional(),
    /** Lower bars for some areas, e.g. an especially difficult commune. First match wins. */
    overrides: z.array(thresholds.extend({ when: conditionSchema }).strict()).optional(),
    /**
     * Held another (or this) title in the previous year(s): `level` is one code, or a
     * list read as "any of these" (kiểu mẫu needs tiêu biểu — or kiểu mẫu — last year).
     */
    requiresHistory: z
      .object({ level: z.union([code, z.array(code).min(1)]), consecutiveYears: z.number().int().min(1).default(1) })
      .strict()
      .optional(),
  })
  .strict();
export type LevelRule = z.infer<typeof levelRuleSchema>;

/** A reward the law sets as a multiple of the base salary (mức lương cơ sở), e.g. 1,5 for a thôn văn hóa. */
const rewardSchema = z.object({ coefficient: z.number().positive(), basis: text }).strict();

export const levelSchema = z
  .object({
    code,
    name: text,
    /** Higher rank = higher title. */
    rank: z.number().int(),
    rule: levelRuleSchema,
    reward: rewardSchema.optional(),
  })
  .strict();
export type Level = z.infer<typeof levelSchema>;

export const criteriaSetSchema = z
  .object({
    format: z.literal('kdc-criteria/1'),
    code,
    version: text,
    name: text,
    /** True for an example that is not an official set. Shown on every screen. */
    illustrative: z.boolean().default(false),
    legalBasis: z
      .object({
        documentType: text,
        number: text,
        date: isoDate,
        issuer: text,
        title: z.string().optional(),
      })
      .strict(),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    /** What the set recognises; residential areas unless it says otherwise. */
    subject: z.enum(SUBJECTS).default('area'),
    /**
     * A national framework a province completes before use (thresholds, points): it
     * validates, can be read, exported and completed, but not evaluated or given to a programme.
     */
    template: z.boolean().default(false),
    /** Whether an officer may mark a criterion "không áp dụng" by hand (a criterion that does not apply to the area's kind always may). */
    allowNa: z.boolean().default(true),
    /** The evaluation window when it is not the calendar year: TT 124/2021 counts khu dân cư from 01/11 of the year before to 31/10. */
    period: z.object({ from: monthDay, to: monthDay }).strict().optional(),
    scoring: z.enum(['pass-fail', 'points']),
    sections: z.array(sectionSchema).min(1),
    disqualifiers: z.array(disqualifierSchema).default([]),
    levels: z.array(levelSchema).min(1),
    notes: z.string().optional(),
  })
  .strict();

export type CriteriaSetInput = z.input<typeof criteriaSetSchema>;
export type CriteriaSet = z.output<typeof criteriaSetSchema>;
