/** An area registers for a programme year: for a title, or for self-management contents only. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programTitles, registrations, workflowEvents } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { requireProgram } from '../programs/queries';
import { requireUnit } from '../scope';
import { AREA_KINDS } from './load';

export interface RegisterInput { programCode: string; unitId: number; year: number; titleCode: string | null; selfManagementContents: string[] }

export async function registerArea(db: Db, actor: Actor, input: RegisterInput) {
  const program = await requireProgram(db, actor, input.programCode);
  const unit = await requireUnit(db, actor, input.unitId, 'selfAssess');
  if (!AREA_KINDS.includes(unit.kind)) throw invalid('Chỉ thôn, tổ dân phố, bản mới đăng ký được');
  const contents = input.selfManagementContents.map((c) => nfc(c.trim())).filter(Boolean);
  if (input.titleCode) {
    const [title] = await db.select().from(programTitles).where(and(eq(programTitles.programId, program.id), eq(programTitles.code, input.titleCode)));
    if (!title) throw invalid(`Phong trào không có danh hiệu "${input.titleCode}"`);
  } else if (!contents.length) {
    throw invalid('Khu dân cư không đăng ký danh hiệu phải đăng ký ít nhất một nội dung tự quản');
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: registrations.id }).from(registrations)
      .where(and(eq(registrations.programId, program.id), eq(registrations.year, input.year), eq(registrations.unitId, unit.id)));
    if (existing) throw new AppError('conflict', `${unit.name} đã đăng ký năm ${input.year}`);
    const [row] = await tx.insert(registrations).values({
      programId: program.id, year: input.year, unitId: unit.id, titleCode: input.titleCode, selfManagementContents: contents,
      status: 'registered', createdBy: actor.userId,
    }).returning();
    await tx.insert(workflowEvents).values({ registrationId: row!.id, action: 'register', toStatus: 'registered', actorId: actor.userId });
    await recordAudit(tx, actor, { action: 'register', entity: 'registration', entityId: row!.id, unitId: unit.id, after: row });
    return row!;
  });
}
