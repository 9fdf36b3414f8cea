/** Reading decisions: a programme's list for a year, one decision with its areas. */
import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { decisionRegistrations, decisions, recognitions, registrations, units } from '../../db/schema';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { requireProgram } from '../programs/queries';
import { coversPath } from '../scope';

export async function listDecisions(db: Queryable, actor: Actor, programCode: string, year?: number) {
  const program = await requireProgram(db, actor, programCode);
  const rows = await db.select({ d: decisions, path: units.path }).from(decisions)
    .innerJoin(units, eq(units.id, decisions.issuingUnitId))
    .where(and(eq(decisions.programId, program.id), year ? eq(decisions.year, year) : undefined))
    .orderBy(asc(decisions.year), asc(decisions.issuedOn));
  // A decision lists areas across the issuing unit: only those who cover that unit see it.
  const visible = rows.filter((r) => coversPath(actor, r.path));
  const counts = await Promise.all(visible.map(async ({ d }) => {
    const table = d.status === 'issued' ? recognitions : decisionRegistrations;
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.decisionId, d.id));
    return Number(row?.n ?? 0);
  }));
  return visible.map(({ d }, i) => ({ id: d.id, number: d.number, issuedOn: d.issuedOn, signer: d.signer, status: d.status, titleCode: d.titleCode, year: d.year, areaCount: counts[i] }));
}

export async function getDecision(db: Queryable, actor: Actor, id: number) {
  const [row] = Number.isInteger(id) ? await db.select({ d: decisions, path: units.path }).from(decisions)
    .innerJoin(units, eq(units.id, decisions.issuingUnitId)).where(eq(decisions.id, id)) : [];
  if (!row || !coversPath(actor, row.path)) throw notFound('quyết định');
  const parent = alias(units, 'parent');
  const areas = row.d.status === 'issued'
    ? await db.select({ unitId: units.id, unitName: units.name, communeName: parent.name, status: recognitions.status, reward: recognitions.rewardAmount })
      .from(recognitions).innerJoin(units, eq(units.id, recognitions.unitId)).leftJoin(parent, eq(parent.id, units.parentId))
      .where(eq(recognitions.decisionId, id)).orderBy(asc(units.path))
    : await db.select({ unitId: units.id, unitName: units.name, communeName: parent.name, registrationId: registrations.id })
      .from(decisionRegistrations).innerJoin(registrations, eq(registrations.id, decisionRegistrations.registrationId))
      .innerJoin(units, eq(units.id, registrations.unitId)).leftJoin(parent, eq(parent.id, units.parentId))
      .where(eq(decisionRegistrations.decisionId, id)).orderBy(asc(units.path));
  return { ...row.d, areas };
}
