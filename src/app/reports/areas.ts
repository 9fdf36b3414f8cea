/**
 * The recognised areas of a programme year under a unit, each with its title
 * and status — the list annexed to a decision and printed by `kdc report`.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { programs, programTitles, recognitions, units } from '../../db/schema';
import { STATUS_LABELS, type RecognitionStatus } from '../../core/cycle/status';

export interface RecognizedArea {
  unitId: number;
  code: string;
  name: string;
  commune: string | null;
  title: string;
  titleName: string;
  status: RecognitionStatus;
  statusLabel: string;
  reward: number;
}

export async function recognizedAreas(db: Queryable, input: { programCode: string; year: number; unitId: number }): Promise<RecognizedArea[]> {
  const [root] = await db.select({ path: units.path }).from(units).where(eq(units.id, input.unitId));
  if (!root) return [];
  const parent = alias(units, 'parent');
  const rows = await db
    .select({
      unitId: units.id, code: units.code, name: units.name, commune: parent.name,
      title: recognitions.titleCode, titleName: programTitles.name, status: recognitions.status, reward: recognitions.rewardAmount,
    })
    .from(recognitions)
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(programTitles, and(eq(programTitles.programId, programs.id), eq(programTitles.code, recognitions.titleCode)))
    .where(and(
      eq(programs.code, input.programCode),
      eq(recognitions.year, input.year),
      eq(recognitions.revoked, false),
      like(units.path, `${root.path}%`),
    ))
    .orderBy(asc(units.path));
  return rows.map((r) => ({
    ...r,
    titleName: r.titleName ?? r.title,
    status: r.status as RecognitionStatus,
    statusLabel: STATUS_LABELS[r.status as RecognitionStatus] ?? r.status,
  }));
}
