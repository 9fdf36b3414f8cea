/**
 * Official files from records: the database fills the document models of
 * src/documents, the renderers lay them out. Nothing here is typed by hand
 * except the narrative a database cannot write (left for the officer).
 */
import { and, asc, eq, isNotNull, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { findProgram } from '../programs/find';
import { findUnit, requireUnit } from '../units/find';
import {
  contributions,
  decisionRevocations,
  decisions,
  documentsIssued,
  programTitles,
  programs,
  publicNotices,
  recognitions,
  registrations,
  units,
} from '../../db/schema';
import { commentCounts } from '../notice/comments';
import { RECOGNITION_STATUSES } from '../../core/cycle/status';
import {
  renderAllTitles,
  renderAllTitlesSheet,
  renderAreaList,
  renderCertificates,
  renderCouncilConclusion,
  renderRecognitionDecision,
  renderRevocationDecision,
  renderYearReport,
  renderYearTables,
  standardDecisionArticles,
  type Issuer,
  type RecognizedAreaRow,
  type Signature,
  type Verification,
  type YearReportModel,
} from '../../documents/index';
import { verifyUrl } from '../../core/verify/code';
import { notFound } from '../errors';
import { decisionReference } from '../../documents/text';
import { titlesOfPlace, type AllTitles } from './all-titles';
import { recognizedAreas, type RecognizedArea } from './areas';
import { failedCriteriaRanking, programSummary, programSummaryByUnit } from './summary';
import { reportRegion, type Boundaries } from './region';

export const REPORT_KINDS = ['bao-cao', 'bang-tong-hop', 'quyet-dinh', 'thong-bao', 'giay-cong-nhan', 'danh-sach'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportInput {
  programCode: string;
  year: number;
  unitId: number;
  boundaries?: Boundaries;
  /** The site's public address, for the QR of certificates and decisions (null: the code prints without a QR). */
  publicUrl?: string | null;
}

/** The verification mark of a code under the site's public address (docs/verification.md). */
export function verificationOf(code: string, publicUrl: string | null | undefined): Verification {
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : null;
  return { code, url: base ? verifyUrl(base, code) : null, lookupUrl: base ? `${base}/xac-minh` : null };
}

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
/** The kind word a unit's name starts with ("Thành phố" in "Thành phố Lai Châu"). */
const KIND_WORD = /^(Thành phố|Tỉnh|Huyện|Thị xã|Phường|Xã|Thị trấn) /;
/** A unit's name inside a sentence: the kind word in lower case, the proper name as it is written ("thành phố Lai Châu"). */
const inSentence = (name: string) => name.replace(KIND_WORD, (word) => word.toLocaleLowerCase('vi-VN'));

/** The People's Committee of a unit, in header form: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LAI CHÂU". */
async function issuerFor(db: Queryable, unitId: number): Promise<Issuer> {
  const unit = await requireUnit(db, unitId);
  const parent = unit.parentId ? await findUnit(db, unit.parentId) : undefined;
  return {
    authority: parent ? `UBND ${upper(parent.name)}` : null,
    body: `Ủy ban nhân dân\n${inSentence(unit.name)}`,
    shortName: `UBND ${inSentence(unit.name)}`,
    place: unit.name.replace(KIND_WORD, ''),
  };
}

/** Signature lines are left for the signer: the position prints, the name is written in by hand. */
const signatureFor = (position = 'Chủ tịch', name = ''): Signature => ({ mode: 'TM.', collective: 'Ủy ban nhân dân', position, name });

const rowOf = (a: RecognizedArea, order: number): RecognizedAreaRow => ({
  order,
  areaName: a.name,
  communeName: a.commune,
  titleName: a.titleName,
  status: a.status,
  reward: a.reward || null,
});

export async function yearReportModel(db: Queryable, input: ReportInput): Promise<YearReportModel> {
  const program = await findProgram(db, input.programCode);
  const [summary, byUnit, failed, areas] = await Promise.all([
    programSummary(db, input),
    programSummaryByUnit(db, input),
    failedCriteriaRanking(db, input),
    recognizedAreas(db, input),
  ]);
  const region = await reportRegion(db, input);
  const inUnit = and(eq(units.id, sql`${contributions.unitId}`), region.contains({ id: units.id, path: units.path }));
  const [money] = await db
    .select({
      budget: sql<number>`coalesce(sum(${contributions.budgetAmount}), 0)::bigint`,
      people: sql<number>`coalesce(sum(${contributions.peopleAmount}), 0)::bigint`,
      land: sql<number>`coalesce(sum(${contributions.landM2}), 0)::bigint`,
      workdays: sql<number>`coalesce(sum(${contributions.workdays}), 0)::bigint`,
    })
    .from(contributions)
    .innerJoin(units, inUnit)
    .where(and(eq(contributions.programId, program.id), eq(contributions.year, input.year)));
  const docs = await db
    .select()
    .from(documentsIssued)
    .innerJoin(units, eq(units.id, documentsIssued.unitId))
    .where(and(eq(documentsIssued.programId, program.id), eq(documentsIssued.year, input.year), region.contains({ id: units.id, path: units.path })))
    .orderBy(asc(documentsIssued.issuedOn));

  const rewardKey = (a: RecognizedArea) => `${a.titleName}|${a.status}|${a.reward}`;
  const rewards = new Map<string, { titleName: string; status: RecognizedArea['status']; count: number; amountPerArea: number }>();
  for (const a of areas) {
    const line = rewards.get(rewardKey(a)) ?? { titleName: a.titleName, status: a.status, count: 0, amountPerArea: a.reward };
    line.count += 1;
    rewards.set(rewardKey(a), line);
  }
  const issuer = await issuerFor(db, input.unitId);
  const place = await titlesOfPlace(db, input);
  return {
    issuer,
    relatedTitles: titleShares(place),
    households: householdShare(place),
    number: '   /BC-UBND',
    date: `${input.year}-12-31`,
    recipients: ['Như trên', 'Lưu: VT'],
    signature: signatureFor(),
    title: `Kết quả ${program.name.charAt(0).toLocaleLowerCase('vi-VN')}${program.name.slice(1)} năm ${input.year}`,
    programName: program.name,
    year: input.year,
    intro: [`Số liệu trong báo cáo được tổng hợp tự động từ hồ sơ đăng ký, kết quả thẩm định và các quyết định công nhận lưu trong hệ thống KDC.`],
    figures: {
      totalAreas: summary.areas,
      titles: summary.titles.map((t) => ({ titleName: t.name, registered: t.registered, firstTime: t.firstTime, held: t.held, again: t.again })),
      yearTarget: summary.yearTarget,
      periodTarget: summary.periodTarget,
      periodLabel: null,
    },
    communes: byUnit.map((u) => ({
      communeName: u.unitName,
      areas: u.areas,
      registered: u.registered,
      firstTime: u.titles.reduce((s, t) => s + t.firstTime, 0),
      held: u.titles.reduce((s, t) => s + t.held, 0),
      again: u.titles.reduce((s, t) => s + t.again, 0),
    })),
    failedCriteria: failed.slice(0, 10).map((f) => ({ code: f.code, text: f.text, areas: f.areas.map((a) => a.name) })),
    rewards: [...rewards.values()].sort((a, b) => RECOGNITION_STATUSES.indexOf(a.status) - RECOGNITION_STATUSES.indexOf(b.status)),
    contributions: {
      budget: Number(money?.budget ?? 0),
      people: Number(money?.people ?? 0),
      landM2: Number(money?.land ?? 0),
      workdays: Number(money?.workdays ?? 0),
    },
    narrative: [{ heading: 'II. ĐÁNH GIÁ CHUNG', paragraphs: ['(Cán bộ phụ trách bổ sung nhận xét, đánh giá.)'] }],
    documents: docs.map(({ documents_issued: d }) => ({ issuer: d.issuer, type: d.docType, number: d.number, date: d.issuedOn, summary: d.summary })),
    funding: [],
  };
}

/** A revoking decision's document: the decisions it amends, its reason, and the areas whose title it withdraws. */
async function revocationFile(db: Queryable, decision: typeof decisions.$inferSelect, publicUrl?: string | null): Promise<Buffer> {
  const parent = alias(units, 'parent');
  const granted = alias(decisions, 'granted');
  const rows = await db
    .select({
      areaName: units.name,
      communeName: parent.name,
      number: sql<string | null>`coalesce(${granted.number}, ${recognitions.decisionNumber})`,
      date: sql<string | null>`coalesce(${granted.issuedOn}, ${recognitions.decisionDate})`,
    })
    .from(decisionRevocations)
    .innerJoin(recognitions, eq(recognitions.id, decisionRevocations.recognitionId))
    .innerJoin(units, eq(units.id, recognitions.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .leftJoin(granted, eq(granted.id, recognitions.decisionId))
    .where(eq(decisionRevocations.decisionId, decision.id))
    .orderBy(asc(units.path));
  const [title] = await db
    .select()
    .from(programTitles)
    .where(and(eq(programTitles.programId, decision.programId), eq(programTitles.code, decision.titleCode)));
  const grantedBy = (r: { number: string | null; date: string | null }) =>
    r.number ? decisionReference(r.number, r.date ?? `${decision.year}-12-31`) : `hồ sơ công nhận năm ${decision.year}`;
  const titleName = title?.name ?? decision.titleCode;
  return renderRevocationDecision({
    issuer: await issuerFor(db, decision.issuingUnitId),
    number: decision.number,
    date: decision.issuedOn,
    verification: decision.status === 'issued' ? verificationOf(decision.verifyCode, publicUrl) : null,
    recipients: ['Như Điều 3', 'Lưu: VT'],
    signature: signatureFor(decision.signerTitle ?? 'Chủ tịch', decision.signer),
    title: `Về việc thu hồi danh hiệu "${titleName}" năm ${decision.year}`,
    deciderTitle: upper(decision.issuingBody),
    titleName,
    year: decision.year,
    legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương', 'Căn cứ Luật Thi đua, khen thưởng'],
    amends: [...new Set(rows.map(grantedBy))],
    reason: decision.reason ?? '',
    areas: rows.map((r) => ({ areaName: r.areaName, communeName: r.communeName, grantedBy: grantedBy(r) })),
  });
}

/**
 * The decision document of an issued (or draft) decision, with its annexed list. An issued one carries its
 * verification mark; a draft none (it is not a decision yet, and may still change).
 */
export async function decisionFile(db: Queryable, decisionId: number, publicUrl?: string | null): Promise<Buffer> {
  const [decision] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
  if (!decision) throw notFound('quyết định');
  if (decision.kind === 'revoke') return revocationFile(db, decision, publicUrl);
  const program = await db
    .select()
    .from(programs)
    .where(eq(programs.id, decision.programId))
    .then((r) => r[0]!);
  const areas = (await recognizedAreas(db, { programCode: program.code, year: decision.year, unitId: decision.issuingUnitId })).filter(
    (a) => a.title === decision.titleCode,
  );
  const titleName = areas[0]?.titleName ?? decision.titleCode;
  const issuer = await issuerFor(db, decision.issuingUnitId);
  return renderRecognitionDecision({
    issuer,
    number: decision.number,
    date: decision.issuedOn,
    verification: decision.status === 'issued' ? verificationOf(decision.verifyCode, publicUrl) : null,
    recipients: ['Như Điều 3', 'Lưu: VT'],
    signature: signatureFor(decision.signerTitle ?? 'Chủ tịch', decision.signer),
    title: `Về việc công nhận khu dân cư đạt danh hiệu "${titleName}" năm ${decision.year}`,
    deciderTitle: upper(decision.issuingBody),
    programName: program.name,
    year: decision.year,
    titleName,
    legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương', 'Căn cứ Luật Thi đua, khen thưởng'],
    articles: standardDecisionArticles({
      titleName,
      year: decision.year,
      count: areas.length,
      rewarded: areas.some((a) => a.reward > 0),
      executors: 'Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan',
    }),
    areas: areas.map((a, i) => rowOf(a, i + 1)),
  });
}

/**
 * One certificate per recognised area, each naming the decision that recognised it (or, for history imported
 * from records, the decision those records give) and carrying its own verification mark.
 */
async function certificatesFile(db: Queryable, input: ReportInput): Promise<Buffer> {
  const areas = await recognizedAreas(db, input);
  if (!areas.length) throw notFound(`khu dân cư được công nhận năm ${input.year}`);
  const program = await findProgram(db, input.programCode);
  const decisionRows = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.programId, program.id), eq(decisions.year, input.year), eq(decisions.status, 'issued')))
    .orderBy(asc(decisions.issuedOn), asc(decisions.id));
  const byId = new Map(decisionRows.map((d) => [d.id, d]));
  const issuers = new Map<number, Issuer>();
  const issuerOf = async (unitId: number) => issuers.get(unitId) ?? issuers.set(unitId, await issuerFor(db, unitId)).get(unitId)!;
  const models = [];
  for (const a of areas) {
    // Imported history has no decision row: the first decision of the year signs, as before, unless the records name one.
    const decision = (a.decisionId !== null ? byId.get(a.decisionId) : undefined) ?? (a.decisionNumber ? undefined : decisionRows[0]);
    const issuer = await issuerOf(decision?.issuingUnitId ?? program.ownerUnitId);
    const date = decision?.issuedOn ?? a.decisionDate ?? `${input.year}-11-18`;
    models.push({
      issuer,
      grantorTitle: upper(decision?.issuingBody ?? a.decisionIssuer ?? issuer.shortName ?? issuer.body),
      areaName: a.name,
      communeName: a.commune,
      titleName: a.titleName,
      year: input.year,
      status: a.status,
      decision: { number: decision?.number ?? a.decisionNumber ?? '', date },
      date,
      signature: signatureFor(decision?.signerTitle ?? 'Chủ tịch', decision?.signer ?? ''),
      verification: verificationOf(a.verifyCode, input.publicUrl),
    });
  }
  return renderCertificates(models);
}

/** The council's meeting-conclusion notice: every area it considered this year, recommended or not, with reasons. */
async function councilNoticeFile(db: Queryable, input: ReportInput): Promise<Buffer> {
  const program = await findProgram(db, input.programCode);
  const root = await findUnit(db, input.unitId);
  const parent = alias(units, 'parent');
  const rows = await db
    .select({
      registrationId: registrations.id,
      areaName: units.name,
      communeName: parent.name,
      recommended: registrations.councilRecommended,
      reason: registrations.councilReason,
      titleCode: registrations.titleCode,
    })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        eq(registrations.programId, program.id),
        eq(registrations.year, input.year),
        isNotNull(registrations.councilRecommended),
        like(units.path, `${root?.path ?? '-'}%`),
      ),
    )
    .orderBy(asc(units.path));
  if (!rows.length) throw notFound(`kết quả xét của hội đồng năm ${input.year}`);
  const [title] = await db
    .select()
    .from(programTitles)
    .where(and(eq(programTitles.programId, program.id), eq(programTitles.code, rows[0]!.titleCode ?? '')));
  const issuer = await issuerFor(db, program.ownerUnitId);
  const counts = await commentCounts(
    db,
    rows.map((r) => r.registrationId),
  );
  const noticed = await db
    .select({ id: publicNotices.id })
    .from(publicNotices)
    .where(and(eq(publicNotices.programId, program.id), eq(publicNotices.year, input.year)))
    .limit(1);
  const sum = (pick: (c: { total: number; accepted: number }) => number) => [...counts.values()].reduce((n, c) => n + pick(c), 0);
  return renderCouncilConclusion({
    issuer,
    number: '   /TB-HĐ',
    date: `${input.year}-11-10`,
    recipients: ['Các thành viên Hội đồng', 'Lưu: VT'],
    signature: { mode: null, position: 'Chủ tịch Hội đồng', name: '' },
    title: `Kết luận cuộc họp Hội đồng xét đề nghị công nhận năm ${input.year}`,
    councilName: `Hội đồng xét đề nghị công nhận ${issuer.shortName ?? ''}`.trim(),
    programName: program.name,
    year: input.year,
    titleName: title?.name ?? '',
    meeting: { date: `${input.year}-11-10`, place: issuer.shortName ?? issuer.body },
    chair: { name: '', position: 'Chủ tịch Hội đồng' },
    attendees: ['Các thành viên Hội đồng'],
    areas: rows.map((r, i) => ({
      order: i + 1,
      areaName: r.areaName,
      communeName: r.communeName,
      recommended: Boolean(r.recommended),
      reason: r.reason,
      comments: counts.get(r.registrationId) ?? null,
    })),
    conclusions: [],
    // Said only when a public notice was held that year (issue 14): "N ý kiến, M được tiếp thu".
    comments: noticed.length ? { total: sum((c) => c.total), accepted: sum((c) => c.accepted) } : null,
  });
}

/** One file of a programme year under a unit. */
export async function renderReport(db: Queryable, input: ReportInput & { kind: ReportKind }): Promise<{ buffer: Buffer; extension: 'docx' | 'xlsx' }> {
  switch (input.kind) {
    case 'bao-cao':
      return { buffer: await renderYearReport(await yearReportModel(db, input)), extension: 'docx' };
    case 'bang-tong-hop':
      return { buffer: await renderYearTables(await yearReportModel(db, input)), extension: 'xlsx' };
    case 'danh-sach':
      return { buffer: await renderAreaList((await recognizedAreas(db, input)).map(rowOf)), extension: 'xlsx' };
    case 'thong-bao':
      return { buffer: await councilNoticeFile(db, input), extension: 'docx' };
    case 'giay-cong-nhan':
      return { buffer: await certificatesFile(db, input), extension: 'docx' };
    case 'quyet-dinh': {
      // Only a decision issued by the report's unit or a unit under it: a ward officer does not
      // receive the city's whole list through this door.
      const program = await findProgram(db, input.programCode);
      const root = await findUnit(db, input.unitId);
      const [decision] = await db
        .select({ id: decisions.id })
        .from(decisions)
        .innerJoin(units, eq(units.id, decisions.issuingUnitId))
        .where(
          and(eq(decisions.programId, program.id), eq(decisions.year, input.year), eq(decisions.status, 'issued'), like(units.path, `${root?.path ?? '-'}%`)),
        )
        .orderBy(asc(decisions.issuedOn));
      if (!decision) throw notFound(`quyết định công nhận năm ${input.year}`);
      return { buffer: await decisionFile(db, decision.id, input.publicUrl), extension: 'docx' };
    }
  }
}

/** For `kdc report --format docx|xlsx`: the yearly report or its tables. */
export async function renderReportFile(db: Queryable, input: ReportInput & { format: 'docx' | 'xlsx' }): Promise<Buffer> {
  return (await renderReport(db, { ...input, kind: input.format === 'docx' ? 'bao-cao' : 'bang-tong-hop' })).buffer;
}

/** The titles of an every-title report as documents show them. */
const titleShares = (report: AllTitles) =>
  report.titles.map((t) => ({
    titleName: t.titleName,
    programName: t.programName,
    subjectName: t.subjectName,
    held: t.held,
    total: t.total,
    firstTime: t.firstTime,
    heldOver: t.heldOver,
    again: t.again,
  }));
const householdShare = (report: AllTitles) =>
  report.households.total && report.households.cultured !== null ? { total: report.households.total, cultured: report.households.cultured } : null;

/** Every title of a unit in a year (a report already read within the caller's scope), as DOCX (a report) or XLSX (the table). */
export async function allTitlesFile(db: Queryable, report: AllTitles, format: 'docx' | 'xlsx'): Promise<Buffer> {
  const input = { year: report.year };
  const model = {
    issuer: await issuerFor(db, report.unitId),
    number: '   /BC-UBND',
    date: `${input.year}-12-31`,
    recipients: ['Như trên', 'Lưu: VT'],
    signature: signatureFor(),
    title: `Kết quả các danh hiệu năm ${input.year} trên địa bàn ${report.unitName}`,
    unitName: report.unitName,
    year: input.year,
    titles: titleShares(report),
    households: householdShare(report),
  };
  return format === 'docx' ? renderAllTitles(model) : renderAllTitlesSheet(model);
}
