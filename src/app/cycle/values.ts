/**
 * The one way scorecard values are stored, for a value typed (./scorecard.ts)
 * and a file of values (../import/scorecards.ts) alike: written as arrays
 * through unnest — one cell or tens of thousands in a few statements — and
 * the verdicts of the registrations touched recomputed at once from what is
 * stored (./verdicts.ts). Inside the caller's transaction, which holds the
 * registrations' rows and has checked the cycle's rules (./rules.ts).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { scorecardValues } from '../../db/schema';
import type { CriterionValue } from '../../core/evaluation/types';
import type { Actor } from '../actor';
import { recomputeVerdicts, type Recomputed, type Stage } from './verdicts';

export interface StoredCell {
  registrationId: number;
  code: string;
  /** null empties the cell. */
  value: CriterionValue | null;
  /** The board's reason for a value that differs from the area's (board stage only). */
  reason: string | null;
  /** The note beside the value; undefined leaves the stored note as it is. */
  note?: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether the board's value differs from the area's (none counts as one), and so needs its reason: the rule the scorecard screen shows too. */
export function differsFromSelf(selfValue: unknown, boardValue: CriterionValue | null): boolean {
  return boardValue !== null && !same(selfValue, boardValue);
}

async function upsert(tx: Queryable, stage: Stage, actor: Actor, cells: StoredCell[], withNote: boolean): Promise<void> {
  const target = stage === 'self' ? sql`self_value` : sql`board_value`;
  for (let i = 0; i < cells.length; i += 10_000) {
    const chunk = cells.slice(i, i + 10_000);
    await tx.execute(sql`
      INSERT INTO ${scorecardValues} (registration_id, criterion_code, ${target}, board_reason, note, updated_by)
      SELECT r, c, v, b, n, ${actor.userId}::int FROM unnest(
        ${sql.param(chunk.map((x) => x.registrationId))}::int[], ${sql.param(chunk.map((x) => x.code))}::text[],
        ${sql.param(chunk.map((x) => (x.value === null ? null : JSON.stringify(x.value))))}::jsonb[], ${sql.param(chunk.map((x) => x.reason))}::text[],
        ${sql.param(chunk.map((x) => x.note ?? null))}::text[]) AS x(r, c, v, b, n)
      ON CONFLICT (registration_id, criterion_code) DO UPDATE SET ${target} = excluded.${target},
        ${stage === 'board' ? sql`board_reason = excluded.board_reason,` : sql``} ${withNote ? sql`note = excluded.note,` : sql``}
        updated_by = excluded.updated_by, updated_at = now()`);
  }
}

/** Writes a stage's cells and recomputes the verdicts of their registrations (and of `alsoRecompute`: a registration just made, with no cell). */
export async function storeValues(
  tx: Queryable,
  actor: Actor,
  stage: Stage,
  cells: StoredCell[],
  alsoRecompute: number[] = [],
): Promise<Map<number, Recomputed>> {
  await upsert(
    tx,
    stage,
    actor,
    cells.filter((c) => c.note !== undefined),
    true,
  );
  await upsert(
    tx,
    stage,
    actor,
    cells.filter((c) => c.note === undefined),
    false,
  );
  return recomputeVerdicts(tx, [...cells.map((c) => c.registrationId), ...alsoRecompute]);
}
