/**
 * What the public verification page shows for a code (mã xác minh): facts a
 * certificate or a decision already prints, and whether a title was revoked
 * since. This is the one use case with no acting user: anyone holding the
 * paper may check it, so it takes no actor and asks no policy, and returns
 * only what the paper itself says — the area and where it stood that year,
 * the title, year and programme, the decision's number, date and issuing
 * body, the revoking decision's. Never a score, evidence, a reason, a person
 * or an id. A code that is not one, or names nothing issued, is null: the
 * page says "không tìm thấy" and nothing more.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { decisionRevocations, decisions, programs, programTitles, recognitions, unitParents, units } from '../../db/schema';
import { STATUS_LABELS, type RecognitionStatus } from '../../core/cycle/status';
import { existedOn } from '../../core/units/validity';
import { normalizeVerifyCode } from '../../core/verify/code';

/** A decision as the paper names it; fields are null when imported records did not give them. */
export interface DecisionRef {
  number: string | null;
  date: string | null;
  issuer: string | null;
}

export interface VerifiedCertificate {
  kind: 'certificate';
  code: string;
  areaName: string;
  /** The units above the area in the year of the title, nearest first ("Phường Tân Phong", "Thành phố Lai Châu", …). */
  place: string[];
  /** The same today, when it differs (the area was moved or its commune merged since). */
  placeNow: string[] | null;
  titleName: string;
  year: number;
  programName: string;
  status: RecognitionStatus;
  statusLabel: string;
  decision: DecisionRef;
  /** The decision that revoked the title; null while it stands. */
  revoked: DecisionRef | null;
}

export interface VerifiedDecisionArea {
  areaName: string;
  communeName: string | null;
  revoked: DecisionRef | null;
}

export interface VerifiedDecision {
  kind: 'decision';
  code: string;
  decisionKind: 'recognize' | 'revoke';
  number: string;
  date: string;
  issuer: string;
  titleName: string;
  year: number;
  programName: string;
  /** Recognising: the areas it recognised, each with its revocation if any. Revoking: the areas whose title it withdrew. */
  areas: VerifiedDecisionArea[];
}

export type Verified = VerifiedCertificate | VerifiedDecision;

const MAX_DEPTH = 8;

/** The last day of the year, or the day the unit closed if earlier: the day its place is read on. */
const dayOf = (year: number, validTo: string | null) => (validTo && validTo < `${year}-12-31` ? validTo : `${year}-12-31`);

/** The units above one, on a day (unit_parents), else as the tree stands now. */
async function placeOf(db: Queryable, unitId: number, day: string | null): Promise<string[]> {
  const names: string[] = [];
  let id: number | null = unitId;
  for (let depth = 0; id !== null && depth < MAX_DEPTH; depth++) {
    const [unit] = await db.select({ parentId: units.parentId }).from(units).where(eq(units.id, id));
    let parentId = unit?.parentId ?? null;
    if (day) {
      const spans = await db.select().from(unitParents).where(eq(unitParents.unitId, id));
      const then = spans.find((s) => existedOn(s, day));
      if (then) parentId = then.parentId;
    }
    if (parentId === null) break;
    const [parent] = await db.select({ name: units.name }).from(units).where(eq(units.id, parentId));
    if (!parent) break;
    names.push(parent.name);
    id = parentId;
  }
  return names;
}

const grantedBy = alias(decisions, 'granted_by');
const revokedBy = alias(decisions, 'revoked_by');

const refOf = (d: { number: string | null; date: string | null; issuer: string | null }): DecisionRef => ({
  number: d.number,
  date: d.date,
  issuer: d.issuer,
});

async function certificate(db: Queryable, code: string): Promise<VerifiedCertificate | null> {
  const [row] = await db
    .select({
      unitId: recognitions.unitId,
      year: recognitions.year,
      status: recognitions.status,
      revoked: recognitions.revoked,
      areaName: units.name,
      validTo: units.validTo,
      programName: programs.name,
      titleName: sql<string>`coalesce(${programTitles.name}, ${recognitions.titleCode})`,
      grantedStatus: grantedBy.status,
      number: sql<string | null>`coalesce(${grantedBy.number}, ${recognitions.decisionNumber})`,
      date: sql<string | null>`coalesce(${grantedBy.issuedOn}, ${recognitions.decisionDate})`,
      issuer: sql<string | null>`coalesce(${grantedBy.issuingBody}, ${recognitions.decisionIssuer})`,
      revokedNumber: revokedBy.number,
      revokedDate: revokedBy.issuedOn,
      revokedIssuer: revokedBy.issuingBody,
    })
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .leftJoin(programTitles, and(eq(programTitles.programId, recognitions.programId), eq(programTitles.code, recognitions.titleCode)))
    .leftJoin(grantedBy, eq(grantedBy.id, recognitions.decisionId))
    .leftJoin(revokedBy, and(eq(revokedBy.id, recognitions.revokedByDecisionId), eq(revokedBy.status, 'issued')))
    .where(eq(recognitions.verifyCode, code));
  if (!row || (row.grantedStatus !== null && row.grantedStatus !== 'issued')) return null;
  const place = await placeOf(db, row.unitId, dayOf(row.year, row.validTo));
  const now = await placeOf(db, row.unitId, null);
  return {
    kind: 'certificate',
    code,
    areaName: row.areaName,
    place,
    placeNow: now.join('|') === place.join('|') ? null : now,
    titleName: row.titleName,
    year: row.year,
    programName: row.programName,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    decision: refOf(row),
    revoked: row.revoked ? { number: row.revokedNumber, date: row.revokedDate, issuer: row.revokedIssuer } : null,
  };
}

/** The name of an area's commune in a year, as the historical map reads it (else its parent today). */
const communeIn = (year: number) =>
  sql<string | null>`coalesce(
    (SELECT p.name FROM unit_parents up JOIN units p ON p.id = up.parent_id
      WHERE up.unit_id = ${units.id}
        AND (up.valid_from IS NULL OR up.valid_from <= ${`${year}-12-31`}::date)
        AND (up.valid_to IS NULL OR up.valid_to >= ${`${year}-12-31`}::date)
      ORDER BY up.valid_from DESC NULLS LAST LIMIT 1),
    (SELECT p.name FROM units p WHERE p.id = ${units.parentId}))`;

async function decision(db: Queryable, code: string): Promise<VerifiedDecision | null> {
  const [d] = await db
    .select({ d: decisions, programName: programs.name, titleName: sql<string>`coalesce(${programTitles.name}, ${decisions.titleCode})` })
    .from(decisions)
    .innerJoin(programs, eq(programs.id, decisions.programId))
    .leftJoin(programTitles, and(eq(programTitles.programId, decisions.programId), eq(programTitles.code, decisions.titleCode)))
    .where(and(eq(decisions.verifyCode, code), eq(decisions.status, 'issued')));
  if (!d) return null;
  const columns = {
    areaName: units.name,
    communeName: communeIn(d.d.year),
    revoked: recognitions.revoked,
    revokedNumber: revokedBy.number,
    revokedDate: revokedBy.issuedOn,
    revokedIssuer: revokedBy.issuingBody,
  };
  const base = db
    .select(columns)
    .from(recognitions)
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .leftJoin(revokedBy, and(eq(revokedBy.id, recognitions.revokedByDecisionId), eq(revokedBy.status, 'issued')));
  const rows =
    d.d.kind === 'revoke'
      ? await base
          .innerJoin(decisionRevocations, eq(decisionRevocations.recognitionId, recognitions.id))
          .where(eq(decisionRevocations.decisionId, d.d.id))
          .orderBy(asc(units.path))
      : await base.where(eq(recognitions.decisionId, d.d.id)).orderBy(asc(units.path));
  return {
    kind: 'decision',
    code,
    decisionKind: d.d.kind,
    number: d.d.number,
    date: d.d.issuedOn,
    issuer: d.d.issuingBody,
    titleName: d.titleName,
    year: d.d.year,
    programName: d.programName,
    areas: rows.map((r) => ({
      areaName: r.areaName,
      communeName: r.communeName,
      revoked: r.revoked ? { number: r.revokedNumber, date: r.revokedDate, issuer: r.revokedIssuer } : null,
    })),
  };
}

/** The certificate or decision a code names, or null. Takes any text: what cannot be a code never reaches the database. */
export async function verifyCode(db: Queryable, input: string): Promise<Verified | null> {
  const code = normalizeVerifyCode(input);
  if (!code) return null;
  return (await certificate(db, code)) ?? (await decision(db, code));
}
