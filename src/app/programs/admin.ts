/**
 * Running a programme without a developer (issue 10, item 4): creating one
 * from a criteria set, changing its settings, publishing a new criteria-set
 * version beside the old one. Each is one transaction holding the programme's
 * row, with its audit entry. The web app, the HTTP API, the command line and
 * the demo all go through here, so the rules live in one place.
 *
 * Who may: an administrator, or an officer whose grant covers the programme's
 * owner unit (a commune officer runs its own commune's programme). A
 * programme the caller cannot even see answers 404; one they see (it is run
 * above them) but may not change, 403. The command line is the system actor
 * (SYSTEM_ACTOR): it may do everything and is audited as such.
 *
 * A criteria-set version is never edited: a code and version already kept
 * with other content is refused (409), so whatever a verdict or a
 * recognition rests on stays as it was.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import {
  criteriaSets,
  decisions,
  programDeadlines,
  programRewards,
  programs,
  programTargets,
  programTitles,
  programYears,
  recognitions,
  registrations,
} from '../../db/schema';
import type { CriteriaSet } from '../../core/criteria/schema';
import { findBuiltinSet } from '../../core/criteria/builtin/index';
import { DEFAULT_NOTICE_DAYS } from '../../core/notice/notice';
import { parseCriteriaSet, unusableReason } from '../../core/criteria/validate';
import {
  DEADLINE_LABELS,
  programCodeSchema,
  programSettingsSchema,
  type Chain,
  type ChainLevel,
  type Deadline,
  type ProgramSettings,
  type Reward,
  type Target,
} from '../../core/programs/settings';
import { nfc } from '../../core/text/normalize';
import { unitTier } from '../../core/units/kinds';
import type { Actor } from '../actor';
import { findUnit } from '../units/find';
import { findProgram, programNotFound } from './find';
import { recordAudit } from '../audit';
import { AppError, forbidden, invalid } from '../errors';
import { can, covers } from '../policy';
import { recomputeVerdicts } from '../cycle/verdicts';

/** Whether the actor may create or change a programme owned by the unit at this path (the policy's "program.manage"). */
export function mayAdministerProgram(actor: Actor, ownerPath: string): boolean {
  return can(actor, 'program.manage', { kind: 'program', ownerPath });
}

/** Whether the actor may see a programme owned by the unit at this path ("program.read"). */
export function maySeeProgram(actor: Actor, ownerPath: string): boolean {
  return can(actor, 'program.read', { kind: 'program', ownerPath });
}

/* ───────────── Who may (kept small and named, for the policy module to take over) ───────────── */

/** 404 when the actor cannot see the programme, 403 when they see it but may not change it. */
export function assertMayAdminister(actor: Actor, code: string, ownerPath: string): void {
  if (!maySeeProgram(actor, ownerPath)) throw programNotFound(code);
  if (!mayAdministerProgram(actor, ownerPath)) throw forbidden('Chỉ quản trị hệ thống hoặc cán bộ của đơn vị chủ trì mới thay đổi được phong trào này');
}

/* ───────────── Errors at the field ───────────── */

/** A 400 that names the field as the request's schema would ("rewards.0.titleCode: …"). */
function fieldError(field: string, message: string): AppError {
  return invalid(`Dữ liệu không hợp lệ: ${field}: ${message}`, [`${field}: ${message}`]);
}

function fieldErrors(problems: string[]): AppError {
  return invalid(`Dữ liệu không hợp lệ: ${problems.join('; ')}`, problems);
}

/** The settings checked by their schema, or a 400 listing each field in Vietnamese. */
export function parseProgramSettings(data: unknown): ProgramSettings {
  const parsed = programSettingsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw fieldErrors(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)));
}

/* ───────────── Criteria sets ───────────── */

/** JSON with keys in one order, so a set read back from jsonb compares equal to the one sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The id of the set's code and version: kept already with the same content (the
 * same file sent twice), or stored now. The same code and version with other
 * content is refused: a published version is never edited.
 */
export async function storeCriteriaSet(tx: Queryable, set: CriteriaSet): Promise<{ id: number; created: boolean }> {
  const inserted = await tx
    .insert(criteriaSets)
    .values({ code: set.code, version: set.version, name: set.name, definition: set })
    .onConflictDoNothing({ target: [criteriaSets.code, criteriaSets.version] })
    .returning({ id: criteriaSets.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [kept] = await tx
    .select()
    .from(criteriaSets)
    .where(and(eq(criteriaSets.code, set.code), eq(criteriaSets.version, set.version)));
  if (canonical(kept!.definition) !== canonical(set))
    throw new AppError(
      'conflict',
      `Bộ tiêu chí "${set.code}" phiên bản "${set.version}" đã được công bố với nội dung khác. Một phiên bản đã công bố không được sửa (các kết quả đánh giá và công nhận dựa trên nó); hãy đặt số phiên bản mới trong tệp (trường "version").`,
    );
  return { id: kept!.id, created: false };
}

/**
 * The criteria set a request names: a built-in code ("laichau-tqpttd", or
 * "code@version") or a whole set as JSON, checked as `kdc criteria validate`
 * checks a file. Each problem comes back at its place ("criteriaSet $.sections[1].code: …").
 */
export function criteriaSetFrom(data: unknown, field = 'criteriaSet'): CriteriaSet {
  if (typeof data === 'string') {
    const [code, version] = data.trim().split('@');
    const builtin = findBuiltinSet(code ?? '', version);
    if (!builtin) throw fieldError(field, `không có bộ tiêu chí có sẵn "${data}"; hãy gửi cả bộ tiêu chí (JSON)`);
    return builtin;
  }
  const parsed = parseCriteriaSet(data);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${field}: ${p.path}: ${p.message}`);
    throw invalid(`Bộ tiêu chí không hợp lệ (${parsed.problems.length} lỗi):\n${problems.slice(0, 50).join('\n')}`, problems);
  }
  return parsed.set;
}

function assertUsable(set: CriteriaSet): void {
  const reason = unusableReason(set);
  if (reason) throw fieldError('criteriaSet', reason);
}

/* ───────────── The one insert path (createProgram and the demo) ───────────── */

export interface TitleInput {
  code: string;
  name: string;
  rank: number;
  levelCode?: string;
  chain: Chain;
}

export interface ProgramInsert {
  code: string;
  name: string;
  ownerUnitId: number;
  description?: string | null;
  /** The criteria-set version in force each year the programme runs. */
  years: Array<{ year: number; criteriaSetId: number }>;
  titles: TitleInput[];
  rewards?: Reward[];
  targets?: Target[];
  deadlines?: Deadline[];
  issuingBody?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  certificateWording?: string | null;
  allowSameAssessor?: boolean;
  noticeDays?: number;
}

const deadlineRows = (programId: number, list: Deadline[]) =>
  list.map((d) => ({ programId, step: d.step, label: d.label ?? DEADLINE_LABELS[d.step], monthDay: d.monthDay }));
const rewardRows = (programId: number, list: Reward[]) =>
  list.map((r) => ({ programId, titleCode: r.titleCode, status: r.status, amount: r.amount ?? 0, coefficient: r.coefficient ?? null }));
const targetRows = (programId: number, list: Target[]) =>
  list.map((t) => ({ programId, scope: t.scope, yearFrom: t.yearFrom, yearTo: t.yearTo, titleCode: t.titleCode ?? null, target: t.target }));

/** Writes a programme and everything it is set up with. The code must be free (409 otherwise); checks are the caller's. */
export async function insertProgram(tx: Queryable, p: ProgramInsert): Promise<number> {
  const [program] = await tx
    .insert(programs)
    .values({
      code: p.code,
      name: p.name,
      ownerUnitId: p.ownerUnitId,
      description: p.description ?? null,
      issuingBody: p.issuingBody ?? null,
      signerName: p.signerName ?? null,
      signerTitle: p.signerTitle ?? null,
      certificateWording: p.certificateWording ?? null,
      allowSameAssessor: p.allowSameAssessor ?? false,
      noticeDays: p.noticeDays ?? DEFAULT_NOTICE_DAYS,
    })
    .onConflictDoNothing({ target: programs.code })
    .returning({ id: programs.id });
  if (!program) throw new AppError('conflict', `Mã phong trào "${p.code}" đã có; hãy chọn mã khác`);
  const programId = program.id;
  await tx.insert(programYears).values(p.years.map((y) => ({ programId, ...y })));
  await tx
    .insert(programTitles)
    .values(p.titles.map((t) => ({ programId, code: t.code, name: t.name, rank: t.rank, levelCode: t.levelCode ?? t.code, chain: t.chain })));
  if (p.rewards?.length) await tx.insert(programRewards).values(rewardRows(programId, p.rewards));
  if (p.targets?.length) await tx.insert(programTargets).values(targetRows(programId, p.targets));
  if (p.deadlines?.length) await tx.insert(programDeadlines).values(deadlineRows(programId, p.deadlines));
  return programId;
}

/* ───────────── Cross-checks that need the programme's titles ───────────── */

function checkAgainstTitles(settings: ProgramSettings, titleCodes: string[], years: { from: number; to: number }): string[] {
  const problems: string[] = [];
  const known = (code: string) => titleCodes.includes(code);
  const list = titleCodes.join(', ');
  settings.chains?.forEach((c, i) => {
    if (!known(c.titleCode)) problems.push(`chains.${i}.titleCode: phong trào không có danh hiệu "${c.titleCode}" (có: ${list})`);
  });
  settings.rewards?.forEach((r, i) => {
    if (!known(r.titleCode)) problems.push(`rewards.${i}.titleCode: phong trào không có danh hiệu "${r.titleCode}" (có: ${list})`);
  });
  settings.targets?.forEach((t, i) => {
    if (t.titleCode && !known(t.titleCode)) problems.push(`targets.${i}.titleCode: phong trào không có danh hiệu "${t.titleCode}" (có: ${list})`);
    if (t.yearTo < years.from || t.yearFrom > years.to)
      problems.push(`targets.${i}.yearFrom: chỉ tiêu ${t.yearFrom}–${t.yearTo} nằm ngoài các năm của phong trào (${years.from}–${years.to})`);
  });
  const seen = (keys: string[], field: string, what: (k: string) => string) =>
    keys.forEach((k, i) => {
      const first = keys.indexOf(k);
      if (first !== i) problems.push(`${field}.${i}: ${what(k)} trùng với mục ${first + 1}`);
    });
  seen(
    (settings.rewards ?? []).map((r) => `${r.titleCode}/${r.status}`),
    'rewards',
    (k) => `mức thưởng ${k}`,
  );
  seen(
    (settings.deadlines ?? []).map((d) => d.step),
    'deadlines',
    (k) => `hạn của bước ${k}`,
  );
  seen(
    (settings.targets ?? []).map((t) => `${t.scope}/${t.yearFrom}/${t.yearTo}/${t.titleCode ?? ''}`),
    'targets',
    (k) => `chỉ tiêu ${k}`,
  );
  seen(
    (settings.chains ?? []).map((c) => c.titleCode),
    'chains',
    (k) => `quy trình của danh hiệu ${k}`,
  );
  return problems;
}

function checkYears(from: number, to: number): void {
  if (from > to) throw fieldError('toYear', `năm kết thúc (${to}) phải sau hoặc bằng năm bắt đầu (${from})`);
  if (to - from > 50) throw fieldError('toYear', 'một phong trào chạy tối đa 50 năm');
}

const tierOf = (kind: string): ChainLevel | null => {
  const tier = unitTier(kind);
  return tier === 'commune' || tier === 'district' || tier === 'province' ? tier : null;
};

/* ───────────── Create ───────────── */

export interface CreateProgramInput {
  code: string;
  name: string;
  ownerUnitId: number;
  description?: string | null;
  /** Parsed and validated (parseCriteriaSet), as `kdc criteria validate` checks a file. */
  set: CriteriaSet;
  fromYear: number;
  /** The last year it runs; the first year when not given. */
  toYear?: number;
  /** Titles as the set's levels name them, unless given. */
  titles?: Array<{ code: string; name?: string; levelCode?: string; chain?: Chain }>;
  settings?: Omit<ProgramSettings, 'name' | 'description' | 'fromYear' | 'toYear'>;
}

async function requireOwnerUnit(db: Queryable, actor: Actor, unitId: number) {
  const unit = await findUnit(db, unitId);
  if (!unit || !covers(actor, unit.path, 'read'))
    throw new AppError('not-found', 'Không tìm thấy đơn vị chủ trì trong phạm vi của bạn', ['ownerUnitId: không tìm thấy đơn vị']);
  if (!mayAdministerProgram(actor, unit.path)) throw forbidden(`Bạn không tạo được phong trào do ${unit.name} chủ trì`);
  if (!tierOf(unit.kind)) throw fieldError('ownerUnitId', `đơn vị chủ trì phải là xã, phường, đặc khu, huyện, thành phố hoặc tỉnh; ${unit.name} không phải`);
  if (unit.validTo) throw fieldError('ownerUnitId', `${unit.name} đã giải thể hoặc sáp nhập từ ${unit.validTo}`);
  return unit;
}

export async function createProgram(db: Db, actor: Actor, input: CreateProgramInput) {
  const code = programCodeSchema.safeParse(input.code);
  if (!code.success) throw fieldError('code', code.error.issues[0]!.message);
  const name = nfc(input.name.trim());
  if (!name) throw fieldError('name', 'tên phong trào không được để trống');
  const owner = await requireOwnerUnit(db, actor, input.ownerUnitId);
  assertUsable(input.set);
  const toYear = input.toYear ?? input.fromYear;
  checkYears(input.fromYear, toYear);
  const settings = parseProgramSettings(input.settings ?? {});

  const levels = input.set.levels;
  const ownerTier = tierOf(owner.kind)!;
  const defaultChain = (): Chain => ({
    appraise: 'commune',
    review: ownerTier,
    decide: ownerTier,
    ...(settings.issuingBody ? { decidingBody: settings.issuingBody } : {}),
  });
  const wanted: NonNullable<CreateProgramInput['titles']> = input.titles ?? levels.map((l) => ({ code: l.code }));
  const titles: TitleInput[] = wanted.map((t, i) => {
    const level = levels.find((l) => l.code === (t.levelCode ?? t.code));
    if (!level)
      throw fieldError(
        `titles.${i}.levelCode`,
        `bộ tiêu chí không có danh hiệu (level) "${t.levelCode ?? t.code}" (có: ${levels.map((l) => l.code).join(', ')})`,
      );
    return { code: t.code, name: t.name ? nfc(t.name.trim()) : level.name, rank: level.rank, levelCode: level.code, chain: t.chain ?? defaultChain() };
  });
  const problems = checkAgainstTitles(
    settings,
    titles.map((t) => t.code),
    { from: input.fromYear, to: toYear },
  );
  if (problems.length) throw fieldErrors(problems);

  return db.transaction(async (tx) => {
    const set = await storeCriteriaSet(tx, input.set);
    const years = Array.from({ length: toYear - input.fromYear + 1 }, (_, i) => ({ year: input.fromYear + i, criteriaSetId: set.id }));
    const chains = new Map((settings.chains ?? []).map((c) => [c.titleCode, c.chain]));
    const row: ProgramInsert = {
      code: code.data,
      name,
      ownerUnitId: owner.id,
      description: input.description ? nfc(input.description.trim()) : null,
      years,
      titles: titles.map((t) => ({ ...t, chain: chains.get(t.code) ?? t.chain })),
      rewards: settings.rewards,
      targets: settings.targets,
      deadlines: settings.deadlines,
      issuingBody: settings.issuingBody,
      signerName: settings.signerName,
      signerTitle: settings.signerTitle,
      certificateWording: settings.certificateWording,
      allowSameAssessor: settings.allowSameAssessor,
      noticeDays: settings.noticeDays,
    };
    const programId = await insertProgram(tx, row);
    if (set.created)
      await recordAudit(tx, actor, {
        action: 'publish-criteria-set',
        entity: 'criteria-set',
        entityId: set.id,
        unitId: owner.id,
        after: { code: input.set.code, version: input.set.version, name: input.set.name, program: code.data },
      });
    await recordAudit(tx, actor, {
      action: 'create-program',
      entity: 'program',
      entityId: programId,
      unitId: owner.id,
      after: { ...row, criteriaSet: `${input.set.code}@${input.set.version}` },
    });
    return { id: programId, code: code.data };
  });
}

/* ───────────── Settings ───────────── */

/** The programme's row, locked for the rest of the transaction, with its owner's path. */
async function lockProgram(tx: Queryable, actor: Actor, code: string) {
  const program = await findProgram(tx, code, { lock: true });
  assertMayAdminister(actor, code, program.ownerPath);
  return program;
}

async function yearsOf(tx: Queryable, programId: number) {
  return tx.select().from(programYears).where(eq(programYears.programId, programId)).orderBy(asc(programYears.year));
}

/** Years that records rest on (a registration, a recognition or a decision), among these. */
async function yearsInUse(tx: Queryable, programId: number, years: number[]): Promise<number[]> {
  if (!years.length) return [];
  const found = [];
  for (const table of [registrations, recognitions, decisions])
    found.push(
      await tx
        .selectDistinct({ year: table.year })
        .from(table)
        .where(and(eq(table.programId, programId), inArray(table.year, years))),
    );
  return [...new Set(found.flat().map((r) => r.year))].sort((a, b) => a - b);
}

/** Brings the programme's years to from..to: new years take the set in force next to them; a year records rest on is never dropped. */
async function applyYears(tx: Queryable, programId: number, from: number, to: number): Promise<void> {
  const kept = await yearsOf(tx, programId);
  const dropped = kept.filter((y) => y.year < from || y.year > to).map((y) => y.year);
  const used = await yearsInUse(tx, programId, dropped);
  if (used.length) throw new AppError('conflict', `Không bỏ được năm ${used.join(', ')}: đã có hồ sơ đăng ký, quyết định hoặc kết quả công nhận trong năm đó`);
  if (dropped.length) await tx.delete(programYears).where(and(eq(programYears.programId, programId), inArray(programYears.year, dropped)));
  const remaining = kept.filter((y) => y.year >= from && y.year <= to);
  const setFor = (year: number) =>
    (remaining.filter((y) => y.year <= year).at(-1) ?? remaining[0] ?? kept.filter((y) => y.year <= year).at(-1) ?? kept[0])!.criteriaSetId;
  const added = [];
  for (let year = from; year <= to; year++) if (!remaining.some((y) => y.year === year)) added.push({ programId, year, criteriaSetId: setFor(year) });
  if (added.length) await tx.insert(programYears).values(added);
}

export async function updateProgramSettings(db: Db, actor: Actor, code: string, input: unknown) {
  const settings = parseProgramSettings(input);
  if (!Object.keys(settings).length) throw invalid('Chưa có thay đổi nào: hãy nêu ít nhất một cài đặt');
  return db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, code);
    const titles = await tx.select().from(programTitles).where(eq(programTitles.programId, program.id)).orderBy(asc(programTitles.rank));
    const years = await yearsOf(tx, program.id);
    const from = settings.fromYear ?? years[0]!.year;
    const to = settings.toYear ?? years.at(-1)!.year;
    checkYears(from, to);
    const problems = checkAgainstTitles(
      settings,
      titles.map((t) => t.code),
      { from, to },
    );
    if (problems.length) throw fieldErrors(problems);
    const before = await settingsSnapshot(tx, program.id);

    const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : nfc(v));
    const columns = {
      name: text(settings.name) ?? undefined,
      description: text(settings.description),
      issuingBody: text(settings.issuingBody),
      signerName: text(settings.signerName),
      signerTitle: text(settings.signerTitle),
      certificateWording: text(settings.certificateWording),
      allowSameAssessor: settings.allowSameAssessor,
      noticeDays: settings.noticeDays,
    };
    if (Object.values(columns).some((v) => v !== undefined)) await tx.update(programs).set(columns).where(eq(programs.id, program.id));
    if (settings.fromYear !== undefined || settings.toYear !== undefined) await applyYears(tx, program.id, from, to);
    for (const { titleCode, chain } of settings.chains ?? [])
      await tx
        .update(programTitles)
        .set({ chain })
        .where(and(eq(programTitles.programId, program.id), eq(programTitles.code, titleCode)));
    if (settings.targets) {
      await tx.delete(programTargets).where(eq(programTargets.programId, program.id));
      if (settings.targets.length) await tx.insert(programTargets).values(targetRows(program.id, settings.targets));
    }
    if (settings.deadlines) {
      await tx.delete(programDeadlines).where(eq(programDeadlines.programId, program.id));
      if (settings.deadlines.length) await tx.insert(programDeadlines).values(deadlineRows(program.id, settings.deadlines));
    }
    if (settings.rewards) {
      await tx.delete(programRewards).where(eq(programRewards.programId, program.id));
      if (settings.rewards.length) await tx.insert(programRewards).values(rewardRows(program.id, settings.rewards));
    }
    const after = await settingsSnapshot(tx, program.id);
    await recordAudit(tx, actor, { action: 'update-program-settings', entity: 'program', entityId: program.id, unitId: program.ownerUnitId, before, after });
    return { id: program.id, code: program.code };
  });
}

/** Everything the settings cover, as the audit log keeps it before and after a change. */
async function settingsSnapshot(tx: Queryable, programId: number) {
  const [p] = await tx.select().from(programs).where(eq(programs.id, programId));
  // One after the other: a transaction is one connection, and node-postgres wants one query at a time on it.
  const years = await yearsOf(tx, programId);
  const titles = await tx
    .select({ code: programTitles.code, chain: programTitles.chain })
    .from(programTitles)
    .where(eq(programTitles.programId, programId))
    .orderBy(asc(programTitles.rank));
  const targets = await tx
    .select()
    .from(programTargets)
    .where(eq(programTargets.programId, programId))
    .orderBy(asc(programTargets.yearFrom), asc(programTargets.id));
  const deadlines = await tx.select().from(programDeadlines).where(eq(programDeadlines.programId, programId)).orderBy(asc(programDeadlines.monthDay));
  const rewards = await tx.select().from(programRewards).where(eq(programRewards.programId, programId));
  return {
    name: p!.name,
    description: p!.description,
    issuingBody: p!.issuingBody,
    signerName: p!.signerName,
    signerTitle: p!.signerTitle,
    certificateWording: p!.certificateWording,
    allowSameAssessor: p!.allowSameAssessor,
    noticeDays: p!.noticeDays,
    years: years.map((y) => ({ year: y.year, criteriaSetId: y.criteriaSetId })),
    chains: titles.map((t) => ({ titleCode: t.code, chain: t.chain })),
    targets: targets.map(({ scope, yearFrom, yearTo, titleCode, target }) => ({ scope, yearFrom, yearTo, titleCode, target })),
    deadlines: deadlines.map(({ step, label, monthDay }) => ({ step, label, monthDay })),
    rewards: rewards.map(({ titleCode, status, amount, coefficient }) => ({ titleCode, status, amount, coefficient })),
  };
}

/* ───────────── A new criteria-set version ───────────── */

export interface PublishInput {
  /** Parsed and validated (parseCriteriaSet). */
  set: CriteriaSet;
  /** The first year it applies to; the year of the set's validFrom when not given. */
  fromYear?: number;
}

/**
 * A new version of the programme's criteria set (a new decision, like Lâm Đồng's
 * 281/2019 → 292/2021) applies from a year on; earlier years keep theirs. The
 * years it takes over may have no decision yet: a decided year keeps the set its
 * verdicts were made under. Registrations still open in those years are judged
 * again under the new version, in the same transaction.
 */
export async function publishCriteriaVersion(db: Db, actor: Actor, code: string, input: PublishInput) {
  assertUsable(input.set);
  const fromYear = input.fromYear ?? Number(input.set.validFrom.slice(0, 4));
  return db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, code);
    const years = await yearsOf(tx, program.id);
    const first = years[0]!.year;
    const last = years.at(-1)!.year;
    if (fromYear < first || fromYear > last)
      throw fieldError(
        'fromYear',
        `năm áp dụng ${fromYear} nằm ngoài các năm của phong trào (${first}–${last}); hãy kéo dài phong trào trước (cài đặt toYear)`,
      );
    const current = (
      await tx
        .select({ definition: criteriaSets.definition })
        .from(criteriaSets)
        .where(eq(criteriaSets.id, years.filter((y) => y.year <= fromYear).at(-1)!.criteriaSetId))
    )[0];
    const currentSet = current!.definition;
    if ((currentSet.subject ?? 'area') !== input.set.subject)
      throw fieldError(
        'criteriaSet',
        `bộ tiêu chí mới công nhận đối tượng "${input.set.subject}", phong trào đang công nhận "${currentSet.subject ?? 'area'}"`,
      );
    const titles = await tx.select().from(programTitles).where(eq(programTitles.programId, program.id));
    const missing = titles.filter((t) => !input.set.levels.some((l) => l.code === t.levelCode));
    if (missing.length)
      throw fieldError(
        'criteriaSet',
        `bộ tiêu chí mới thiếu danh hiệu (level) ${missing.map((t) => `"${t.levelCode}" (${t.name})`).join(', ')} mà phong trào đang dùng`,
      );

    const taken = years.filter((y) => y.year >= fromYear).map((y) => y.year);
    const decided = await tx
      .selectDistinct({ year: registrations.year })
      .from(registrations)
      .where(and(eq(registrations.programId, program.id), gte(registrations.year, fromYear), eq(registrations.locked, true)));
    const recognised = await tx
      .selectDistinct({ year: recognitions.year })
      .from(recognitions)
      .where(and(eq(recognitions.programId, program.id), gte(recognitions.year, fromYear), eq(recognitions.source, 'decision')));
    const frozen = [...new Set([...decided, ...recognised].map((r) => r.year))].sort((a, b) => a - b);
    if (frozen.length)
      throw new AppError(
        'conflict',
        `Năm ${frozen.join(', ')} đã có quyết định công nhận theo bộ tiêu chí đang dùng; phiên bản mới chỉ áp dụng được từ năm ${frozen.at(-1)! + 1}`,
      );

    const set = await storeCriteriaSet(tx, input.set);
    await tx
      .update(programYears)
      .set({ criteriaSetId: set.id })
      .where(and(eq(programYears.programId, program.id), inArray(programYears.year, taken)));
    const open = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.programId, program.id), gte(registrations.year, fromYear), lte(registrations.year, last), eq(registrations.locked, false)));
    if (open.length)
      await recomputeVerdicts(
        tx,
        open.map((r) => r.id),
      );
    await recordAudit(tx, actor, {
      action: 'publish-criteria-set',
      entity: 'program',
      entityId: program.id,
      unitId: program.ownerUnitId,
      before: { years: years.filter((y) => y.year >= fromYear).map((y) => ({ year: y.year, criteriaSetId: y.criteriaSetId })) },
      after: {
        criteriaSetId: set.id,
        code: input.set.code,
        version: input.set.version,
        fromYear,
        years: taken,
        newVersion: set.created,
        recomputed: open.length,
      },
    });
    return { id: program.id, code: program.code, criteriaSetId: set.id, fromYear, years: taken, recomputed: open.length };
  });
}
