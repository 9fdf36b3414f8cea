/**
 * Drafting a recognition decision: the deciding officer picks areas the
 * council recommended for a title and year. Nothing is recognised until it
 * is issued.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { decisionRegistrations, decisions, registrations, units } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden, invalid } from '../errors';
import { requireProgram } from '../programs/queries';
import { coversPath } from '../scope';

export interface DraftInput {
  programCode: string; year: number; titleCode: string; number: string; issuedOn: string;
  signer: string; signerTitle?: string | null; issuingBody: string; registrationIds: number[]; amendsDecisionId?: number | null;
}

export async function draftDecision(db: Db, actor: Actor, input: DraftInput) {
  const program = await requireProgram(db, actor, input.programCode);
  if (!coversPath(actor, program.ownerPath, 'decide')) throw forbidden('Chỉ cấp ra quyết định của phong trào mới lập được quyết định công nhận');
  const ids = [...new Set(input.registrationIds)];
  if (!ids.length) throw invalid('Cần chọn ít nhất một khu dân cư');
  const regs = await db.select({ r: registrations, path: units.path, name: units.name }).from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId)).where(inArray(registrations.id, ids));
  for (const id of ids) {
    const found = regs.find((x) => x.r.id === id);
    if (!found || !coversPath(actor, found.path, 'decide')) throw new AppError('not-found', `Không tìm thấy hồ sơ đăng ký ${id}`);
    const r = found.r;
    if (r.programId !== program.id || r.year !== input.year || r.titleCode !== input.titleCode)
      throw invalid(`${found.name}: hồ sơ không thuộc danh hiệu và năm của quyết định`);
    if (r.status !== 'council-recommended') throw new AppError('conflict', `${found.name}: chưa được hội đồng đề nghị công nhận`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(decisions).values({
      programId: program.id, year: input.year, titleCode: input.titleCode, number: nfc(input.number.trim()), issuedOn: input.issuedOn,
      signer: nfc(input.signer.trim()), signerTitle: input.signerTitle ? nfc(input.signerTitle) : null, issuingBody: nfc(input.issuingBody.trim()),
      issuingUnitId: program.ownerUnitId, amendsDecisionId: input.amendsDecisionId ?? null, status: 'draft', createdBy: actor.userId,
    }).returning();
    await tx.insert(decisionRegistrations).values(ids.map((registrationId) => ({ decisionId: row!.id, registrationId })));
    await recordAudit(tx, actor, { action: 'draft-decision', entity: 'decision', entityId: row!.id, unitId: program.ownerUnitId, after: { ...row, registrationIds: ids } });
    return { ...row!, registrationIds: ids };
  });
}
