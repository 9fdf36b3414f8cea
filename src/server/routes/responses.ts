/**
 * What the API answers, as zod schemas beside the routes. They put the
 * answers in /api/openapi.json, from which the web app's types are generated
 * (`npm run api:types` → src/web/api/schema.d.ts), so the browser never holds
 * a hand-copied interface that can drift from the server. The serializer
 * checks every answer against its schema: an answer that no longer fits is a
 * test failure, not a silent surprise in the browser.
 *
 * Objects that the engine or the database may grow (a verdict, a stored row)
 * are loose: new fields pass through untyped until they are named here.
 */
import { z } from 'zod';
import { criteriaSetSchema } from '../../core/criteria/schema';
import { REGISTRATION_STEPS } from '../../app/policy/loaders';
import { RECOGNITION_STATUSES } from '../../core/cycle/status';

const id = z.number().int();
/** A calendar day "2026-11-18" (PostgreSQL `date`). */
const day = z.string();
const nullableDay = day.nullable();

export const okSchema = z.object({ ok: z.boolean() });

export const userSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  grants: z.array(z.object({ role: z.string(), unitId: id, unitName: z.string() })),
});
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
/** Who is signed in; nobody is an answer, not an error (a first visit must not log a 401). */
export const meSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });

export const unitBriefSchema = z.object({
  id,
  name: z.string(),
  kind: z.string(),
  parentId: id.nullable(),
  parentName: z.string().nullable(),
  closed: z.boolean(),
});
export const unitChildSchema = z.object({ id, name: z.string(), kind: z.string(), parentId: id.nullable(), childCount: z.number() });
export const unitSchema = z.object({
  id,
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  parentId: id.nullable(),
  path: z.string(),
  households: z.number().nullable(),
  population: z.number().nullable(),
  poorHouseholds: z.number().nullable(),
  validFrom: nullableDay,
  validTo: nullableDay,
  ancestors: z.array(z.object({ id, name: z.string(), kind: z.string() })),
});
const unitRefSchema = z.object({ id, name: z.string() });
export const unitEventSchema = z.object({
  kind: z.string(),
  effectiveDate: day,
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  from: z.array(unitRefSchema),
  to: z.array(unitRefSchema),
});

const titleSchema = z.object({ code: z.string(), name: z.string(), rank: z.number() });
const yearSetSchema = z.object({ year: z.number(), setCode: z.string(), setVersion: z.string() });
export const programListSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    ownerUnitId: id,
    titles: z.array(titleSchema),
    years: z.array(yearSetSchema),
    /** Whether the caller may change the programme's settings (the web app offers them only then). */
    canAdminister: z.boolean(),
  }),
);
/** Which level appraises (the board), reviews (the council) and decides a title, and who signs its decisions. */
const chainResponse = z.looseObject({
  appraise: z.string().optional(),
  review: z.string().optional(),
  decide: z.string().optional(),
  decidingBody: z.string().optional(),
});
export const programSchema = z.object({
  code: z.string(),
  name: z.string(),
  ownerUnitId: id,
  ownerUnitName: z.string(),
  ownerUnitCode: z.string(),
  description: z.string().nullable(),
  titles: z.array(titleSchema.extend({ levelCode: z.string(), chain: chainResponse })),
  years: z.array(yearSetSchema),
  /** The first and last year the programme runs (null only for a programme with no year). */
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  /** An amount in đồng, or (coefficient set) a multiple of the base salary; amount is then 0. */
  rewards: z.array(z.object({ titleCode: z.string(), status: z.string(), amount: z.number(), coefficient: z.number().nullable() })),
  targets: z.array(z.object({ scope: z.string(), yearFrom: z.number(), yearTo: z.number(), titleCode: z.string().nullable(), target: z.number() })),
  /** monthDay: "MM-DD", the same day every year. */
  deadlines: z.array(z.object({ step: z.string(), label: z.string(), monthDay: z.string() })),
  settings: z.object({
    issuingBody: z.string().nullable(),
    signerName: z.string().nullable(),
    signerTitle: z.string().nullable(),
    certificateWording: z.string().nullable(),
    allowSameAssessor: z.boolean(),
    /** Days a public notice stays open (niêm yết công khai). */
    noticeDays: z.number(),
  }),
  /** Whether the caller may change the settings (an administrator, or an officer over the owner unit). */
  canAdminister: z.boolean(),
});
/** A criteria-set version published for a programme: which years it now governs, and how many open registrations were judged again. */
export const publishedSetSchema = z.object({
  criteriaSetId: id,
  code: z.string(),
  version: z.string(),
  fromYear: z.number(),
  years: z.array(z.number()),
  recomputed: z.number(),
  program: programSchema,
});
export const criteriaSetResponse = criteriaSetSchema;
/** A criteria set in a few words (src/core/criteria/summary.ts). */
export const criteriaSummarySchema = z.object({
  code: z.string(),
  version: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  validFrom: z.string(),
  subject: z.string(),
  scoring: z.string(),
  standards: z.number(),
  criteria: z.number(),
  disqualifiers: z.number(),
  titles: z.array(z.string()),
  template: z.boolean(),
  illustrative: z.boolean(),
  unusable: z.string().nullable(),
});
export const criteriaSetListSchema = z.array(criteriaSummarySchema);
/** An uploaded set file, read and checked: the set as it will be sent, and its summary. */
export const criteriaReadSchema = z.object({ set: criteriaSetSchema, summary: criteriaSummarySchema });

const outcomeSchema = z.looseObject({
  code: z.string(),
  section: z.string(),
  status: z.enum(['dat', 'khong-dat', 'na']),
  shortfall: z.string().optional(),
  points: z.number().optional(),
  maxPoints: z.number().optional(),
  byProfile: z.boolean().optional(),
});
export const verdictSchema = z.looseObject({
  area: z.string(),
  setCode: z.string(),
  setVersion: z.string(),
  recognized: z.boolean(),
  title: z.string().nullable(),
  titleName: z.string().nullable(),
  sections: z.array(
    z.looseObject({
      code: z.string(),
      title: z.string(),
      passed: z.number(),
      applicable: z.number(),
      ok: z.boolean(),
      points: z.number().optional(),
      maxPoints: z.number().optional(),
    }),
  ),
  disqualifiedBy: z.array(z.string()),
  failedCriteria: z.array(z.string()),
  reasons: z.array(z.string()),
  levels: z.array(z.looseObject({ code: z.string(), name: z.string(), reached: z.boolean(), reasons: z.array(z.string()) })),
  gap: z
    .looseObject({
      level: z.string(),
      levelName: z.string(),
      changes: z.number(),
      criteria: z.array(z.string()),
      disqualifiers: z.array(z.string()),
      reachable: z.boolean(),
    })
    .nullable(),
  totalPoints: z.number().optional(),
  maxTotalPoints: z.number().optional(),
  criteria: z.array(outcomeSchema),
});

const heldRefSchema = z.looseObject({ program: z.string(), set: z.string().optional(), level: z.string(), year: z.number(), source: z.string().optional() });
/**
 * What the server evaluates a registration with, minus the values: the browser
 * evaluates with exactly this, so its live verdict is the stored one.
 */
export const evaluationContextSchema = z.looseObject({
  profile: z.looseObject({ area: z.string(), kind: z.string(), communeKind: z.string().optional(), attributes: z.array(z.string()).optional() }),
  year: z.number().optional(),
  history: z.array(z.object({ year: z.number(), level: z.string() })).optional(),
  holds: z.array(heldRefSchema).optional(),
  children: z.array(z.looseObject({ name: z.string(), kind: z.string(), holds: z.array(heldRefSchema) })).optional(),
  figures: z.record(z.string(), z.number()).optional(),
});

/** A recorded value: đạt (true), không đạt (false), không áp dụng ("na"), a number, or nothing yet. */
const valueSchema = z.union([z.boolean(), z.literal('na'), z.number()]).nullable();
const permissionSchema = z.object({ ok: z.boolean(), reason: z.string().nullable() });
export const registrationSchema = z.object({
  id,
  programCode: z.string(),
  year: z.number(),
  unitId: id,
  unitName: z.string(),
  unitKind: z.string(),
  communeKind: z.string().nullable(),
  communeName: z.string().nullable(),
  titleCode: z.string().nullable(),
  selfManagementContents: z.array(z.string()),
  status: z.string(),
  locked: z.boolean(),
  councilRecommended: z.boolean().nullable(),
  councilReason: z.string().nullable(),
  values: z.record(z.string(), z.object({ self: valueSchema, board: valueSchema, note: z.string().nullable(), boardReason: z.string().nullable() })),
  verdicts: z.object({ self: verdictSchema.nullable(), board: verdictSchema.nullable() }),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.date(),
    }),
  ),
  evidence: z.array(z.object({ id, criterionCode: z.string().nullable(), filename: z.string(), size: z.number(), mimeType: z.string() })),
  criteriaSet: criteriaSetSchema,
  evaluation: evaluationContextSchema,
  /** Criteria and parts judged from records: shown, never typed. */
  recordJudged: z.array(z.string()),
  /** What the caller may do to it, each with the policy's reason when not (duties included). */
  permissions: z.object(
    Object.fromEntries(Object.keys(REGISTRATION_STEPS).map((step) => [step, permissionSchema])) as {
      [K in keyof typeof REGISTRATION_STEPS]: typeof permissionSchema;
    },
  ),
});
/** A stored row as written: the fields a client uses are named, the rest pass through. */
export const registrationRowSchema = z.looseObject({
  id,
  programId: id,
  year: z.number(),
  unitId: id,
  titleCode: z.string().nullable(),
  status: z.string(),
  locked: z.boolean(),
});
export const saveScorecardSchema = z.object({ verdict: verdictSchema.nullable(), saved: z.number() });
export const bulkSchema = z.object({ done: z.array(id), failed: z.array(z.object({ id, message: z.string() })) });
export const recusalSchema = z.object({ registrationId: id, userId: id, reason: z.string() });
export const evidenceAddedSchema = z.object({ id, filename: z.string(), size: z.number(), sha256: z.string() });

export const areaPageSchema = z.object({
  items: z.array(
    z.object({
      unitId: id,
      unitName: z.string(),
      communeName: z.string().nullable(),
      registrationId: id.nullable(),
      titleCode: z.string().nullable(),
      status: z.string().nullable(),
      verdict: z.object({ stage: z.string(), recognized: z.boolean(), title: z.string().nullable(), reasons: z.array(z.string()) }).nullable(),
    }),
  ),
  /** Areas matching the filters in all, of which `items` is the page from `offset`. */
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export const areaOverviewSchema = z.object({
  unit: unitSchema,
  titles: z.array(
    z.object({
      year: z.number(),
      programCode: z.string(),
      titleCode: z.string(),
      titleName: z.string().nullable(),
      status: z.string(),
      statusLabel: z.string(),
    }),
  ),
  registrations: z.array(
    z.object({ id, year: z.number(), programCode: z.string(), titleCode: z.string().nullable(), status: z.string(), locked: z.boolean() }),
  ),
  history: z.array(unitEventSchema),
});
export const tasksSchema = z.object({
  tasks: z.array(
    z.object({
      registrationId: id,
      unitId: id,
      unitName: z.string(),
      communeName: z.string().nullable(),
      programCode: z.string(),
      status: z.string(),
      action: z.string(),
    }),
  ),
  deadlines: z.array(z.object({ programCode: z.string(), label: z.string(), date: day, overdue: z.boolean() })),
});

export const decisionListSchema = z.array(
  z.object({
    id,
    kind: z.enum(['recognize', 'revoke']),
    number: z.string(),
    issuedOn: day,
    signer: z.string(),
    status: z.string(),
    titleCode: z.string(),
    year: z.number(),
    amendsDecisionId: id.nullable(),
    reason: z.string().nullable(),
    areaCount: z.number().optional(),
  }),
);
/** The titles a programme gave in a year, for choosing what a revoking decision withdraws. */
export const recognitionListSchema = z.array(
  z.object({
    id,
    unitId: id,
    unitName: z.string(),
    communeName: z.string().nullable(),
    titleCode: z.string(),
    status: z.string(),
    source: z.string(),
    revoked: z.boolean(),
    decisionId: id.nullable(),
    decisionNumber: z.string().nullable(),
  }),
);
/** Every title of a place in a year, side by side, with the households holding "Gia đình văn hóa". */
export const allTitlesSchema = z.object({
  unitId: id,
  unitName: z.string(),
  year: z.number(),
  boundaries: z.enum(['current', 'historical']),
  titles: z.array(
    z.object({
      programCode: z.string(),
      programName: z.string(),
      subject: z.enum(['area', 'commune', 'street']),
      subjectName: z.string(),
      titleCode: z.string(),
      titleName: z.string(),
      held: z.number(),
      total: z.number(),
      percent: z.number().nullable(),
      firstTime: z.number(),
      heldOver: z.number(),
      again: z.number(),
    }),
  ),
  households: z.object({ total: z.number().nullable(), cultured: z.number().nullable(), percent: z.number().nullable(), areasWithFigures: z.number() }),
});
export const decisionRowSchema = z.looseObject({
  id,
  programId: id,
  year: z.number(),
  titleCode: z.string(),
  number: z.string(),
  issuedOn: day,
  signer: z.string(),
  signerTitle: z.string().nullable(),
  issuingBody: z.string(),
  status: z.string(),
  issuedAt: z.date().nullable(),
});
export const decisionSchema = decisionRowSchema.extend({
  areas: z.array(
    z.looseObject({
      unitId: id,
      unitName: z.string(),
      communeName: z.string().nullable(),
      status: z.string().optional(),
      reward: z.number().nullable().optional(),
      registrationId: id.optional(),
    }),
  ),
});

const titleFigures = z.object({
  code: z.string(),
  name: z.string(),
  registered: z.number(),
  recognized: z.number(),
  firstTime: z.number(),
  held: z.number(),
  again: z.number(),
});
export const summarySchema = z.object({
  program: z.string(),
  year: z.number(),
  areas: z.number(),
  registered: z.number(),
  recognized: z.number(),
  percentOfAreas: z.number().nullable(),
  titles: z.array(titleFigures),
  yearTarget: z.number().nullable(),
  percentOfYearTarget: z.number().nullable(),
  periodTarget: z.number().nullable(),
  percentOfPeriodTarget: z.number().nullable(),
});
export const dashboardSchema = z.object({
  summary: summarySchema,
  byUnit: z.array(summarySchema.extend({ unitId: id, unitName: z.string() })),
  series: z.array(z.object({ year: z.number(), recognized: z.number(), registered: z.number(), firstTime: z.number(), held: z.number(), again: z.number() })),
  failedCriteria: z.array(z.object({ code: z.string(), text: z.string(), count: z.number(), areas: z.array(unitRefSchema) })),
});

export const recordsSchema = z.object({
  contributions: z.array(
    z.object({
      id,
      unitId: id,
      unitName: z.string(),
      budgetAmount: z.number(),
      peopleAmount: z.number(),
      landM2: z.number(),
      workdays: z.number(),
      note: z.string().nullable(),
    }),
  ),
  documents: z.array(z.object({ id, unitId: id, issuer: z.string(), docType: z.string(), number: z.string(), issuedOn: day, summary: z.string() })),
});
export const createdRowSchema = z.looseObject({ id });

export const userListSchema = z.array(
  z.object({
    id,
    username: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    grants: z.array(z.object({ role: z.string(), unitId: id, unitName: z.string() })),
    /** Whether the caller may manage this account (a strictly wider scope; administrators only by administrators). */
    manageable: z.boolean(),
  }),
);
export const userRowSchema = z.looseObject({ id, username: z.string(), displayName: z.string(), active: z.boolean() });
export const auditSchema = z.array(
  z.object({
    id: z.number(),
    at: z.date(),
    actor: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    unitId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  }),
);

export const reorganizedSchema = z.object({ message: z.string(), unitId: id });
/** An import answered as one JSON (clients that do not ask for NDJSON progress): the counts of what was written. */
export const importResultSchema = z.record(z.string(), z.number());
export const healthSchema = z.object({ status: z.string() });

/**
 * A use case's answer whose storage type is wider than its schema (jsonb read
 * as `unknown`, an engine type without an index signature): the serializer
 * checks it against the schema on every reply, so the type can be taken from
 * the schema here.
 */
/* ───────────── Public notice and residents' comments (issue 14) ───────────── */

export const noticeOpenedSchema = z.object({
  id,
  programCode: z.string(),
  year: z.number(),
  unitId: id,
  unitName: z.string(),
  startsOn: day,
  endsOn: day,
  /** How many proposed areas the notice shows. */
  areas: z.number(),
  /** The public page, no sign-in. */
  url: z.string(),
});

const commentMark = z.enum(['accepted', 'explained', 'not-relevant']);
export const registrationCommentsSchema = z.object({
  /** The notice of the registration's commune, if one was opened. */
  notice: z.object({ id, startsOn: day, endsOn: day, state: z.enum(['not-started', 'open', 'ended']), url: z.string() }).nullable(),
  /** The commune, and whether the caller may open its notice now (none yet, the area proposed). */
  commune: z.object({ id, name: z.string(), canOpen: z.boolean() }).nullable(),
  comments: z.array(
    z.object({
      id,
      noticeId: id,
      body: z.string(),
      authorName: z.string().nullable(),
      authorPhone: z.string().nullable(),
      /** Held for moderation (a link or a phone number in it): never shown on the public page. */
      held: z.boolean(),
      createdAt: z.string(),
      mark: commentMark.nullable(),
      answer: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

export const commentAnswerSchema = z.object({ id, mark: commentMark, answer: z.string(), answeredAt: z.string() });

export const checkedBy = <S extends z.ZodType>(_schema: S, value: unknown): z.output<S> => value as z.output<S>;

/** GET /api/public/verify/:code — what a certificate's or a decision's verification page shows (src/app/public/verify.ts). */
const decisionRefSchema = z.object({ number: z.string().nullable(), date: z.string().nullable(), issuer: z.string().nullable() });
export const verifiedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('certificate'),
    code: z.string(),
    areaName: z.string(),
    place: z.array(z.string()),
    placeNow: z.array(z.string()).nullable(),
    titleName: z.string(),
    year: z.number().int(),
    programName: z.string(),
    status: z.enum(RECOGNITION_STATUSES),
    statusLabel: z.string(),
    decision: decisionRefSchema,
    revoked: decisionRefSchema.nullable(),
  }),
  z.object({
    kind: z.literal('decision'),
    code: z.string(),
    decisionKind: z.enum(['recognize', 'revoke']),
    number: z.string(),
    date: z.string(),
    issuer: z.string(),
    titleName: z.string(),
    year: z.number().int(),
    programName: z.string(),
    areas: z.array(z.object({ areaName: z.string(), communeName: z.string().nullable(), revoked: decisionRefSchema.nullable() })),
  }),
]);
