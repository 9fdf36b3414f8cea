/**
 * Writes under concurrency, on PostgreSQL (issue 12, findings 1 and 8): the
 * races people cause by pressing buttons at the same moment, fired a few
 * hundred times through the HTTP API against a server on a connection pool,
 * so the requests really overlap in the database. After every race:
 * - the stored verdict of each stage equals the engine's verdict of the stored values;
 * - a registration locked by a decision never changes (values, evidence, status);
 * - one recognition per area, title and year;
 * - no answer is a 500.
 * PGlite has one connection and serialises everything, so the suite runs
 * only with KDC_TEST_DATABASE_URL (`npm run test:pg`, CI).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { actOnRegistration } from '../../src/app/cycle/act';
import { judgingContext } from '../../src/app/cycle/context';
import { registerArea } from '../../src/app/cycle/register';
import { saveScorecard } from '../../src/app/cycle/scorecard';
import { judgeable, scorecardOf, scorecardProblems, STAGES } from '../../src/app/cycle/verdicts';
import { draftDecision } from '../../src/app/decisions/draft';
import { importUnits } from '../../src/app/import/units';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { evaluate } from '../../src/core/evaluation/evaluate';
import type { Scorecard } from '../../src/core/evaluation/types';
import { decisions, evidenceFiles, recognitions, registrations, scorecardValues, units, verdicts } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { demoServer, loginAs, type Client } from '../support/server';

const pg = Boolean(process.env.KDC_TEST_DATABASE_URL);
const TRIALS = { saves: 64, saveVsIssue: 36, issueVsReturn: 44, tenIssues: 12, evidenceVsIssue: 44 }; // 200 races, ~2 minutes on 2 cores
const AREAS = TRIALS.saveVsIssue + TRIALS.issueVsReturn + TRIALS.tenIssues + TRIALS.evidenceVsIssue + 4;

let server: Awaited<ReturnType<typeof demoServer>>;
let admin: Client;
let thanhpho: Client;
const set = findBuiltinSet('laichau-tqpttd')!;
const passing = passingScorecard(set);
const asInput = (values: Scorecard) => Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value }]));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const areaIds: number[] = [];
let nextArea = 0;
const fiveHundreds: string[] = [];

/** Every answer of a race goes through here: a 500 is recorded, never thrown away. */
async function call(client: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers?: Record<string, string>) {
  const res = await client.request({ method, url, payload: payload as object, headers });
  if (res.statusCode >= 500) fiveHundreds.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res;
}

/** A registration of a fresh area brought to a step by the system actor (no person holds a duty on it). */
async function registrationAt(step: 'registered' | 'self-assessed' | 'council-recommended'): Promise<number> {
  const { db } = server;
  const unitId = areaIds[nextArea++]!;
  const id = (await registerArea(db, SYSTEM_ACTOR, { programCode: 'laichau-tqpttd', unitId, year: 2026, titleCode: 'tqpttd', selfManagementContents: [] })).id;
  if (step === 'registered') return id;
  await saveScorecard(db, SYSTEM_ACTOR, id, { stage: 'self', values: asInput(passing) });
  await actOnRegistration(db, SYSTEM_ACTOR, id, 'submit');
  if (step === 'self-assessed') return id;
  await saveScorecard(db, SYSTEM_ACTOR, id, { stage: 'board', values: asInput(passing) });
  await actOnRegistration(db, SYSTEM_ACTOR, id, 'propose');
  await actOnRegistration(db, SYSTEM_ACTOR, id, 'recommend');
  return id;
}

let decisionNumber = 700;
async function draftFor(registrationIds: number[]): Promise<number> {
  return (
    await draftDecision(server.db, SYSTEM_ACTOR, {
      programCode: 'laichau-tqpttd',
      year: 2026,
      titleCode: 'tqpttd',
      number: `${decisionNumber++}/QĐ-UBND`,
      issuedOn: '2026-11-18',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Chủ tịch',
      issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
      registrationIds,
    })
  ).id;
}

/** What a locked registration must keep: its values, its evidence, its status and verdicts. */
async function snapshot(id: number) {
  const { db } = server;
  const [reg] = await db.select().from(registrations).where(eq(registrations.id, id));
  const values = await db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, id)).orderBy(asc(scorecardValues.criterionCode));
  const files = await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.registrationId, id));
  const stored = await db
    .select({ stage: verdicts.stage, recognized: verdicts.recognized, failed: verdicts.failedCriteria })
    .from(verdicts)
    .where(eq(verdicts.registrationId, id))
    .orderBy(asc(verdicts.stage));
  return JSON.stringify({
    status: reg!.status,
    locked: reg!.locked,
    values: values.map((v) => [v.criterionCode, v.selfValue, v.boardValue, v.boardReason]),
    files,
    stored,
  });
}

/** The stored verdict of each stage is the engine's verdict of the stored values (none while the scorecard is incomplete). */
async function verdictProblems(id: number): Promise<string[]> {
  const { db } = server;
  const [reg] = await db.select().from(registrations).where(eq(registrations.id, id));
  if (reg!.locked) return [];
  const rows = await db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, id));
  const stored = await db.select().from(verdicts).where(eq(verdicts.registrationId, id));
  const ctx = await judgingContext(db, reg!);
  const out: string[] = [];
  for (const stage of STAGES) {
    const values = scorecardOf(rows, stage);
    const row = stored.find((v) => v.stage === stage);
    if (scorecardProblems(values, ctx).length) {
      if (row) out.push(`${id} ${stage}: a verdict is stored for an incomplete scorecard`);
      continue;
    }
    const expected = evaluate(ctx.set, { ...ctx.evaluation, values: judgeable(values, ctx) });
    if (!row || row.recognized !== expected.recognized || JSON.stringify(row.failedCriteria) !== JSON.stringify(expected.failedCriteria))
      out.push(
        `${id} ${stage}: stored ${JSON.stringify(row && { recognized: row.recognized, failed: row.failedCriteria })}, engine ${JSON.stringify({ recognized: expected.recognized, failed: expected.failedCriteria })}`,
      );
  }
  return out;
}

function evidenceUpload(id: number) {
  const boundary = '----kdc-race';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return call(thanhpho, 'POST', `/api/registrations/${id}/evidence`, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe.skipIf(!pg)('concurrent writes on PostgreSQL', () => {
  beforeAll(async () => {
    server = await demoServer();
    const lines = ['code,name,kind,parent', 'LC-TP-DUAT,Phường Đua Tranh,phường,LC-TP'];
    for (let i = 1; i <= AREAS; i++) lines.push(`LC-TP-DUAT-TDP${String(i).padStart(3, '0')},Tổ dân phố số ${i},tổ dân phố,LC-TP-DUAT`);
    await importUnits(server.db, SYSTEM_ACTOR, Buffer.from(lines.join('\n')), 'dua-tranh.csv');
    const rows = await server.db
      .select({ id: units.id })
      .from(units)
      .where(sql`${units.code} LIKE 'LC-TP-DUAT-TDP%'`)
      .orderBy(asc(units.code));
    areaIds.push(...rows.map((r) => r.id));
    admin = await loginAs(server.app, 'admin');
    thanhpho = await loginAs(server.app, 'thanhpho');
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it(`two saves of different criteria at once keep the engine's verdict (${TRIALS.saves} trials, both stages)`, async () => {
    const self = await registrationAt('registered');
    const board = await registrationAt('self-assessed');
    const problems: string[] = [];
    for (let i = 0; i < TRIALS.saves; i++) {
      const stage = i % 2 ? 'board' : 'self';
      const id = stage === 'self' ? self : board;
      // Start from a passing scorecard, then two people each fail one criterion of standard 2 at the same moment.
      await call(admin, 'PUT', `/api/registrations/${id}/scorecard`, { stage, values: asInput(passing) });
      const [a, b] = (i % 4 < 2 ? ['2.2', '2.3'] : ['1.1', '2.4']) as [string, string];
      const value = (v: boolean) => ({ value: v, ...(stage === 'board' ? { reason: 'Kiểm tra thực tế' } : {}) });
      const results = await Promise.all([
        call(admin, 'PUT', `/api/registrations/${id}/scorecard`, { stage, values: { [a]: value(false) } }),
        call(thanhpho, 'PUT', `/api/registrations/${id}/scorecard`, { stage, values: { [b]: value(false) } }),
      ]);
      for (const r of results) if (r.statusCode !== 200) problems.push(`trial ${i}: ${r.statusCode} ${r.body.slice(0, 120)}`);
      problems.push(...(await verdictProblems(id)));
      const [stored] = await server.db
        .select()
        .from(verdicts)
        .where(and(eq(verdicts.registrationId, id), eq(verdicts.stage, stage)));
      if (stored && !(stored.failedCriteria.includes(a) && stored.failedCriteria.includes(b)))
        problems.push(`trial ${i}: both failures stored, verdict lists ${stored.failedCriteria.join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(fiveHundreds).toEqual([]);
  });

  it(`a save racing the decision that locks the registration (${TRIALS.saveVsIssue} trials)`, async () => {
    const problems: string[] = [];
    for (let i = 0; i < TRIALS.saveVsIssue; i++) {
      const id = await registrationAt('council-recommended');
      const decision = await draftFor([id]);
      const before = await snapshot(id);
      const [save, issue] = await Promise.all([
        call(admin, 'PUT', `/api/registrations/${id}/scorecard`, { stage: i % 2 ? 'board' : 'self', values: { '1.1': { value: false, reason: 'Kiểm tra' } } }),
        call(thanhpho, 'POST', `/api/decisions/${decision}/issue`),
      ]);
      if (issue.statusCode !== 200) problems.push(`trial ${i}: issue ${issue.statusCode} ${issue.body.slice(0, 120)}`);
      if (![409, 423].includes(save.statusCode)) problems.push(`trial ${i}: save ${save.statusCode} ${save.body.slice(0, 120)}`);
      const after = JSON.parse(await snapshot(id)) as { values: unknown; files: unknown; locked: boolean };
      const was = JSON.parse(before) as { values: unknown; files: unknown };
      if (!after.locked || JSON.stringify(after.values) !== JSON.stringify(was.values)) problems.push(`trial ${i}: the locked registration changed`);
      // Later attempts change nothing either.
      await call(admin, 'PUT', `/api/registrations/${id}/scorecard`, { stage: 'board', values: { '1.2': { value: false, reason: 'Kiểm tra' } } });
      if (JSON.stringify((JSON.parse(await snapshot(id)) as { values: unknown }).values) !== JSON.stringify(was.values))
        problems.push(`trial ${i}: changed after the lock`);
    }
    expect(problems).toEqual([]);
    expect(fiveHundreds).toEqual([]);
  });

  it(`issue and return at once: one of them, never both (${TRIALS.issueVsReturn} trials)`, async () => {
    const problems: string[] = [];
    const outcomes = { issued: 0, returned: 0 };
    for (let i = 0; i < TRIALS.issueVsReturn; i++) {
      const id = await registrationAt('council-recommended');
      const decision = await draftFor([id]);
      const [issue, ret] = await Promise.all([
        call(thanhpho, 'POST', `/api/decisions/${decision}/issue`),
        call(admin, 'POST', `/api/registrations/${id}/actions`, { action: 'return', reason: 'Thiếu biên bản họp dân' }),
      ]);
      const [reg] = await server.db.select().from(registrations).where(eq(registrations.id, id));
      const held = await server.db.select().from(recognitions).where(eq(recognitions.registrationId, id));
      const [d] = await server.db.select().from(decisions).where(eq(decisions.id, decision));
      if (issue.statusCode === 200) {
        outcomes.issued++;
        if (ret.statusCode === 200) problems.push(`trial ${i}: both the issue and the return succeeded`);
        if (reg!.status !== 'recognized' || !reg!.locked || held.length !== 1 || d!.status !== 'issued')
          problems.push(`trial ${i}: issued but ${reg!.status} locked=${reg!.locked} recognitions=${held.length}`);
      } else {
        outcomes.returned++;
        if (ret.statusCode !== 200 || issue.statusCode !== 409)
          problems.push(`trial ${i}: issue ${issue.statusCode}, return ${ret.statusCode} ${ret.body.slice(0, 100)}`);
        if (reg!.status !== 'board-proposed' || reg!.locked || held.length !== 0 || d!.status !== 'draft')
          problems.push(`trial ${i}: returned but ${reg!.status} locked=${reg!.locked} recognitions=${held.length} decision ${d!.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(outcomes.issued + outcomes.returned).toBe(TRIALS.issueVsReturn);
    expect(fiveHundreds).toEqual([]);
  });

  it(`ten issues of one decision at once: one is issued, nine are told it already is (${TRIALS.tenIssues} trials)`, async () => {
    const problems: string[] = [];
    for (let i = 0; i < TRIALS.tenIssues; i++) {
      const id = await registrationAt('council-recommended');
      const decision = await draftFor([id]);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, k) => call(k % 2 ? admin : thanhpho, 'POST', `/api/decisions/${decision}/issue`)));
      const codes = answers.map((a) => a.statusCode).sort();
      if (JSON.stringify(codes) !== JSON.stringify([200, ...Array(9).fill(423)])) problems.push(`trial ${i}: ${codes.join(',')}`);
      const held = await server.db.select().from(recognitions).where(eq(recognitions.registrationId, id));
      if (held.length !== 1) problems.push(`trial ${i}: ${held.length} recognitions`);
    }
    expect(problems).toEqual([]);
    expect(fiveHundreds).toEqual([]);
  });

  it(`evidence racing the issue lands before the lock or not at all (${TRIALS.evidenceVsIssue} trials)`, async () => {
    const problems: string[] = [];
    for (let i = 0; i < TRIALS.evidenceVsIssue; i++) {
      const id = await registrationAt('council-recommended');
      const decision = await draftFor([id]);
      const [upload, issue] = await Promise.all([evidenceUpload(id), call(thanhpho, 'POST', `/api/decisions/${decision}/issue`)]);
      if (issue.statusCode !== 200) problems.push(`trial ${i}: issue ${issue.statusCode}`);
      const files = await server.db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.registrationId, id));
      if (upload.statusCode === 201 && files.length !== 1) problems.push(`trial ${i}: accepted but ${files.length} files`);
      if (upload.statusCode !== 201 && (upload.statusCode !== 423 || files.length !== 0))
        problems.push(`trial ${i}: upload ${upload.statusCode}, ${files.length} files`);
      // After the lock nothing lands.
      const late = await evidenceUpload(id);
      if (late.statusCode !== 423) problems.push(`trial ${i}: a late upload got ${late.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(fiveHundreds).toEqual([]);
  });

  it('leaves one recognition per area, title and year, and the engine’s verdict on every open registration', async () => {
    const dup = await server.db.execute(sql`SELECT program_id, unit_id, title_code, year, count(*) FROM recognitions GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`);
    expect((dup as unknown as { rows: unknown[] }).rows).toEqual([]);
    const open = await server.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.year, 2026), eq(registrations.locked, false)));
    const problems: string[] = [];
    for (const r of open) problems.push(...(await verdictProblems(r.id)));
    expect(problems).toEqual([]);
  });
});
