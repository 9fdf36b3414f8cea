/**
 * Who performed which duty on a registration (finding 19): self-assessing
 * (saving the area's values, by hand or by import, or submitting them),
 * appraising (saving the board's values) and proposing (the board's
 * conclusion: propose or reject). The record is the append-only audit log
 * for values — scorecard_values keeps only the last writer of a row, shared
 * by both stages — and workflow_events for steps. The policy refuses one
 * person two of these duties on one registration unless the programme
 * allows it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { auditLog, workflowEvents } from '../../db/schema';
import { inBatches } from '../../db/batch';
import type { EventAction } from '../../core/cycle/workflow';
import type { Duty } from './index';

const VALUE_DUTIES: Record<string, Duty> = {
  'scorecard-self': 'self-assess',
  'import-scorecard-self': 'self-assess',
  'scorecard-board': 'appraise',
  'import-scorecard-board': 'appraise',
};
const STEP_DUTIES = new Map<EventAction, Duty>([
  ['submit', 'self-assess'],
  ['propose', 'propose'],
  ['reject', 'propose'],
]);

/**
 * Whether one person may perform several duties on a registration of this
 * programme: its setting `allowSameAssessor` (programs table, default false;
 * src/app/programs/admin.ts). Off by default: each duty is somebody else's.
 */
export function sameAssessorAllowed(program: { id?: number; allowSameAssessor?: boolean }): boolean {
  return program.allowSameAssessor === true;
}

/** The duties `userId` has performed on each of these registrations. */
export async function dutiesOf(db: Queryable, userId: number, registrationIds: number[]): Promise<Map<number, Set<Duty>>> {
  const out = new Map<number, Set<Duty>>();
  const add = (id: number, duty: Duty | undefined) => {
    if (duty) out.set(id, (out.get(id) ?? new Set<Duty>()).add(duty));
  };
  for (const ids of inBatches([...new Set(registrationIds)])) {
    const values = await db
      .selectDistinct({ entityId: auditLog.entityId, action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'registration'),
          eq(auditLog.actorId, userId),
          inArray(auditLog.entityId, ids.map(String)),
          inArray(auditLog.action, Object.keys(VALUE_DUTIES)),
        ),
      );
    for (const v of values) add(Number(v.entityId), VALUE_DUTIES[v.action]);
    const steps = await db
      .selectDistinct({ registrationId: workflowEvents.registrationId, action: workflowEvents.action })
      .from(workflowEvents)
      .where(and(eq(workflowEvents.actorId, userId), inArray(workflowEvents.registrationId, ids), inArray(workflowEvents.action, [...STEP_DUTIES.keys()])));
    for (const s of steps) add(s.registrationId, STEP_DUTIES.get(s.action));
  }
  return out;
}
