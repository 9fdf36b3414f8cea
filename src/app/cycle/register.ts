/** An area registers for a programme year: for a title, or for self-management contents only. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programTitles, registrations } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { programSubject } from '../programs/queries';
import { programFor, unitFor } from '../policy/loaders';
import { createRegistrations } from './step';

export interface RegisterInput {
  programCode: string;
  unitId: number;
  year: number;
  titleCode: string | null;
  selfManagementContents: string[];
}

export async function registerArea(db: Db, actor: Actor, input: RegisterInput) {
  const program = await programFor(db, actor, input.programCode);
  const unit = await unitFor(db, actor, input.unitId, 'unit.register');
  const subject = await programSubject(db, program.id, input.year);
  if (!subject.kinds.includes(unit.kind)) throw invalid(`Phong trào này chỉ dành cho ${subject.name}: ${unit.name} không đăng ký được`);
  const contents = input.selfManagementContents.map((c) => nfc(c.trim())).filter(Boolean);
  if (input.titleCode) {
    const [title] = await db
      .select()
      .from(programTitles)
      .where(and(eq(programTitles.programId, program.id), eq(programTitles.code, input.titleCode)));
    if (!title) throw invalid(`Phong trào không có danh hiệu "${input.titleCode}"`);
  } else if (!contents.length) {
    throw invalid('Khu dân cư không đăng ký danh hiệu phải đăng ký ít nhất một nội dung tự quản');
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.programId, program.id), eq(registrations.year, input.year), eq(registrations.unitId, unit.id)));
    if (existing) throw new AppError('conflict', `${unit.name} đã đăng ký năm ${input.year}`);
    const [row] = await createRegistrations(tx, actor, [
      { programId: program.id, year: input.year, unitId: unit.id, titleCode: input.titleCode, selfManagementContents: contents },
    ]);
    await recordAudit(tx, actor, { action: 'register', entity: 'registration', entityId: row!.id, unitId: unit.id, after: row });
    return row!;
  });
}
