/**
 * Titles that lean on each other, on the demo, through the app's own use cases:
 * recognising Tổ dân phố số 11 of Tân Phong as khu dân cư văn hóa for 2026 turns
 * criterion 4.3 of its 2026 Lai Châu scorecard to đạt without anyone typing it,
 * and a decision revoking that title turns it back — on every scorecard not yet
 * locked by a decision, never on one that is. A ward's "an toàn về an ninh, trật
 * tự" follows the 70% of its areas holding the area title. The every-title
 * report reproduces the summary the city's 2024 review prints.
 */
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { auditLog, programs, registrations, units, verdicts } from '../../src/db/schema';
import type { Actor } from '../../src/app/actor';
import { loadActor } from '../../src/app/auth/sessions';
import { actOnRegistration } from '../../src/app/cycle/act';
import { getRegistration } from '../../src/app/cycle/get';
import { registerArea } from '../../src/app/cycle/register';
import { saveScorecard } from '../../src/app/cycle/scorecard';
import { draftDecision, draftRevocation } from '../../src/app/decisions/draft';
import { issueDecision } from '../../src/app/decisions/issue';
import { listRecognitions } from '../../src/app/decisions/queries';
import { titlesOfPlace } from '../../src/app/reports/all-titles';
import { decisionFile } from '../../src/app/reports/files';
import { passingScorecard } from '../../src/demo/history';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Scorecard, Verdict } from '../../src/core/evaluation/types';
import { openTestDatabase } from '../support/db';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let thanhpho: Actor;
let tanphong: Actor;
/** Proposes what the others assessed: one person per duty (finding 19). */
let admin: Actor;
const unitId = async (code: string) => (await db.select().from(units).where(eq(units.code, code)))[0]!.id;
const programId = async (code: string) => (await db.select().from(programs).where(eq(programs.code, code)))[0]!.id;
const registrationOf = async (program: string, year: number, unit: string) =>
  (
    await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.programId, await programId(program)), eq(registrations.year, year), eq(registrations.unitId, await unitId(unit))))
  )[0]!;
const storedVerdict = async (registrationId: number, stage: 'self' | 'board') =>
  (
    await db
      .select()
      .from(verdicts)
      .where(and(eq(verdicts.registrationId, registrationId), eq(verdicts.stage, stage)))
  )[0]?.result as Verdict | undefined;
const criterion = (v: Verdict | undefined, code: string) => v?.criteria.find((c) => c.code === code);
const head = (n: string) => ({
  number: n,
  issuedOn: '2026-11-20',
  signer: 'Nguyễn Văn A',
  signerTitle: 'Chủ tịch',
  issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
});
const asInput = (values: Scorecard) => Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value }]));

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  db = database.db;
  const user = async (username: string) =>
    (await loadActor(
      db,
      ((await db.execute(`SELECT id FROM users WHERE username = '${username}'` as never)) as unknown as { rows: Array<{ id: number }> }).rows[0]!.id,
    ))!;
  thanhpho = await user('thanhpho');
  tanphong = await user('tanphong');
  admin = await user('admin');
});
afterAll(async () => {
  await database?.close();
});

describe('criterion 4.3 of the Lai Châu set follows the khu dân cư văn hóa title', () => {
  it('before the 2026 văn hóa decision, 4.3 of TDP 11 is không đạt from the records, and nobody can type it', async () => {
    const reg = await registrationOf('laichau-tqpttd', 2026, 'LC-TP-TANPHONG-TDP11');
    const outcome = criterion(await storedVerdict(reg.id, 'self'), '4.3');
    expect(outcome).toMatchObject({ status: 'khong-dat', fromRecords: true, shortfall: 'chưa có quyết định công nhận năm 2026 trong hồ sơ' });
    const screen = await getRegistration(db, tanphong, reg.id);
    expect(screen.recordJudged).toContain('4.3');
    expect((screen.evaluation.holds ?? []).filter((h) => h.program === 'laichau-van-hoa').map((h) => h.year)).toEqual([2025]);
  });

  it('the văn hóa decision is issued, and 4.3 turns đạt on the tqpttd scorecard, naming the decision', async () => {
    const vanHoa = await registrationOf('laichau-van-hoa', 2026, 'LC-TP-TANPHONG-TDP11');
    const draft = await draftDecision(db, thanhpho, {
      programCode: 'laichau-van-hoa',
      year: 2026,
      titleCode: 'van-hoa',
      registrationIds: [vanHoa.id],
      ...head('2701/QĐ-UBND'),
    });
    const issued = await issueDecision(db, thanhpho, draft.id);
    // 1,5 × mức lương cơ sở in force on 20/11/2026 (2.340.000 đ).
    expect(issued.recognitions[0]).toMatchObject({ status: 'giu-vung', rewardAmount: 3_510_000 });
    const reg = await registrationOf('laichau-tqpttd', 2026, 'LC-TP-TANPHONG-TDP11');
    expect(criterion(await storedVerdict(reg.id, 'self'), '4.3')).toMatchObject({
      status: 'dat',
      source: 'Quyết định số 2701/QĐ-UBND ngày 20/11/2026 của Ủy ban nhân dân thành phố Lai Châu',
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'decision'), eq(auditLog.entityId, String(draft.id))));
    expect(audit.map((a) => a.action)).toEqual(['draft-decision', 'issue-decision']);
    expect((audit[1]!.after as { verdictsRecomputed: number }).verdictsRecomputed).toBe(1);
  });

  it('a decision revoking the title turns 4.3 back, is audited, and prints with its reason', async () => {
    const year2026 = await listRecognitions(db, thanhpho, 'laichau-van-hoa', 2026);
    const tdp11 = year2026.find((r) => r.unitName === 'Tổ dân phố số 11')!;
    const draft = await draftRevocation(db, thanhpho, {
      programCode: 'laichau-van-hoa',
      year: 2026,
      titleCode: 'van-hoa',
      recognitionIds: [tdp11.id],
      reason: 'Phát hiện vi phạm quy ước khu dân cư sau khi công nhận',
      ...head('2750/QĐ-UBND'),
    });
    await issueDecision(db, thanhpho, draft.id);
    const reg = await registrationOf('laichau-tqpttd', 2026, 'LC-TP-TANPHONG-TDP11');
    expect(criterion(await storedVerdict(reg.id, 'self'), '4.3')?.status).toBe('khong-dat');
    expect((await listRecognitions(db, thanhpho, 'laichau-van-hoa', 2026)).find((r) => r.id === tdp11.id)?.revoked).toBe(true);
    const xml = await (await JSZip.loadAsync(await decisionFile(db, draft.id))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');
    expect(text).toContain('Về việc thu hồi danh hiệu "Khu dân cư văn hóa" năm 2026');
    expect(text).toContain('Phát hiện vi phạm quy ước khu dân cư sau khi công nhận');
    expect(text).toContain('Quyết định số 2701/QĐ-UBND ngày 20/11/2026');
    expect(text).toContain('Tổ dân phố số 11');
    await expect(
      draftRevocation(db, thanhpho, {
        programCode: 'laichau-van-hoa',
        year: 2026,
        titleCode: 'van-hoa',
        recognitionIds: [tdp11.id],
        reason: 'Lần nữa',
        ...head('2751/QĐ-UBND'),
      }),
    ).rejects.toThrow('Tổ dân phố số 11: danh hiệu năm 2026 đã bị thu hồi');
  });

  it('a scorecard locked by a decision keeps the verdict the decision rests on', async () => {
    const locked = await registrationOf('laichau-tqpttd', 2024, 'LC-TP-TANPHONG-TDP05');
    const before = criterion(await storedVerdict(locked.id, 'board'), '4.3');
    expect(before?.status).toBe('dat');
    const held2024 = (await listRecognitions(db, thanhpho, 'laichau-van-hoa', 2024)).find(
      (r) => r.unitName === 'Tổ dân phố số 5' && r.communeName === 'Phường Tân Phong',
    )!;
    const draft = await draftRevocation(db, thanhpho, {
      programCode: 'laichau-van-hoa',
      year: 2024,
      titleCode: 'van-hoa',
      recognitionIds: [held2024.id],
      reason: 'Thử nghiệm',
      ...head('2752/QĐ-UBND'),
    });
    await issueDecision(db, thanhpho, draft.id);
    expect(criterion(await storedVerdict(locked.id, 'board'), '4.3')).toEqual(before);
  });

  it("a second decision with an issued number is refused, and so is amending another programme's decision", async () => {
    const vanHoa = await registrationOf('laichau-van-hoa', 2026, 'LC-TP-TANPHONG-TDP03');
    await expect(
      draftDecision(db, thanhpho, { programCode: 'laichau-van-hoa', year: 2026, titleCode: 'van-hoa', registrationIds: [vanHoa.id], ...head('2701/QĐ-UBND') }),
    ).rejects.toThrow('Số quyết định 2701/QĐ-UBND đã được dùng cho một quyết định đã ban hành năm 2026');
    const tqpttdDecision = ((await db.execute("SELECT id FROM decisions WHERE number = '2456/QĐ-UBND'" as never)) as unknown as { rows: Array<{ id: number }> })
      .rows[0]!.id;
    await expect(
      draftRevocation(db, thanhpho, {
        programCode: 'laichau-van-hoa',
        year: 2024,
        titleCode: 'van-hoa',
        recognitionIds: [1],
        reason: 'x',
        amendsDecisionId: tqpttdDecision,
        ...head('9/QĐ-UBND'),
      }),
    ).rejects.toThrow('Quyết định được sửa đổi không thuộc phong trào này');
  });
});

describe('a ward is "an toàn về an ninh, trật tự" when 70% of its areas are (Thông tư 124/2021/TT-BCA)', () => {
  const AREAS = ['TDP03', 'TDP05', 'TDP08', 'TDP09', 'TDP10', 'TDP11', 'TDP12', 'TDP13', 'TDP14', 'TDP15', 'TDP16'].map((k) => `LC-TP-TANPHONG-${k}`);
  const antt = findBuiltinSet('tt124-khu-dan-cu-antt')!;

  /** One area through the cycle for the area title, as officers do it: each duty by another person. */
  async function recogniseArea(code: string): Promise<number> {
    const reg = await registerArea(db, tanphong, {
      programCode: 'laichau-antt',
      unitId: await unitId(code),
      year: 2026,
      titleCode: 'antt',
      selfManagementContents: [],
    });
    await saveScorecard(db, tanphong, reg.id, { stage: 'self', values: asInput(passingScorecard(antt)) });
    await actOnRegistration(db, tanphong, reg.id, 'submit');
    await saveScorecard(db, thanhpho, reg.id, { stage: 'board', values: asInput(passingScorecard(antt)) });
    await actOnRegistration(db, admin, reg.id, 'propose');
    await actOnRegistration(db, thanhpho, reg.id, 'recommend');
    return reg.id;
  }

  it('Phường Tân Phong is không đạt with 10 of its 15 areas and đạt with 11; the criterion lists the areas', async () => {
    const xa = findBuiltinSet('tt124-xa-antt')!;
    const ward = await registerArea(db, tanphong, {
      programCode: 'laichau-antt-xa',
      unitId: await unitId('LC-TP-TANPHONG'),
      year: 2026,
      titleCode: 'antt',
      selfManagementContents: [],
    });
    const typed = passingScorecard(xa);
    expect(Object.keys(typed)).not.toContain('4.2');
    const empty = await saveScorecard(db, tanphong, ward.id, { stage: 'self', values: asInput(typed) });
    expect(criterion(empty.verdict!, '4')).toMatchObject({ status: 'khong-dat', shortfall: '4.2: 0/15 khu dân cư được công nhận (0%), cần tối thiểu 70%' });

    const ids = [];
    for (const code of AREAS) ids.push(await recogniseArea(code));
    const first10 = await draftDecision(db, thanhpho, {
      programCode: 'laichau-antt',
      year: 2026,
      titleCode: 'antt',
      registrationIds: ids.slice(0, 10),
      ...head('70/QĐ-UBND'),
    });
    await issueDecision(db, thanhpho, first10.id);
    expect(criterion(await storedVerdict(ward.id, 'self'), '4')?.shortfall).toBe('4.2: 10/15 khu dân cư được công nhận (66,7%), cần tối thiểu 70%');
    const eleventh = await draftDecision(db, thanhpho, {
      programCode: 'laichau-antt',
      year: 2026,
      titleCode: 'antt',
      registrationIds: ids.slice(10),
      ...head('71/QĐ-UBND'),
    });
    await issueDecision(db, thanhpho, eleventh.id);
    const after = await storedVerdict(ward.id, 'self');
    expect(after?.recognized).toBe(true);
    expect(criterion(after, '4')).toMatchObject({ status: 'dat', source: '4.2: 11/15 khu dân cư được công nhận (73,3%)' });
    const screen = await getRegistration(db, tanphong, ward.id);
    const children = screen.evaluation.children!;
    expect(children).toHaveLength(15);
    expect(
      children
        .filter((c) => c.holds.some((h) => h.program === 'laichau-antt' && h.year === 2026))
        .map((c) => c.name)
        .sort(),
    ).toEqual([
      'Tổ dân phố số 10',
      'Tổ dân phố số 11',
      'Tổ dân phố số 12',
      'Tổ dân phố số 13',
      'Tổ dân phố số 14',
      'Tổ dân phố số 15',
      'Tổ dân phố số 16',
      'Tổ dân phố số 3',
      'Tổ dân phố số 5',
      'Tổ dân phố số 8',
      'Tổ dân phố số 9',
    ]);
  });
});

describe('all the titles of thành phố Lai Châu in 2024, side by side', () => {
  it("gives the figures of the city's 2024 review: 35/72, 72/72 văn hóa, 65/72 an toàn, 113/131 streets, 12.460/12.937 households", async () => {
    const report = await titlesOfPlace(db, { unitId: await unitId('LC-TP'), year: 2024 });
    const row = (program: string) => report.titles.find((t) => t.programCode === program);
    expect(row('laichau-tqpttd')).toMatchObject({ held: 35, total: 72, firstTime: 7, heldOver: 28 });
    // One 2024 văn hóa title was revoked above: 71 of 72 hold it now.
    expect(row('laichau-van-hoa')).toMatchObject({ held: 71, total: 72, subjectName: 'thôn, tổ dân phố, bản' });
    expect(row('laichau-antt')).toMatchObject({ held: 65, total: 72 });
    expect(row('laichau-tuyen-pho')).toMatchObject({ held: 113, total: 131, percent: 86.3, subjectName: 'tuyến phố' });
    expect(row('laichau-antt-xa')).toBeUndefined();
    expect(report.households).toEqual({ total: 12_937, cultured: 12_460, percent: 96.3, areasWithFigures: 72 });
  });
});
