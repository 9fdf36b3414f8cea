/**
 * Drafting a decision. A recognising decision: the deciding officer picks areas
 * the council recommended for a title and year. A revoking decision (thu hồi
 * danh hiệu): an amending decision that withdraws titles earlier decisions (or
 * imported records) gave, with its reason. Nothing changes until it is issued.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { decisionRegistrations, decisionRevocations, decisions, recognitions, units } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { decide } from '../policy';
import { programFor, registrationsFor } from '../policy/loaders';
import { stepRefusal } from '../cycle/rules';
import { assertNoticesEnded } from '../notice/comments';

interface DecisionHead {
  programCode: string;
  year: number;
  titleCode: string;
  number: string;
  issuedOn: string;
  signer: string;
  signerTitle?: string | null;
  issuingBody: string;
  amendsDecisionId?: number | null;
}
export interface DraftInput extends DecisionHead {
  registrationIds: number[];
}
export interface RevocationInput extends DecisionHead {
  recognitionIds: number[];
  reason: string;
}

type Program = Awaited<ReturnType<typeof programFor>>;

/**
 * Decision numbers are unique for an issuing body in a calendar year
 * ("2456/QĐ-UBND" of 2024): a second decision with an issued one's number is refused.
 */
export async function assertNumberFree(db: Queryable, d: { id?: number; issuingUnitId: number; number: string; issuedOn: string }): Promise<void> {
  const year = d.issuedOn.slice(0, 4);
  const same = await db
    .select({ id: decisions.id, issuedOn: decisions.issuedOn })
    .from(decisions)
    .where(and(eq(decisions.issuingUnitId, d.issuingUnitId), eq(decisions.number, d.number), eq(decisions.status, 'issued')));
  if (same.some((x) => x.id !== d.id && x.issuedOn.slice(0, 4) === year))
    throw new AppError('conflict', `Số quyết định ${d.number} đã được dùng cho một quyết định đã ban hành năm ${year}`);
}

/** An amended decision must be an issued decision of the same programme (and year, for a revocation). */
async function checkAmended(db: Queryable, program: Program, amendsDecisionId: number | null | undefined, year: number): Promise<void> {
  if (!amendsDecisionId) return;
  const [amended] = await db.select().from(decisions).where(eq(decisions.id, amendsDecisionId));
  if (!amended || amended.programId !== program.id)
    throw invalid('Quyết định được sửa đổi không thuộc phong trào này', { fields: { amendsDecisionId: 'không thuộc phong trào này' } });
  if (amended.status !== 'issued')
    throw invalid('Chỉ sửa đổi, bổ sung được quyết định đã ban hành', { fields: { amendsDecisionId: 'quyết định chưa ban hành' } });
  if (amended.year !== year)
    throw invalid(`Quyết định được sửa đổi là của năm ${amended.year}, không phải năm ${year}`, { fields: { amendsDecisionId: 'khác năm' } });
}

async function deciding(db: Queryable, actor: Actor, input: DecisionHead, action: 'program.draft-decision' | 'program.revoke'): Promise<Program> {
  const program = await programFor(db, actor, input.programCode, action, 'Chỉ cấp ra quyết định của phong trào mới lập được quyết định');
  await checkAmended(db, program, input.amendsDecisionId, input.year);
  await assertNumberFree(db, { issuingUnitId: program.ownerUnitId, number: nfc(input.number.trim()), issuedOn: input.issuedOn });
  return program;
}

const head = (program: Program, actor: Actor, input: DecisionHead): Omit<typeof decisions.$inferInsert, 'kind'> => ({
  programId: program.id,
  year: input.year,
  titleCode: input.titleCode,
  number: nfc(input.number.trim()),
  issuedOn: input.issuedOn,
  signer: nfc(input.signer.trim()),
  signerTitle: input.signerTitle ? nfc(input.signerTitle) : null,
  issuingBody: nfc(input.issuingBody.trim()),
  issuingUnitId: program.ownerUnitId,
  amendsDecisionId: input.amendsDecisionId ?? null,
  status: 'draft',
  createdBy: actor.userId,
});

export async function draftDecision(db: Db, actor: Actor, input: DraftInput) {
  const program = await deciding(db, actor, input, 'program.draft-decision');
  const ids = [...new Set(input.registrationIds)];
  if (!ids.length) throw invalid('Cần chọn ít nhất một khu dân cư');
  for (const { r, name } of await registrationsFor(db, actor, ids, 'registration.decide')) {
    if (r.programId !== program.id || r.year !== input.year || r.titleCode !== input.titleCode)
      throw invalid(`${name}: hồ sơ không thuộc danh hiệu và năm của quyết định`);
    // The step the decision will take (issue.ts): checked again, on the locked rows, when it is issued.
    if (stepRefusal(r, 'recognize')) throw new AppError('conflict', `${name}: chưa được hội đồng đề nghị công nhận`);
  }
  // Nghị định 86/2023/NĐ-CP: no decision while the commune's public notice still takes comments (issue 14).
  await assertNoticesEnded(db, ids);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(decisions)
      .values({ kind: 'recognize', ...head(program, actor, input) })
      .returning();
    await tx.insert(decisionRegistrations).values(ids.map((registrationId) => ({ decisionId: row!.id, registrationId })));
    await recordAudit(tx, actor, {
      action: 'draft-decision',
      entity: 'decision',
      entityId: row!.id,
      unitId: program.ownerUnitId,
      after: { ...row, registrationIds: ids },
    });
    return { ...row!, registrationIds: ids };
  });
}

/** A revoking decision: the titles it withdraws must be held (not already revoked), of this programme, title and year. */
export async function draftRevocation(db: Db, actor: Actor, input: RevocationInput) {
  const program = await deciding(db, actor, input, 'program.revoke');
  const reason = nfc(input.reason.trim());
  if (!reason) throw invalid('Quyết định thu hồi danh hiệu phải ghi rõ lý do', { fields: { reason: 'không được để trống' } });
  const ids = [...new Set(input.recognitionIds)];
  if (!ids.length) throw invalid('Cần chọn ít nhất một khu dân cư bị thu hồi danh hiệu');
  const rows = await db
    .select({ r: recognitions, path: units.path, name: units.name })
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .where(inArray(recognitions.id, ids));
  for (const id of ids) {
    const found = rows.find((x) => x.r.id === id);
    if (!found || !decide(actor, 'registration.decide', { kind: 'registration', path: found.path }).ok)
      throw new AppError('not-found', `Không tìm thấy danh hiệu đã công nhận ${id}`);
    const r = found.r;
    if (r.programId !== program.id || r.year !== input.year || r.titleCode !== input.titleCode)
      throw invalid(`${found.name}: danh hiệu không thuộc phong trào, danh hiệu và năm của quyết định`);
    if (r.revoked) throw new AppError('conflict', `${found.name}: danh hiệu năm ${r.year} đã bị thu hồi`);
    if (input.amendsDecisionId && r.decisionId !== input.amendsDecisionId) throw invalid(`${found.name}: không được công nhận tại quyết định được sửa đổi`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(decisions)
      .values({ kind: 'revoke', reason, ...head(program, actor, input) })
      .returning();
    await tx.insert(decisionRevocations).values(ids.map((recognitionId) => ({ decisionId: row!.id, recognitionId })));
    await recordAudit(tx, actor, {
      action: 'draft-revocation',
      entity: 'decision',
      entityId: row!.id,
      unitId: program.ownerUnitId,
      after: { ...row, recognitionIds: ids },
    });
    return { ...row!, recognitionIds: ids };
  });
}
