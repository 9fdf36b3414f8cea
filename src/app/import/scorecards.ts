/**
 * Importing a year's registrations and scorecards from a sheet: one row per
 * area, one column per criterion. The whole file is checked first against
 * the criteria set of that programme year, the areas, the caller's scope and
 * where each registration stands in the cycle; then everything is written in
 * one transaction. Only cells that change a stored value count as changes,
 * so importing the same file twice changes nothing the second time.
 *
 * What a file means for the cycle (docs/import.md): a complete
 * self-assessment is a submitted one (registered → self-assessed), as a
 * paper form handed to the commune is; the board's values are stored with
 * its verdict, and proposing stays a decision the board takes in the app.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { programTitles, recusals, registrations, scorecardValues, units, verdicts, workflowEvents } from '../../db/schema';
import { parseScorecardRows, type ScorecardRecord } from '../../core/import/scorecards';
import { checkScorecard } from '../../core/evaluation/scorecard';
import { evaluate } from '../../core/evaluation/evaluate';
import type { CriteriaSet } from '../../core/criteria/schema';
import type { CriterionValue, Scorecard } from '../../core/evaluation/types';
import { editableBy, type Step } from '../../core/cycle/workflow';
import { existedInYear } from '../../core/units/validity';
import type { Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { AppError } from '../errors';
import { AREA_KINDS, historiesOf, profileOf } from '../cycle/load';
import { storedVerdict, type Stage } from '../cycle/scorecard';
import { programCriteriaSet } from '../programs/queries';
import { unitResolver, type UnitRow } from '../units/resolve';
import { findTitle, importProgram } from './program';
import { refuse, stepper, type Progress } from './progress';
import { outOfReach } from './reach';
import { readSheet } from './read';

export interface ScorecardImport { programCode: string; year: number; stage: Stage }

type Registration = typeof registrations.$inferSelect;
type StoredValue = typeof scorecardValues.$inferSelect;
interface Found { record: ScorecardRecord; unit: UnitRow; titleCode: string }
interface Planned extends Found {
  registration?: Registration;
  /** The stage's values once the file is applied, and the codes whose value the file changes. */
  values: Scorecard;
  previous: Scorecard;
  changed: string[];
  /** The area's own values: a board value that differs from one of them needs its reason. */
  selfValues: Scorecard;
}
type Report = (record: ScorecardRecord, column: string, field: string, message: string) => void;

const same = (a: CriterionValue | undefined, b: CriterionValue | undefined) => JSON.stringify(a) === JSON.stringify(b);
const STAGE_WORD = { self: 'tự đánh giá', board: 'thẩm định' } as const;

export async function importScorecards(db: Db, actor: Actor | null, input: ScorecardImport, bytes: Buffer, filename: string, onProgress?: Progress) {
  const program = await importProgram(db, actor, input.programCode);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id));
  const { id: setId, set } = await programCriteriaSet(db, program.id, input.year);
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, unitColumn, titleColumn } = parseScorecardRows(sheet, set);
  const report: Report = (record, column, field, message) => problems.push({ sheet: sheet.name, row: record.row, column, field, message });

  const resolver = unitResolver(db);
  await resolver.preload(records.map((r) => r.unit));
  const found: Found[] = [];
  const seenUnit = new Map<number, number>();
  const check = stepper(onProgress, 'check', records.length);
  for (const [i, record] of records.entries()) {
    check(i + 1);
    // An area listed without a title or a value (as the template lists every area) has nothing to import.
    if (!record.unit || (!record.title && !Object.keys(record.values).length)) continue;
    const unit = await resolver.resolve(record.unit);
    const title = record.title ? findTitle(titles, record.title) : titles.length === 1 ? titles[0] : undefined;
    const refusal = !unit ? `không tìm thấy khu dân cư "${record.unit}"`
      : outOfReach(actor, unit, record.unit, input.stage === 'self' ? 'selfAssess' : 'appraise', STAGE_WORD[input.stage])
      ?? (!AREA_KINDS.includes(unit.kind) ? `"${unit.name}" không phải thôn, tổ dân phố hay bản`
      : !existedInYear(unit, input.year) ? `"${unit.name}" không tồn tại trong năm ${input.year}`
      : seenUnit.has(unit.id) ? `"${unit.name}" đã có ở dòng ${seenUnit.get(unit.id)}: mỗi khu dân cư một dòng`
      : null);
    if (refusal) { report(record, unitColumn, 'unit', refusal); continue; }
    if (!title) {
      report(record, titleColumn, 'title', record.title
        ? `phong trào không có danh hiệu "${record.title}" (có: ${titles.map((t) => `${t.code} — ${t.name}`).join('; ')})`
        : `phong trào có ${titles.length} danh hiệu: cần cột "title" ghi danh hiệu đăng ký (${titles.map((t) => t.code).join(', ')})`);
      continue;
    }
    seenUnit.set(unit!.id, record.row);
    found.push({ record, unit: unit!, titleCode: title.code });
  }

  const plan = await planChanges(db, actor, { ...input, programId: program.id, set, unitColumn }, found, report);
  if (problems.length) refuse(problems);
  return db.transaction((tx) => writeScorecards(tx, actor, { ...input, setId, set, programId: program.id, filename }, plan, onProgress));
}

/** Compares the file with what is stored: which values change, and whether the cycle still allows it. */
async function planChanges(
  db: Queryable, actor: Actor | null, ctx: ScorecardImport & { programId: number; set: CriteriaSet; unitColumn: string }, found: Found[], report: Report,
): Promise<Planned[]> {
  const regs = new Map<number, Registration>();
  const stored = new Map<number, StoredValue[]>();
  const recused = new Set<number>();
  const unitIds = found.map((f) => f.unit.id);
  for (let i = 0; i < unitIds.length; i += 5000) {
    for (const r of await db.select().from(registrations).where(and(eq(registrations.programId, ctx.programId), eq(registrations.year, ctx.year), inArray(registrations.unitId, unitIds.slice(i, i + 5000))))) regs.set(r.unitId, r);
  }
  const regIds = [...regs.values()].map((r) => r.id);
  for (let i = 0; i < regIds.length; i += 5000) {
    const chunk = regIds.slice(i, i + 5000);
    for (const v of await db.select().from(scorecardValues).where(inArray(scorecardValues.registrationId, chunk))) stored.set(v.registrationId, [...(stored.get(v.registrationId) ?? []), v]);
    if (actor) for (const r of await db.select().from(recusals).where(and(eq(recusals.userId, actor.userId), inArray(recusals.registrationId, chunk)))) recused.add(r.registrationId);
  }
  const [home] = actor?.homeUnitId ? await db.select({ path: units.path }).from(units).where(eq(units.id, actor.homeUnitId)) : [];

  const plan: Planned[] = [];
  for (const f of found) {
    const registration = regs.get(f.unit.id);
    const rows = registration ? (stored.get(registration.id) ?? []) : [];
    const stageValues = valuesOf(rows, ctx.stage);
    const changed = Object.keys(f.record.values).filter((code) => !same(stageValues[code], f.record.values[code]));
    const values = { ...stageValues, ...f.record.values };
    for (const p of checkScorecard(ctx.set, values).filter((x) => !x.message.startsWith('thiếu giá trị')))
      report(f.record, f.record.columns[p.code] ?? '', p.code, p.message);
    const refusal = cycleRefusal(ctx.stage, f, registration, changed.length > 0, { recused: registration ? recused.has(registration.id) : false, homePath: home?.path });
    if (refusal) report(f.record, ctx.unitColumn, 'unit', refusal);
    plan.push({ ...f, registration, values, previous: stageValues, changed, selfValues: valuesOf(rows, 'self') });
  }
  return plan;
}

function valuesOf(rows: StoredValue[], stage: Stage): Scorecard {
  const out: Scorecard = {};
  for (const r of rows) {
    const v = (stage === 'self' ? r.selfValue : r.boardValue) as CriterionValue | null;
    if (v !== null && v !== undefined) out[r.criterionCode] = v;
  }
  return out;
}

/** Why the cycle refuses this row's changes, or null. The same rules as entering the values by hand. */
function cycleRefusal(stage: Stage, f: Found, registration: Registration | undefined, changes: boolean, who: { recused: boolean; homePath?: string }): string | null {
  if (registration && registration.titleCode !== f.titleCode)
    return registration.titleCode ? `${f.unit.name} đã đăng ký danh hiệu "${registration.titleCode}" năm này, không phải "${f.titleCode}"` : `${f.unit.name} chỉ đăng ký nội dung tự quản năm này, không đăng ký danh hiệu`;
  if (stage === 'board' && !registration) return `${f.unit.name} chưa có hồ sơ đăng ký năm này: hãy nhập kết quả tự đánh giá trước`;
  if (!changes || !registration) return null;
  if (registration.locked) return `hồ sơ của ${f.unit.name} đã có quyết định công nhận, không sửa được`;
  if (editableBy(registration.status as Step) !== (stage === 'self' ? 'area' : 'board'))
    return stage === 'self'
      ? `hồ sơ của ${f.unit.name} đã gửi đi, không sửa được kết quả tự đánh giá (đề nghị trả lại hồ sơ nếu cần sửa)`
      : `hồ sơ của ${f.unit.name} chưa ở bước thẩm định (cần khu dân cư gửi kết quả tự đánh giá, và ban chưa kết luận)`;
  if (stage === 'board' && (who.recused || (who.homePath && (who.homePath.startsWith(f.unit.path) || f.unit.path.startsWith(who.homePath)))))
    return `bạn không được thẩm định ${f.unit.name} (nơi cư trú, phụ trách, hoặc đã xin rút)`;
  return null;
}

async function writeScorecards(
  tx: Queryable, actor: Actor | null, ctx: ScorecardImport & { setId: number; set: CriteriaSet; programId: number; filename: string }, plan: Planned[], onProgress?: Progress,
) {
  await assertUnchangedSincePlanned(tx, plan);
  const touched = plan.filter((p) => p.changed.length || !p.registration);
  const write = stepper(onProgress, 'write', touched.length, 200);
  const audit: AuditEntry[] = [];
  const via = `Nhập từ tệp "${ctx.filename}"`;

  // New registrations first: their ids carry the values.
  const fresh = touched.filter((p) => !p.registration);
  for (let i = 0; i < fresh.length; i += 1000) {
    const chunk = fresh.slice(i, i + 1000);
    const rows = await tx.insert(registrations).values(chunk.map((p) => ({
      programId: ctx.programId, year: ctx.year, unitId: p.unit.id, titleCode: p.titleCode, status: 'registered', createdBy: actor?.userId ?? null,
    }))).returning();
    rows.forEach((row, j) => { chunk[j]!.registration = row; });
    await tx.insert(workflowEvents).values(rows.map((r) => ({ registrationId: r.id, action: 'register', toStatus: 'registered', reason: via, actorId: actor?.userId ?? null })));
    for (const r of rows) audit.push({ action: 'import-register', entity: 'registration', entityId: r.id, unitId: r.unitId, after: r });
  }

  const valueRows = touched.flatMap((p) => p.changed.map((code) => {
    const value = p.record.values[code]!;
    return { registrationId: p.registration!.id, code, value, reason: ctx.stage === 'board' && !same(p.selfValues[code], value) ? via : null };
  }));
  await upsertValues(tx, ctx.stage, actor, valueRows);

  const verdictCount = await storeVerdicts(tx, ctx, touched);
  const submitted = ctx.stage === 'self' ? touched.filter((p) => p.registration!.status === 'registered' && !checkScorecard(ctx.set, p.values).length) : [];
  if (submitted.length) {
    const ids = submitted.map((p) => p.registration!.id);
    await tx.update(registrations).set({ status: 'self-assessed', updatedAt: new Date() }).where(inArray(registrations.id, ids));
    await tx.insert(workflowEvents).values(ids.map((id) => ({ registrationId: id, action: 'submit', fromStatus: 'registered', toStatus: 'self-assessed', reason: via, actorId: actor?.userId ?? null })));
  }
  touched.forEach((p, i) => {
    if (p.changed.length) audit.push({
      action: `import-scorecard-${ctx.stage}`, entity: 'registration', entityId: p.registration!.id, unitId: p.unit.id,
      before: Object.fromEntries(p.changed.map((c) => [c, p.previous[c] ?? null])),
      after: { file: ctx.filename, values: Object.fromEntries(p.changed.map((c) => [c, p.record.values[c]])) },
    });
    write(i + 1);
  });
  await recordAuditMany(tx, actor, audit);
  return {
    rows: plan.length, registrationsCreated: fresh.length, registrationsUpdated: touched.length - fresh.length,
    valuesWritten: valueRows.length, verdicts: verdictCount, submitted: submitted.length,
  };
}

/**
 * The file was checked against the registrations as they were read; someone
 * may have submitted, returned or decided one since. Locked for the rest of
 * the transaction and compared, so the checks still hold when writing.
 */
async function assertUnchangedSincePlanned(tx: Queryable, plan: Planned[]): Promise<void> {
  const planned = plan.filter((p) => p.registration);
  for (let i = 0; i < planned.length; i += 5000) {
    const chunk = planned.slice(i, i + 5000);
    const now = new Map((await tx.select({ id: registrations.id, status: registrations.status, locked: registrations.locked }).from(registrations)
      .where(inArray(registrations.id, chunk.map((p) => p.registration!.id))).for('update')).map((r) => [r.id, r]));
    const moved = chunk.find((p) => now.get(p.registration!.id)?.status !== p.registration!.status || now.get(p.registration!.id)?.locked !== p.registration!.locked);
    if (moved) throw new AppError('conflict', `Hồ sơ của ${moved.unit.name} vừa được thay đổi trong lúc kiểm tra tệp; chưa ghi gì, hãy nhập lại tệp`);
  }
}

/** The stage's values, written as arrays through unnest: tens of thousands of cells in a few statements. */
async function upsertValues(tx: Queryable, stage: Stage, actor: Actor | null, rows: Array<{ registrationId: number; code: string; value: CriterionValue; reason: string | null }>) {
  const target = stage === 'self' ? sql`self_value` : sql`board_value`;
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await tx.execute(sql`
      INSERT INTO ${scorecardValues} (registration_id, criterion_code, ${target}, board_reason, updated_by)
      SELECT r, c, v, b, ${actor?.userId ?? null}::int FROM unnest(
        ${sql.param(chunk.map((x) => x.registrationId))}::int[], ${sql.param(chunk.map((x) => x.code))}::text[],
        ${sql.param(chunk.map((x) => JSON.stringify(x.value)))}::jsonb[], ${sql.param(chunk.map((x) => x.reason))}::text[]) AS x(r, c, v, b)
      ON CONFLICT (registration_id, criterion_code) DO UPDATE SET ${target} = excluded.${target},
        ${stage === 'board' ? sql`board_reason = excluded.board_reason,` : sql``} updated_by = excluded.updated_by, updated_at = now()`);
  }
}

/** The verdict of every touched scorecard that is now complete, computed here as when entered by hand. */
async function storeVerdicts(tx: Queryable, ctx: { setId: number; set: CriteriaSet; programId: number; year: number; stage: Stage }, touched: Planned[]): Promise<number> {
  const complete = touched.filter((p) => !checkScorecard(ctx.set, p.values).length);
  if (!complete.length) return 0;
  const parentIds = [...new Set(complete.map((p) => p.unit.parentId).filter((id): id is number => id !== null))];
  const parents = new Map((parentIds.length ? await tx.select().from(units).where(inArray(units.id, parentIds)) : []).map((u) => [u.id, u]));
  const histories = await historiesOf(tx, ctx.programId, complete.map((p) => p.unit.id), ctx.year);
  const rows = complete.map((p) => {
    const verdict = evaluate(ctx.set, {
      profile: profileOf(p.unit, p.unit.parentId ? parents.get(p.unit.parentId) : undefined),
      values: p.values, year: ctx.year, history: histories.get(p.unit.id) ?? [],
    });
    return { registrationId: p.registration!.id, stage: ctx.stage, ...storedVerdict(ctx.setId, verdict) };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(verdicts).values(rows.slice(i, i + 500)).onConflictDoUpdate({
      target: [verdicts.registrationId, verdicts.stage],
      set: {
        criteriaSetId: sql.raw('excluded.criteria_set_id'), recognized: sql.raw('excluded.recognized'), levelCode: sql.raw('excluded.level_code'),
        failedCriteria: sql.raw('excluded.failed_criteria'), result: sql.raw('excluded.result'), computedAt: sql.raw('excluded.computed_at'),
      },
    });
  }
  return rows.length;
}
