/**
 * The recognised areas of a programme year under a unit, each with its title
 * and status — the list annexed to a decision and printed by `kdc report`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programs, programTitles, recognitions, units } from '../../db/schema';
import { STATUS_LABELS, type RecognitionStatus } from '../../core/cycle/status';
import { reportRegion, type Boundaries } from './region';

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
  /** The recognition's mã xác minh, printed on its certificate. */
  verifyCode: string;
  /** The decision that gave it; null for history imported from records kept before KDC (then the fields below). */
  decisionId: number | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionIssuer: string | null;
}

export async function recognizedAreas(
  db: Queryable,
  input: { programCode: string; year: number; unitId: number; boundaries?: Boundaries },
): Promise<RecognizedArea[]> {
  const region = await reportRegion(db, input);
  const rows = await db
    .select({
      unitId: units.id,
      code: units.code,
      name: units.name,
      commune: region.parentName(units.id),
      title: recognitions.titleCode,
      titleName: programTitles.name,
      status: recognitions.status,
      reward: recognitions.rewardAmount,
      verifyCode: recognitions.verifyCode,
      decisionId: recognitions.decisionId,
      decisionNumber: recognitions.decisionNumber,
      decisionDate: recognitions.decisionDate,
      decisionIssuer: recognitions.decisionIssuer,
    })
    .from(recognitions)
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .leftJoin(programTitles, and(eq(programTitles.programId, programs.id), eq(programTitles.code, recognitions.titleCode)))
    .where(
      and(
        eq(programs.code, input.programCode),
        eq(recognitions.year, input.year),
        eq(recognitions.revoked, false),
        region.contains({ id: units.id, path: units.path }),
      ),
    )
    .orderBy(asc(units.path), asc(recognitions.titleCode));
  return rows.map((r) => ({
    ...r,
    titleName: r.titleName ?? r.title,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
  }));
}
