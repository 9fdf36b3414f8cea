/**
 * The criteria-set file format (bộ tiêu chí), as a zod schema.
 *
 * One schema is the single source of truth: the TypeScript types are inferred
 * from it, the CLI validates files with it, the server validates uploads with
 * it. The format is documented for people in docs/criteria-format.md.
 */
import { z } from 'zod';

export const AREA_KINDS = ['thon', 'to-dan-pho', 'ban'] as const;
export const COMMUNE_KINDS = ['xa', 'phuong', 'thi-tran', 'dac-khu'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/, 'mã chỉ gồm chữ, số, dấu chấm, gạch ngang');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
const text = z.string().trim().min(1, 'không được để trống');
const percent = z.number().min(0, 'không được âm').max(100, 'không được vượt 100');

/** A condition on the area's profile. Every listed field must match. */
export const conditionSchema = z
  .object({
    areaKinds: z.array(z.enum(AREA_KINDS)).min(1).optional(),
    communeKinds: z.array(z.enum(COMMUNE_KINDS)).min(1).optional(),
    mountainous: z.boolean().optional(),
    especiallyDifficult: z.boolean().optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

const variantSchema = z.object({ when: conditionSchema, text }).strict();

const baseCriterion = {
  code,
  text,
  /** Wording that replaces or follows `text` for some kinds of area. */
  variants: z.array(variantSchema).optional(),
  /** When absent the criterion applies to every area. */
  appliesTo: conditionSchema.optional(),
  note: z.string().optional(),
};

/** Quantitative: the officer enters a number, the engine judges it. */
const quantity = z
  .object({
    measure: z.enum(['percent', 'count']),
    /** What is counted, e.g. "hộ", "hộ nghèo"; shown in reasons. */
    of: text,
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((q) => q.min !== undefined || q.max !== undefined, 'cần ít nhất một ngưỡng min hoặc max');

const partSchema = z
  .object({
    code,
    text,
    kind: z.enum(['pass-fail', 'quantity']),
    quantity: quantity.optional(),
  })
  .strict();

export const criterionSchema = z
  .object({
    ...baseCriterion,
    kind: z.enum(['pass-fail', 'quantity', 'points']),
    quantity: quantity.optional(),
    maxPoints: z.number().positive().optional(),
    /** Points at or above which a scored criterion counts as "đạt". Default: half of maxPoints. */
    passPoints: z.number().nonnegative().optional(),
    /** Sub-items; the criterion is đạt when every part is đạt. */
    parts: z.array(partSchema).min(2).optional(),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionPart = z.infer<typeof partSchema>;

export const sectionSchema = z
  .object({
    code,
    title: text,
    criteria: z.array(criterionSchema).min(1, 'mỗi tiêu chuẩn cần ít nhất một tiêu chí'),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const disqualifierSchema = z.object({ code, text }).strict();
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
    /** Held another (or this) title in the previous year(s). */
    requiresHistory: z
      .object({ level: code, consecutiveYears: z.number().int().min(1).default(1) })
      .strict()
      .optional(),
  })
  .strict();
export type LevelRule = z.infer<typeof levelRuleSchema>;

export const levelSchema = z
  .object({
    code,
    name: text,
    /** Higher rank = higher title. */
    rank: z.number().int(),
    rule: levelRuleSchema,
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
    scoring: z.enum(['pass-fail', 'points']),
    sections: z.array(sectionSchema).min(1),
    disqualifiers: z.array(disqualifierSchema).default([]),
    levels: z.array(levelSchema).min(1),
    notes: z.string().optional(),
  })
  .strict();

export type CriteriaSetInput = z.input<typeof criteriaSetSchema>;
export type CriteriaSet = z.output<typeof criteriaSetSchema>;
