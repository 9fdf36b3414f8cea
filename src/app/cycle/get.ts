/** One registration as the scorecard screen needs it. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { evidenceFiles, scorecardValues, users, verdicts, workflowEvents } from '../../db/schema';
import type { Actor } from '../actor';
import { judgingContext } from './context';
import { loadRegistration } from './load';
import { registrationPermissions } from '../policy/loaders';

export async function getRegistration(db: Queryable, actor: Actor, id: number) {
  const loaded = await loadRegistration(db, actor, id);
  const { registration: r, unit, parent, program } = loaded;
  const [values, stored, events, evidence, judging, permissions] = await Promise.all([
    db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, r.id)),
    db.select().from(verdicts).where(eq(verdicts.registrationId, r.id)),
    db
      .select({ e: workflowEvents, actorName: users.displayName })
      .from(workflowEvents)
      .leftJoin(users, eq(users.id, workflowEvents.actorId))
      .where(eq(workflowEvents.registrationId, r.id))
      .orderBy(asc(workflowEvents.at), asc(workflowEvents.id)),
    db
      .select({
        id: evidenceFiles.id,
        criterionCode: evidenceFiles.criterionCode,
        filename: evidenceFiles.filename,
        size: evidenceFiles.size,
        mimeType: evidenceFiles.mimeType,
      })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.registrationId, r.id))
      .orderBy(asc(evidenceFiles.id)),
    judgingContext(db, r),
    registrationPermissions(db, actor, loaded),
  ]);
  const profile = judging.evaluation.profile;
  return {
    id: r.id,
    programCode: program.code,
    year: r.year,
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    communeKind: profile.communeKind ?? null,
    communeName: parent?.name ?? null,
    titleCode: r.titleCode,
    selfManagementContents: r.selfManagementContents,
    status: r.status,
    locked: r.locked,
    councilRecommended: r.councilRecommended,
    councilReason: r.councilReason,
    values: Object.fromEntries(values.map((v) => [v.criterionCode, { self: v.selfValue, board: v.boardValue, note: v.note, boardReason: v.boardReason }])),
    verdicts: {
      self: stored.find((v) => v.stage === 'self')?.result ?? null,
      board: stored.find((v) => v.stage === 'board')?.result ?? null,
    },
    events: events.map(({ e, actorName }) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, actorName, at: e.at })),
    evidence,
    criteriaSet: judging.set,
    /**
     * What the server judges this registration with besides its values: the browser evaluates
     * `evaluate(criteriaSet, { ...evaluation, values })` and checks with `{ recordJudged }`,
     * so the verdict on the screen is the one that will be stored.
     */
    evaluation: judging.evaluation,
    recordJudged: judging.recordJudged,
    /** The steps the caller may take now, or the policy's reason why not (locks and statuses are the screen's to read). */
    permissions,
  };
}
