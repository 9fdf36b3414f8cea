/**
 * Opening the public notice (niêm yết công khai) of a commune's proposed areas
 * for a programme year (issue 14): the board or the council over the commune,
 * once at least one area there is proposed. The period runs the programme's
 * `noticeDays` (10 by default) from the first day, today unless given.
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { publicNotices, registrations, units } from '../../db/schema';
import { COMMUNE_KINDS } from '../../core/units/kinds';
import { noticeEndsOn, vietnamDay } from '../../core/notice/notice';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { programFor, unitFor } from '../policy/loaders';

/** Steps at which an area is on the notice: proposed by the board, and what follows. */
export const NOTICED_STEPS = ['board-proposed', 'council-recommended', 'council-not-recommended', 'recognized'] as const;

export interface OpenNoticeInput {
  programCode: string;
  year: number;
  unitId: number;
  startsOn?: string;
}

/** The registrations of a programme year under a commune that the notice shows. */
export async function proposedUnder(db: Queryable, programId: number, year: number, communePath: string) {
  return db
    .select({ id: registrations.id, unitId: units.id, name: units.name, path: units.path, titleCode: registrations.titleCode, status: registrations.status })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(
      and(
        eq(registrations.programId, programId),
        eq(registrations.year, year),
        inArray(registrations.status, [...NOTICED_STEPS]),
        like(units.path, `${communePath}%`),
      ),
    )
    .orderBy(units.path);
}

export async function openNotice(db: Db, actor: Actor, input: OpenNoticeInput, now = new Date()) {
  const unit = await unitFor(db, actor, input.unitId, 'unit.open-notice');
  const program = await programFor(db, actor, input.programCode);
  if (!(COMMUNE_KINDS as readonly string[]).includes(unit.kind))
    throw invalid(`${unit.name} không phải xã, phường: niêm yết công khai mở cho từng xã, phường`, { fields: { unitId: 'cần một xã, phường' } });
  const today = vietnamDay(now);
  const startsOn = input.startsOn ?? today;
  const proposed = await proposedUnder(db, program.id, input.year, unit.path);
  if (!proposed.length) throw new AppError('conflict', `${unit.name} chưa có khu dân cư nào được ban thẩm định đề nghị công nhận năm ${input.year}`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publicNotices)
      .values({
        programId: program.id,
        year: input.year,
        unitId: unit.id,
        startsOn,
        endsOn: noticeEndsOn(startsOn, program.noticeDays),
        openedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', nfc(`${unit.name} đã mở niêm yết công khai năm ${input.year} của phong trào này`));
    await recordAudit(tx, actor, { action: 'open-notice', entity: 'public-notice', entityId: row.id, unitId: unit.id, after: row });
    return { ...row, unitName: unit.name, programCode: program.code, areas: proposed.length };
  });
}
