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
import { and, eq, inArray } from 'drizzle-orm';
import { inBatches } from '../../db/batch';
import type { Db, Queryable } from '../../db/client';
import { programTitles, registrations, scorecardValues } from '../../db/schema';
import { parseScorecardRows, type ScorecardRecord } from '../../core/import/scorecards';
import type { ImportProblemKind } from '../../core/import/sheet';
import type { CriterionValue, Scorecard } from '../../core/evaluation/types';
import { existedInYear } from '../../core/units/validity';
import type { Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { AppError } from '../errors';
import { judgingContexts } from '../cycle/context';
import { lockRegistrations, tiesOf, type Registration } from '../cycle/load';
import { conflictOfInterest, editRefusal, stepRefusal, verdictRefusal, type Refusal, type Ties } from '../cycle/rules';
import { createRegistrations, moveRegistrations } from '../cycle/step';
import { differsFromSelf, storeValues, type StoredCell } from '../cycle/values';
import { scorecardOf, valueProblems, type Stage } from '../cycle/verdicts';
import { programCriteriaSet, programSubject } from '../programs/queries';
import { unitResolver, type UnitRow } from '../units/resolve';
import { decide, type Duty } from '../policy';
import { dutiesOf, sameAssessorAllowed } from '../policy/duties';
import { programFor } from '../policy/loaders';
import { findTitle } from './program';
import { refuse, stepper, type Progress } from './progress';
import { unitRefusal } from './reach';
import { readSheet } from './read';

export interface ScorecardImport {
  programCode: string;
  year: number;
  stage: Stage;
}

type StoredValue = typeof scorecardValues.$inferSelect;
interface Found {
  record: ScorecardRecord;
  unit: UnitRow;
  titleCode: string;
}
interface Planned extends Found {
  registration?: Registration;
  /** The stage's values before the file, and the codes whose value the file changes. */
  previous: Scorecard;
  changed: string[];
  /** The area's own values: a board value that differs from one of them carries the file as its reason. */
  selfValues: Scorecard;
}
type Report = (record: ScorecardRecord, column: string, field: string, problem: { kind: ImportProblemKind; message: string }) => void;

const same = (a: CriterionValue | undefined, b: CriterionValue | undefined) => JSON.stringify(a) === JSON.stringify(b);
const STAGE_WORD = { self: 'tự đánh giá', board: 'thẩm định' } as const;

export async function importScorecards(db: Db, actor: Actor, input: ScorecardImport, bytes: Buffer, filename: string, onProgress?: Progress) {
  const program = await programFor(db, actor, input.programCode);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id));
  const subject = await programSubject(db, program.id, input.year);
  const { set } = await programCriteriaSet(db, program.id, input.year);
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, unitColumn, titleColumn } = parseScorecardRows(sheet, set);
  const report: Report = (record, column, field, { kind, message }) => problems.push({ sheet: sheet.name, row: record.row, column, field, message, kind });

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
    const refusal =
      unitRefusal(
        actor,
        unit,
        record.unit,
        input.stage === 'self' ? 'unit.import-self' : 'unit.import-board',
        STAGE_WORD[input.stage],
        `không tìm thấy khu dân cư "${record.unit}"`,
      ) ??
      (!subject.kinds.includes(unit!.kind)
        ? { kind: 'wrong-unit' as const, message: `"${unit!.name}" không phải ${subject.name}` }
        : !existedInYear(unit!, input.year)
          ? { kind: 'wrong-unit' as const, message: `"${unit!.name}" không tồn tại trong năm ${input.year}` }
          : seenUnit.has(unit!.id)
            ? { kind: 'duplicate-row' as const, message: `"${unit!.name}" đã có ở dòng ${seenUnit.get(unit!.id)}: mỗi khu dân cư một dòng` }
            : null);
    if (refusal) {
      report(record, unitColumn, 'unit', refusal);
      continue;
    }
    if (!title) {
      report(record, titleColumn, 'title', {
        kind: 'unknown-title',
        message: record.title
          ? `phong trào không có danh hiệu "${record.title}" (có: ${titles.map((t) => `${t.code} — ${t.name}`).join('; ')})`
          : `phong trào có ${titles.length} danh hiệu: cần cột "title" ghi danh hiệu đăng ký (${titles.map((t) => t.code).join(', ')})`,
      });
      continue;
    }
    seenUnit.set(unit!.id, record.row);
    found.push({ record, unit: unit!, titleCode: title.code });
  }

  const plan = await planChanges(db, actor, { ...input, programId: program.id, program, unitColumn }, found, report);
  if (problems.length) refuse(problems);
  return db.transaction((tx) => writeScorecards(tx, actor, { ...input, programId: program.id, filename }, plan, onProgress));
}

/** Compares the file with what is stored: which values change, and whether the cycle still allows it. */
async function planChanges(
  db: Queryable,
  actor: Actor,
  ctx: ScorecardImport & { programId: number; program: { allowSameAssessor: boolean }; unitColumn: string },
  found: Found[],
  report: Report,
): Promise<Planned[]> {
  const regs = new Map<number, Registration>();
  const stored = new Map<number, StoredValue[]>();
  for (const ids of inBatches(found.map((f) => f.unit.id)))
    for (const r of await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.programId, ctx.programId), eq(registrations.year, ctx.year), inArray(registrations.unitId, ids))))
      regs.set(r.unitId, r);
  const regIds = [...regs.values()].map((r) => r.id);
  for (const ids of inBatches(regIds))
    for (const v of await db.select().from(scorecardValues).where(inArray(scorecardValues.registrationId, ids)))
      stored.set(v.registrationId, [...(stored.get(v.registrationId) ?? []), v]);
  // What the importing person already did on these registrations (one person per duty), and their ties to the areas.
  const allowSame = sameAssessorAllowed(ctx.program);
  const duties = actor.userId !== null && !allowSame ? await dutiesOf(db, actor.userId, regIds) : new Map<number, Set<Duty>>();
  const ties = ctx.stage === 'board' ? await tiesOf(db, actor, regIds) : undefined;
  // The same judging context as a save by hand: which criteria the records decide, which do not apply to the area.
  const contexts = await judgingContexts(
    db,
    found.map((f) => ({ id: regs.get(f.unit.id)?.id ?? -f.unit.id, programId: ctx.programId, year: ctx.year, unitId: f.unit.id })),
  );

  const plan: Planned[] = [];
  for (const f of found) {
    const registration = regs.get(f.unit.id);
    const rows = registration ? (stored.get(registration.id) ?? []) : [];
    const stageValues = scorecardOf(rows, ctx.stage);
    const changed = Object.keys(f.record.values).filter((code) => !same(stageValues[code], f.record.values[code]));
    const judging = contexts.get(registration?.id ?? -f.unit.id);
    if (!judging) throw new Error(`Không dựng được ngữ cảnh đánh giá cho ${f.unit.name}`);
    for (const p of valueProblems(f.record.values, judging)) report(f.record, f.record.columns[p.code] ?? '', p.code, p);
    const refusal = cycleRefusal(actor, ctx.stage, f, registration, changed.length > 0, {
      duties: registration ? duties.get(registration.id) : undefined,
      allowSame,
      ties,
    });
    if (refusal) report(f.record, ctx.unitColumn, 'unit', refusal);
    plan.push({ ...f, registration, previous: stageValues, changed, selfValues: scorecardOf(rows, 'self') });
  }
  return plan;
}

/**
 * Why the cycle refuses this row's changes, or null: the rules of a save by hand (../cycle/rules.ts) and the
 * policy's duties (../policy), in the words of a file's list of problems.
 */
function cycleRefusal(
  actor: Actor,
  stage: Stage,
  f: Found,
  registration: Registration | undefined,
  changes: boolean,
  who: { duties?: Set<Duty>; allowSame: boolean; ties?: Ties },
): { kind: ImportProblemKind; message: string } | null {
  if (registration && registration.titleCode !== f.titleCode)
    return {
      kind: 'not-registered',
      message: registration.titleCode
        ? `${f.unit.name} đã đăng ký danh hiệu "${registration.titleCode}" năm này, không phải "${f.titleCode}"`
        : `${f.unit.name} chỉ đăng ký nội dung tự quản năm này, không đăng ký danh hiệu`,
    };
  if (stage === 'board' && !registration)
    return { kind: 'not-registered', message: `${f.unit.name} chưa có hồ sơ đăng ký năm này: hãy nhập kết quả tự đánh giá trước` };
  if (!changes || !registration) return null;
  const refusal: Refusal | null =
    editRefusal(stage, registration, f.unit.name) ?? (who.ties ? conflictOfInterest(who.ties, registration, f.unit, f.unit.name) : null);
  if (refusal) return refusal;
  const verdict = decide(actor, stage === 'self' ? 'registration.self-assess' : 'registration.appraise', {
    kind: 'registration',
    path: f.unit.path,
    callerDuties: who.duties,
    sameAssessorAllowed: who.allowSame,
  });
  if (!verdict.ok) return { kind: 'duty', message: `${f.unit.name}: ${verdict.message.charAt(0).toLocaleLowerCase('vi-VN')}${verdict.message.slice(1)}` };
  return null;
}

async function writeScorecards(
  tx: Queryable,
  actor: Actor,
  ctx: ScorecardImport & { programId: number; filename: string },
  plan: Planned[],
  onProgress?: Progress,
) {
  await assertUnchangedSincePlanned(tx, plan);
  const touched = plan.filter((p) => p.changed.length || !p.registration);
  const write = stepper(onProgress, 'write', touched.length, 200);
  const audit: AuditEntry[] = [];
  const via = `Nhập từ tệp "${ctx.filename}"`;

  // New registrations first: their ids carry the values.
  const fresh = touched.filter((p) => !p.registration);
  const made = await createRegistrations(
    tx,
    actor,
    fresh.map((p) => ({ programId: ctx.programId, year: ctx.year, unitId: p.unit.id, titleCode: p.titleCode })),
    via,
  );
  made.forEach((row, j) => {
    fresh[j]!.registration = row;
    audit.push({ action: 'import-register', entity: 'registration', entityId: row.id, unitId: row.unitId, after: row });
  });

  const cells: StoredCell[] = touched.flatMap((p) =>
    p.changed.map((code) => {
      const value = p.record.values[code]!;
      return { registrationId: p.registration!.id, code, value, reason: ctx.stage === 'board' && differsFromSelf(p.selfValues[code], value) ? via : null };
    }),
  );
  // Verdicts as a save by hand computes them; a complete self-assessment is a submitted one.
  const recomputed = await storeValues(
    tx,
    actor,
    ctx.stage,
    cells,
    touched.map((p) => p.registration!.id),
  );
  const verdictCount = [...recomputed.values()].filter((r) => r[ctx.stage]).length;
  const submitted =
    ctx.stage === 'self'
      ? touched.filter((p) => !stepRefusal(p.registration!, 'submit') && !verdictRefusal('submit', p.registration!, recomputed.get(p.registration!.id)?.self))
      : [];
  await moveRegistrations(
    tx,
    actor,
    submitted.map((p) => p.registration!),
    'submit',
    via,
  );
  touched.forEach((p, i) => {
    if (p.changed.length)
      audit.push({
        action: `import-scorecard-${ctx.stage}`,
        entity: 'registration',
        entityId: p.registration!.id,
        unitId: p.unit.id,
        before: Object.fromEntries(p.changed.map((c) => [c, p.previous[c] ?? null])),
        after: { file: ctx.filename, values: Object.fromEntries(p.changed.map((c) => [c, p.record.values[c]])) },
      });
    write(i + 1);
  });
  await recordAuditMany(tx, actor, audit);
  return {
    rows: plan.length,
    registrationsCreated: fresh.length,
    registrationsUpdated: touched.length - fresh.length,
    valuesWritten: cells.length,
    verdicts: verdictCount,
    submitted: submitted.length,
  };
}

/**
 * The file was checked against the registrations as they were read; someone
 * may have submitted, returned or decided one since. Locked for the rest of
 * the transaction and compared, so the checks still hold when writing.
 */
async function assertUnchangedSincePlanned(tx: Queryable, plan: Planned[]): Promise<void> {
  const planned = plan.filter((p) => p.registration);
  const now = new Map(
    (
      await lockRegistrations(
        tx,
        planned.map((p) => p.registration!.id),
      )
    ).map((r) => [r.id, r]),
  );
  const moved = planned.find(
    (p) => now.get(p.registration!.id)?.status !== p.registration!.status || now.get(p.registration!.id)?.locked !== p.registration!.locked,
  );
  if (moved) throw new AppError('conflict', `Hồ sơ của ${moved.unit.name} vừa được thay đổi trong lúc kiểm tra tệp; chưa ghi gì, hãy nhập lại tệp`);
}
