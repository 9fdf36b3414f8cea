/**
 * Records officers enter beside the cycle (Phụ lục 1 and 2 of Báo cáo 299-BC/HU, Huyện ủy Bảo Lâm):
 * contributions (money from budgets and from people, land, workdays), the
 * register of documents issued, and rewards actually paid. Each is tied to a
 * unit in the caller's scope and audited.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { contributions, documentsIssued, recognitions, rewardsPaid, units } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { notFound } from '../errors';
import { reportUnitId } from '../programs/report-unit';
import { programFor, unitFor } from '../policy/loaders';
import { requireUnit } from '../units/find';

export interface ContributionInput {
  programCode: string;
  year: number;
  unitId: number;
  budgetAmount: number;
  peopleAmount: number;
  landM2: number;
  workdays: number;
  note?: string | null;
}
export interface DocumentInput {
  programCode: string;
  year: number;
  unitId: number;
  issuer: string;
  docType: string;
  number: string;
  issuedOn: string;
  summary: string;
}

export async function addContribution(db: Db, actor: Actor, input: ContributionInput) {
  const program = await programFor(db, actor, input.programCode);
  const unit = await unitFor(db, actor, input.unitId, 'unit.records');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contributions)
      .values({ ...input, programId: program.id, unitId: unit.id, note: input.note ? nfc(input.note) : null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'add-contribution', entity: 'contribution', entityId: row!.id, unitId: unit.id, after: row });
    return row!;
  });
}

export async function addIssuedDocument(db: Db, actor: Actor, input: DocumentInput) {
  const program = await programFor(db, actor, input.programCode);
  const unit = await unitFor(db, actor, input.unitId, 'unit.records');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(documentsIssued)
      .values({
        programId: program.id,
        year: input.year,
        unitId: unit.id,
        issuer: nfc(input.issuer),
        docType: nfc(input.docType),
        number: nfc(input.number),
        issuedOn: input.issuedOn,
        summary: nfc(input.summary),
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'add-document', entity: 'document-issued', entityId: row!.id, unitId: unit.id, after: row });
    return row!;
  });
}

export async function recordRewardPaid(db: Db, actor: Actor, input: { recognitionId: number; amount: number; paidOn: string; note?: string | null }) {
  const [recognition] = await db.select().from(recognitions).where(eq(recognitions.id, input.recognitionId));
  if (!recognition) throw notFound('lượt công nhận');
  const unit = await unitFor(db, actor, recognition.unitId, 'unit.records');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rewardsPaid)
      .values({ ...input, note: input.note ? nfc(input.note) : null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'record-reward', entity: 'reward-paid', entityId: row!.id, unitId: unit.id, after: row });
    return row!;
  });
}

/** Contributions and documents of a programme year under a unit the caller may read. */
export async function listRecords(db: Queryable, actor: Actor, input: { programCode: string; year: number; unitId?: number }) {
  const program = await programFor(db, actor, input.programCode);
  const root = await requireUnit(db, await reportUnitId(db, actor, program, input.unitId));
  const under = like(units.path, `${root.path}%`);
  const [money, docs] = await Promise.all([
    db
      .select({ c: contributions, unitName: units.name })
      .from(contributions)
      .innerJoin(units, eq(units.id, contributions.unitId))
      .where(and(eq(contributions.programId, program.id), eq(contributions.year, input.year), under))
      .orderBy(asc(contributions.id)),
    db
      .select({ d: documentsIssued })
      .from(documentsIssued)
      .innerJoin(units, eq(units.id, documentsIssued.unitId))
      .where(and(eq(documentsIssued.programId, program.id), eq(documentsIssued.year, input.year), under))
      .orderBy(asc(documentsIssued.issuedOn)),
  ]);
  return {
    contributions: money.map(({ c, unitName }) => ({
      id: c.id,
      unitId: c.unitId,
      unitName,
      budgetAmount: c.budgetAmount,
      peopleAmount: c.peopleAmount,
      landM2: c.landM2,
      workdays: c.workdays,
      note: c.note,
    })),
    documents: docs.map(({ d }) => ({
      id: d.id,
      unitId: d.unitId,
      issuer: d.issuer,
      docType: d.docType,
      number: d.number,
      issuedOn: d.issuedOn,
      summary: d.summary,
    })),
  };
}
