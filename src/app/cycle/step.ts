/**
 * The one way registrations are made and move through the cycle, for a
 * button pressed (./act.ts, ./register.ts), a file imported
 * (../import/scorecards.ts: a complete self-assessment is a submitted one)
 * and a decision issued (../decisions/issue.ts: recognised and locked, or a
 * title revoked). The
 * state machine (src/core/cycle/workflow.ts) decides where each goes; every
 * move leaves its workflow event. Inside the caller's transaction, which
 * holds the rows (./load.ts lockRegistrations) and has checked the rules
 * that need more than the registration's state (./rules.ts).
 */
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { registrations, workflowEvents } from '../../db/schema';
import { transition, type Action, type Step } from '../../core/cycle/workflow';
import type { Actor } from '../actor';
import { inBatches, insertBatchSize } from '../../db/batch';
import { lockRegistrations, type Registration } from './load';
import { assertAllowed, stepRefusal } from './rules';

/** What a step changes besides the status: the council's word, and the lock an issued decision puts on. */
function alsoSet(action: Action, from: string, reason: string | null) {
  if (action === 'recommend' || action === 'not-recommend') return { councilRecommended: action === 'recommend', councilReason: reason };
  if (action === 'return' && from.startsWith('council-')) return { councilRecommended: null, councilReason: null };
  if (action === 'recognize') return { locked: true };
  return {};
}

/** Moves every row one step by `action`, with the reason given (a refusal if any of them may not take it). */
export async function moveRegistrations(
  tx: Queryable,
  actor: Actor,
  rows: Registration[],
  action: Action,
  reason: string | null = null,
): Promise<Registration[]> {
  for (const r of rows) assertAllowed(stepRefusal(r, action, reason));
  const out: Registration[] = [];
  const byStatus = new Map<Step, Registration[]>();
  for (const r of rows) byStatus.set(r.status, [...(byStatus.get(r.status) ?? []), r]);
  for (const [from, group] of byStatus) {
    const move = transition(from, action, reason ?? undefined);
    if (!move.ok) continue; // refused above
    for (const chunk of inBatches(group.map((r) => r.id))) {
      out.push(
        ...(await tx
          .update(registrations)
          .set({ status: move.to, updatedAt: new Date(), ...alsoSet(action, from, reason) })
          .where(inArray(registrations.id, chunk))
          .returning()),
      );
      await tx.insert(workflowEvents).values(
        chunk.map((id): typeof workflowEvents.$inferInsert => ({
          registrationId: id,
          action,
          fromStatus: from,
          toStatus: move.to,
          reason,
          actorId: actor.userId,
        })),
      );
    }
  }
  return out;
}

/**
 * An act on registrations that leaves them at their step (a title revoked by a
 * decision: the registration stays recognised, the title is gone), on the
 * record beside their steps. Their rows are locked first.
 */
export async function noteOnRegistrations(tx: Queryable, actor: Actor, ids: number[], action: 'revoke', reason: string): Promise<void> {
  const rows = await lockRegistrations(tx, ids);
  for (const chunk of inBatches(rows, insertBatchSize(workflowEvents)))
    await tx
      .insert(workflowEvents)
      .values(chunk.map((r) => ({ registrationId: r.id, action, fromStatus: r.status, toStatus: r.status, reason, actorId: actor.userId })));
}

/** New registrations, at the first step, each with its event. */
export async function createRegistrations(
  tx: Queryable,
  actor: Actor,
  rows: Array<Omit<typeof registrations.$inferInsert, 'status' | 'createdBy'>>,
  reason: string | null = null,
): Promise<Registration[]> {
  const out: Registration[] = [];
  for (const chunk of inBatches(rows, insertBatchSize(registrations))) {
    const made = await tx
      .insert(registrations)
      .values(chunk.map((r): typeof registrations.$inferInsert => ({ ...r, status: 'registered', createdBy: actor.userId })))
      .returning();
    await tx.insert(workflowEvents).values(
      made.map((r): typeof workflowEvents.$inferInsert => ({
        registrationId: r.id,
        action: 'register',
        toStatus: 'registered',
        reason,
        actorId: actor.userId,
      })),
    );
    out.push(...made);
  }
  return out;
}
