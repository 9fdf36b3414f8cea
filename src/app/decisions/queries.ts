/** Reading decisions: a programme's list for a year, one decision with its areas. */
import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { decisionRegistrations, decisionRevocations, decisions, recognitions, registrations, units } from '../../db/schema';
import type { Actor } from '../actor';
import { can } from '../policy';
import { decisionFor, programFor } from '../policy/loaders';

export async function listDecisions(db: Queryable, actor: Actor, programCode: string, year?: number) {
  const program = await programFor(db, actor, programCode);
  const rows = await db
    .select({ d: decisions, path: units.path })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.issuingUnitId))
    .where(and(eq(decisions.programId, program.id), year ? eq(decisions.year, year) : undefined))
    .orderBy(asc(decisions.year), asc(decisions.issuedOn));
  // A decision lists areas across the issuing unit: only those who cover that unit see it.
  const visible = rows.filter((r) => can(actor, 'decision.read', { kind: 'decision', path: r.path }));
  const counts = await Promise.all(
    visible.map(async ({ d }) => {
      if (d.kind === 'revoke')
        return Number((await db.select({ n: count() }).from(decisionRevocations).where(eq(decisionRevocations.decisionId, d.id)))[0]?.n ?? 0);
      const table = d.status === 'issued' ? recognitions : decisionRegistrations;
      const [row] = await db.select({ n: count() }).from(table).where(eq(table.decisionId, d.id));
      return Number(row?.n ?? 0);
    }),
  );
  return visible.map(({ d }, i) => ({
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedOn: d.issuedOn,
    signer: d.signer,
    status: d.status,
    titleCode: d.titleCode,
    year: d.year,
    amendsDecisionId: d.amendsDecisionId,
    reason: d.reason,
    areaCount: counts[i],
  }));
}

export async function getDecision(db: Queryable, actor: Actor, id: number) {
  const { path: _path, ...d } = await decisionFor(db, actor, id);
  const row = { d };
  const parent = alias(units, 'parent');
  if (row.d.kind === 'revoke') {
    const revoked = await db
      .select({ unitId: units.id, unitName: units.name, communeName: parent.name, recognitionId: recognitions.id, status: recognitions.status })
      .from(decisionRevocations)
      .innerJoin(recognitions, eq(recognitions.id, decisionRevocations.recognitionId))
      .innerJoin(units, eq(units.id, recognitions.unitId))
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(eq(decisionRevocations.decisionId, id))
      .orderBy(asc(units.path));
    return { ...row.d, areas: revoked };
  }
  const areas =
    row.d.status === 'issued'
      ? await db
          .select({ unitId: units.id, unitName: units.name, communeName: parent.name, status: recognitions.status, reward: recognitions.rewardAmount })
          .from(recognitions)
          .innerJoin(units, eq(units.id, recognitions.unitId))
          .leftJoin(parent, eq(parent.id, units.parentId))
          .where(eq(recognitions.decisionId, id))
          .orderBy(asc(units.path))
      : await db
          .select({ unitId: units.id, unitName: units.name, communeName: parent.name, registrationId: registrations.id })
          .from(decisionRegistrations)
          .innerJoin(registrations, eq(registrations.id, decisionRegistrations.registrationId))
          .innerJoin(units, eq(units.id, registrations.unitId))
          .leftJoin(parent, eq(parent.id, units.parentId))
          .where(eq(decisionRegistrations.decisionId, id))
          .orderBy(asc(units.path));
  return { ...row.d, areas };
}

/**
 * Titles a programme gave in a year, as a revoking decision chooses them: every
 * recognition in the caller's scope with the decision (or the records) it came
 * from, and whether it was revoked since.
 */
export async function listRecognitions(db: Queryable, actor: Actor, programCode: string, year: number) {
  const program = await programFor(db, actor, programCode);
  const parent = alias(units, 'parent');
  const rows = await db
    .select({
      id: recognitions.id,
      unitId: units.id,
      unitName: units.name,
      communeName: parent.name,
      path: units.path,
      titleCode: recognitions.titleCode,
      status: recognitions.status,
      source: recognitions.source,
      revoked: recognitions.revoked,
      decisionId: recognitions.decisionId,
      decisionNumber: decisions.number,
      importedNumber: recognitions.decisionNumber,
    })
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(decisions, eq(decisions.id, recognitions.decisionId))
    .where(and(eq(recognitions.programId, program.id), eq(recognitions.year, year)))
    .orderBy(asc(units.path), asc(recognitions.titleCode));
  return rows
    .filter((r) => can(actor, 'registration.read', { kind: 'registration', path: r.path }))
    .map(({ path: _path, importedNumber, ...r }) => ({ ...r, decisionNumber: r.decisionNumber ?? importedNumber }));
}
