/**
 * The one database schema, for PGlite (embedded, default) and PostgreSQL 15+
 * (production). Migrations in drizzle/ are generated from this file with
 * `npm run db:generate`; never edit a generated migration by hand.
 *
 * Conventions: ids are integers; text is stored NFC; `*_folded` columns hold
 * the lower-case, diacritic-free form used by search; calendar dates are
 * `date` (no time zone); moments are `timestamptz`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import type { CriteriaSet } from '../core/criteria/schema';
import { RECOGNITION_STATUSES } from '../core/cycle/status';
import { EVENT_ACTIONS, STAGES, STEPS } from '../core/cycle/workflow';
import type { CriterionValue, Verdict } from '../core/evaluation/types';
import { DEADLINE_STEPS, type Chain } from '../core/programs/settings';
import { UNIT_KINDS } from '../core/units/kinds';
import { ROLES } from '../core/users/roles';

/*
 * Columns holding one of a fixed list (a unit's kind, a role, a step of the
 * cycle, a status) are `text` typed by the list in src/core (`{ enum }`, or
 * `$type` for JSON): the database keeps plain text, so the type changes no
 * migration, and the code reads them typed instead of casting.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/* ───────────── Administrative units ───────────── */

/**
 * A unit of any level: tỉnh, huyện/thành phố/thị xã (historical since 2025),
 * xã/phường/thị trấn/đặc khu, thôn/tổ dân phố/bản. `path` is the chain of
 * ancestor ids ("/1/4/17/") under the current boundaries: scope checks and
 * subtree reports are a prefix match on it.
 */
/**
 * A fresh verification code (mã xác minh) for every new row, whoever inserts it (a decision issued, history
 * imported, the demo): the database function of migration 0010 draws 10 characters of the Crockford alphabet
 * (src/core/verify/code.ts) from gen_random_uuid()'s random bytes, 50 bits.
 */
const VERIFY_CODE_DEFAULT = sql`kdc_verify_code()`;

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    parentId: integer('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    households: integer('households'),
    population: integer('population'),
    poorHouseholds: integer('poor_households'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), index('units_parent_idx').on(t.parentId), index('units_path_idx').on(sql`${t.path} text_pattern_ops`)],
);

/**
 * An attribute a unit carries over a span of years (src/core/units/attributes.ts):
 * "mien-nui", "dac-biet-kho-khan", "tp-truc-thuoc-tw" or a province's own tag.
 * Null years are open-ended. Rules test the attributes of a subject and of every
 * unit above it in the year evaluated.
 */
export const unitAttributes = pgTable(
  'unit_attributes',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    code: text('code').notNull(),
    fromYear: integer('from_year'),
    toYear: integer('to_year'),
  },
  (t) => [index('unit_attributes_unit_idx').on(t.unitId)],
);

/**
 * A figure a unit keeps for a year (src/core/units/figures.ts): its households
 * ("ho"), households holding "Gia đình văn hóa" ("ho-gia-dinh-van-hoa"), or a
 * province's own count. Households are counted, never listed.
 */
export const unitFigures = pgTable(
  'unit_figures',
  {
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.code] })],
);

/** Which parent a unit had over which dates, so old boundaries stay reportable. */
export const unitParents = pgTable(
  'unit_parents',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    parentId: integer('parent_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [index('unit_parents_unit_idx').on(t.unitId)],
);

/** A reorganisation: split, merge, rename, move, close, create — with its legal basis. */
export const unitEvents = pgTable('unit_events', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  effectiveDate: date('effective_date').notNull(),
  legalBasis: text('legal_basis'),
  note: text('note'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

/** Lineage: each event links the units it came from to the units it produced. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    eventId: integer('event_id').notNull(),
    fromUnitId: integer('from_unit_id').notNull(),
    toUnitId: integer('to_unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.fromUnitId, t.toUnitId] }),
    index('unit_lineage_to_idx').on(t.toUnitId),
    index('unit_lineage_from_idx').on(t.fromUnitId),
  ],
);

/* ───────────── Criteria sets and programmes ───────────── */

/** An immutable copy of a criteria-set file. A verdict points at the version it used. */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<CriteriaSet>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('criteria_sets_code_version_uq').on(t.code, t.version)],
);

export const programs = pgTable(
  'programs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ownerUnitId: integer('owner_unit_id').notNull(),
    description: text('description'),
    /** Who issues the programme's documents, as a person writes it: "Ủy ban nhân dân xã Bản Lang". */
    issuingBody: text('issuing_body'),
    /** Who signs them by default, and as what ("Chủ tịch"). A decision may still name another signer. */
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    /** The sentence a certificate (giấy công nhận) carries under the area's name. */
    certificateWording: text('certificate_wording'),
    /** Whether one person may both self-assess and appraise the same registration (issue 12); off unless a programme says so. */
    allowSameAssessor: boolean('allow_same_assessor').notNull().default(false),
    /** How many days a public notice (niêm yết công khai) stays open for residents' comments: 10 by Nghị định 86/2023/NĐ-CP. */
    noticeDays: integer('notice_days').notNull().default(10),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('programs_code_uq').on(t.code)],
);

/** The criteria-set version a programme uses in a year. */
export const programYears = pgTable(
  'program_years',
  {
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    criteriaSetId: integer('criteria_set_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.year] })],
);

/**
 * A title a programme recognises, tied to a level of the criteria set, with
 * the chain of unit kinds that appraise, review and decide it.
 */
export const programTitles = pgTable(
  'program_titles',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    rank: integer('rank').notNull(),
    levelCode: text('level_code').notNull(),
    /** e.g. { "appraise": "commune", "review": "district", "decide": "district", "decidingBody": "UBND thành phố Lai Châu" } */
    chain: jsonb('chain').$type<Chain>().notNull(),
  },
  (t) => [uniqueIndex('program_titles_uq').on(t.programId, t.code)],
);

/**
 * Reward per title and status (lan-dau, giu-vung, cong-nhan-lai): an amount in
 * đồng, or — where the law says so — a coefficient of the base salary in force
 * on the decision's date (1,5 × mức lương cơ sở for a thôn văn hóa).
 */
export const programRewards = pgTable(
  'program_rewards',
  {
    programId: integer('program_id').notNull(),
    titleCode: text('title_code').notNull(),
    status: text('status', { enum: RECOGNITION_STATUSES }).notNull(),
    amount: integer('amount').notNull(),
    coefficient: doublePrecision('coefficient'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.titleCode, t.status] })],
);

/** The base salary (mức lương cơ sở) from a date, with the decree that set it: a dated, system-wide setting. */
export const baseSalaries = pgTable(
  'base_salaries',
  {
    id: serial('id').primaryKey(),
    validFrom: date('valid_from').notNull(),
    amount: integer('amount').notNull(),
    legalBasis: text('legal_basis').notNull(),
  },
  (t) => [uniqueIndex('base_salaries_from_uq').on(t.validFrom)],
);

/** A target: areas recognised in one year, or over a period (year_from..year_to). */
export const programTargets = pgTable(
  'program_targets',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    scope: text('scope', { enum: ['year', 'period'] }).notNull(),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to').notNull(),
    titleCode: text('title_code'),
    target: integer('target').notNull(),
  },
  (t) => [index('program_targets_program_idx').on(t.programId)],
);

/** A deadline of a cycle step, e.g. communes report by 15 October. */
export const programDeadlines = pgTable('program_deadlines', {
  id: serial('id').primaryKey(),
  programId: integer('program_id').notNull(),
  step: text('step', { enum: DEADLINE_STEPS }).notNull(),
  label: text('label').notNull(),
  /** "MM-DD": the same day every year. */
  monthDay: text('month_day').notNull(),
});

/* ───────────── The yearly cycle ───────────── */

/**
 * An area's registration for a programme year: for a title, or (title null)
 * for self-management contents only. `status` is the workflow state, see
 * src/core/cycle/workflow.ts.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    titleCode: text('title_code'),
    selfManagementContents: jsonb('self_management_contents').$type<string[]>().notNull().default([]),
    status: text('status', { enum: STEPS }).notNull(),
    councilRecommended: boolean('council_recommended'),
    councilReason: text('council_reason'),
    locked: boolean('locked').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('registrations_uq').on(t.programId, t.year, t.unitId), index('registrations_year_idx').on(t.programId, t.year)],
);

/** One criterion of a scorecard: the area's own value and the board's, kept side by side. */
export const scorecardValues = pgTable(
  'scorecard_values',
  {
    registrationId: integer('registration_id').notNull(),
    criterionCode: text('criterion_code').notNull(),
    selfValue: jsonb('self_value').$type<CriterionValue>(),
    boardValue: jsonb('board_value').$type<CriterionValue>(),
    note: text('note'),
    /** Why the board's value differs from the area's. Required when it does. */
    boardReason: text('board_reason'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.criterionCode] })],
);

/**
 * A verdict stored once per registration and stage, with the set version it
 * was computed under: reports aggregate these, never raw criterion rows.
 */
export const verdicts = pgTable(
  'verdicts',
  {
    registrationId: integer('registration_id').notNull(),
    stage: text('stage', { enum: STAGES }).notNull(),
    criteriaSetId: integer('criteria_set_id').notNull(),
    recognized: boolean('recognized').notNull(),
    levelCode: text('level_code'),
    failedCriteria: jsonb('failed_criteria').$type<string[]>().notNull(),
    result: jsonb('result').$type<Verdict>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.stage] })],
);

/** Every step of the cycle: who moved the registration from where to where, and why. */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: serial('id').primaryKey(),
    registrationId: integer('registration_id').notNull(),
    action: text('action', { enum: EVENT_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: STEPS }),
    toStatus: text('to_status', { enum: STEPS }).notNull(),
    reason: text('reason'),
    actorId: integer('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workflow_events_reg_idx').on(t.registrationId)],
);

/** A board or council member who stands aside for an area they live in or lead. */
export const recusals = pgTable(
  'recusals',
  {
    registrationId: integer('registration_id').notNull(),
    userId: integer('user_id').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.userId] })],
);

/** Evidence files live in the database, so servers keep no state and backups are whole; their bytes are in evidence_chunks. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: serial('id').primaryKey(),
    registrationId: integer('registration_id').notNull(),
    criterionCode: text('criterion_code'),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_reg_idx').on(t.registrationId)],
);

/**
 * An evidence file's bytes, in pieces of 256 KB numbered from 0, so a 20 MB
 * file is written and read a piece at a time and never held whole in memory
 * (src/app/cycle/evidence.ts). Declared after evidence_files: a backup
 * restores tables in this file's order, and each piece needs its file.
 */
export const evidenceChunks = pgTable(
  'evidence_chunks',
  {
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.seq] })],
);

/**
 * A decision: recognising areas for a title (Quyết định công nhận), or revoking
 * titles it or an earlier decision gave (thu hồi danh hiệu, an amending decision
 * with its reason). Issued = locked.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['recognize', 'revoke'] })
      .notNull()
      .default('recognize'),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    titleCode: text('title_code').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    signer: text('signer').notNull(),
    signerTitle: text('signer_title'),
    issuingBody: text('issuing_body').notNull(),
    issuingUnitId: integer('issuing_unit_id').notNull(),
    amendsDecisionId: integer('amends_decision_id'),
    /** Why titles are revoked (a revoking decision). */
    reason: text('reason'),
    status: text('status', { enum: ['draft', 'issued'] }).notNull(),
    createdBy: integer('created_by'),
    issuedBy: integer('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** Mã xác minh: printed with a QR on the issued decision, read by the public page /xac-minh/:code (docs/verification.md). */
    verifyCode: text('verify_code').notNull().default(VERIFY_CODE_DEFAULT),
  },
  (t) => [index('decisions_program_year_idx').on(t.programId, t.year), uniqueIndex('decisions_verify_code_uq').on(t.verifyCode)],
);

/** The recognitions a revoking decision withdraws (chosen in the draft, marked revoked on issue). */
export const decisionRevocations = pgTable(
  'decision_revocations',
  {
    decisionId: integer('decision_id').notNull(),
    recognitionId: integer('recognition_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.recognitionId] })],
);

/** The registrations a decision recognises (chosen in the draft, turned into recognitions on issue). */
export const decisionRegistrations = pgTable(
  'decision_registrations',
  {
    decisionId: integer('decision_id').notNull(),
    registrationId: integer('registration_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.registrationId] })],
);

/**
 * A recognised area, the basis of every count. Written when a decision is
 * issued, or imported from records kept before the system (decision null).
 * Status (lần đầu / giữ vững / công nhận lại) is derived from earlier rows.
 */
export const recognitions = pgTable(
  'recognitions',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    titleCode: text('title_code').notNull(),
    decisionId: integer('decision_id'),
    registrationId: integer('registration_id'),
    status: text('status', { enum: RECOGNITION_STATUSES }).notNull(),
    rewardAmount: integer('reward_amount').notNull().default(0),
    source: text('source', { enum: ['decision', 'import'] }).notNull(),
    /** For imported history: the decision as the records give it (number, date, issuer), when they do. */
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    decisionIssuer: text('decision_issuer'),
    revoked: boolean('revoked').notNull().default(false),
    /** The decision that revoked the title (thu hồi danh hiệu). */
    revokedByDecisionId: integer('revoked_by_decision_id'),
    /** Mã xác minh: printed with a QR on the certificate (giấy công nhận), read by the public page /xac-minh/:code. */
    verifyCode: text('verify_code').notNull().default(VERIFY_CODE_DEFAULT),
  },
  (t) => [
    uniqueIndex('recognitions_uq').on(t.programId, t.year, t.unitId, t.titleCode),
    uniqueIndex('recognitions_verify_code_uq').on(t.verifyCode),
    index('recognitions_year_idx').on(t.programId, t.year),
    index('recognitions_decision_idx').on(t.decisionId),
  ],
);

/* ───────────── Users, sessions, audit ───────────── */

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** The area the user lives in or leads: they may not appraise it. */
    homeUnitId: integer('home_unit_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** A role over a unit subtree. A user may hold several. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id').notNull(),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

/** Server-side sessions (no state in server memory). The cookie holds a token; only its hash is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/**
 * Requests counted per key (e.g. "verify:ip:203.0.113.5") and fixed window, for the public routes' rate limits
 * (src/app/public/rate-limit.ts); in the database so the limit holds across server instances. Purged daily.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_counters_window_idx').on(t.windowStart)],
);

/** Failed logins, for rate limiting that holds across several server instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);

/** Append-only: a trigger (see migrations) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    unitId: integer('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_unit_idx').on(t.unitId)],
);

/**
 * One number that moves whenever a transaction that changed any table the
 * figures are read from commits (issue 15). Triggers keep it (drizzle/0009):
 * a statement on such a table marks its transaction once, and at commit a
 * deferred trigger adds one — so the number is exact, moves in the writing
 * transaction itself, and locks its row only in the instant before commit.
 * Reports remember what they computed under a number (app/reports/memo.ts)
 * and compute again when it has moved, on any server instance.
 * Every table gets the trigger but sessions, login attempts and the audit
 * log (test/db/figures-revision.test.ts checks that none is forgotten).
 */
export const figuresRevision = pgTable('figures_revision', {
  id: boolean('id').primaryKey().default(true),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});
/** Transactions that changed figures and have not committed yet: one row each, removed at commit. */
export const figuresRevisionPending = pgTable('figures_revision_pending', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});

/* ───────────── Reports: contributions and documents ───────────── */

/** Money, land and workdays contributed to an area (Báo cáo 299-BC/HU, Phụ lục 2). */
export const contributions = pgTable(
  'contributions',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    budgetAmount: integer('budget_amount').notNull().default(0),
    peopleAmount: integer('people_amount').notNull().default(0),
    landM2: integer('land_m2').notNull().default(0),
    workdays: integer('workdays').notNull().default(0),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('contributions_year_idx').on(t.programId, t.year)],
);

/** Register of documents issued (Báo cáo 299-BC/HU, Phụ lục 1). */
export const documentsIssued = pgTable(
  'documents_issued',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    issuer: text('issuer').notNull(),
    docType: text('doc_type').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    summary: text('summary').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('documents_issued_year_idx').on(t.programId, t.year)],
);

/** Rewards actually paid, against what recognitions make due. */
export const rewardsPaid = pgTable('rewards_paid', {
  id: serial('id').primaryKey(),
  recognitionId: integer('recognition_id').notNull(),
  amount: integer('amount').notNull(),
  paidOn: date('paid_on').notNull(),
  note: text('note'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

/* ───────────── Public notice and residents' comments (issue 14) ───────────── */

/**
 * A public notice (niêm yết công khai) of the areas a commune proposes for a
 * programme year: open from `startsOn` to `endsOn` (both days included, in
 * Vietnam's calendar), shown without sign-in at /niem-yet/:id. One per
 * programme, year and commune.
 */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: serial('id').primaryKey(),
    programId: integer('program_id').notNull(),
    year: integer('year').notNull(),
    /** The commune (xã, phường) whose proposed areas are posted. */
    unitId: integer('unit_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    openedBy: integer('opened_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('public_notices_uq').on(t.programId, t.year, t.unitId)],
);

/**
 * A resident's comment (ý kiến) on one proposed area of a notice, kept with
 * the registration. Name and phone are never shown publicly; a comment with a
 * link or a phone number waits for a board member (`held`). The board or the
 * council answers it: accepted (tiếp thu), explained (giải trình) or not
 * relevant (không liên quan), with a reason.
 */
export const noticeComments = pgTable(
  'notice_comments',
  {
    id: serial('id').primaryKey(),
    noticeId: integer('notice_id').notNull(),
    registrationId: integer('registration_id').notNull(),
    body: text('body').notNull(),
    authorName: text('author_name'),
    authorPhone: text('author_phone'),
    /** SHA-256 of the sender's address with a server secret: the rate limit per address, no address kept. */
    senderKey: text('sender_key').notNull(),
    /** The proof-of-work challenge it was sent with: one comment per solved challenge. */
    challengeId: text('challenge_id').notNull(),
    /** Held for moderation (a link, a phone number): not shown publicly until a board member lets it through. */
    held: boolean('held').notNull().default(false),
    mark: text('mark', { enum: ['accepted', 'explained', 'not-relevant'] }),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notice_comments_challenge_uq').on(t.challengeId),
    index('notice_comments_registration_idx').on(t.registrationId),
    index('notice_comments_sender_idx').on(t.senderKey, t.createdAt),
  ],
);
