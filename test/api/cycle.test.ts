/**
 * The yearly cycle through HTTP, on the demo: registration → self-assessment
 * → board appraisal → council → decision, with the rules people rely on at
 * each step, the lock after issue, and the audit trail.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, programs, recognitions, units } from '../../src/db/schema';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { passingScorecard } from '../../src/demo/history';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
let thanhpho: Client;
/** One person per duty (finding 19): the ward officer self-assesses, the board member appraises, the city officer proposes. */
let thamdinh: Client;
const set = findBuiltinSet('laichau-tqpttd')!;
const asInput = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value }]));
const unitId = async (code: string) => (await server.db.select().from(units).where(eq(units.code, code)))[0]!.id;

beforeAll(async () => {
  server = await demoServer();
  tanphong = await loginAs(server.app, 'tanphong');
  thanhpho = await loginAs(server.app, 'thanhpho');
  thamdinh = await loginAs(server.app, 'thamdinh');
});
afterAll(async () => {
  await server?.close();
});

describe('the whole cycle for Tổ dân phố số 14, phường Tân Phong, 2026', () => {
  let regId = 0;

  it('registers for the title', async () => {
    const res = await tanphong.post('/api/programs/laichau-tqpttd/registrations', {
      unitId: await unitId('LC-TP-TANPHONG-TDP14'),
      year: 2026,
      titleCode: 'tqpttd',
      selfManagementContents: [],
    });
    expect(res.statusCode).toBe(201);
    regId = res.json().id;
    const again = await tanphong.post('/api/programs/laichau-tqpttd/registrations', {
      unitId: await unitId('LC-TP-TANPHONG-TDP14'),
      year: 2026,
      titleCode: 'tqpttd',
      selfManagementContents: [],
    });
    expect(again.statusCode).toBe(409);
  });

  it('self-assessment failing standard 2 shows the reason; corrected, it passes', async () => {
    const failing = await tanphong.put(`/api/registrations/${regId}/scorecard`, {
      stage: 'self',
      values: asInput({ ...passingScorecard(set), '2.1': false, '2.2': false }),
    });
    expect(failing.statusCode).toBe(200);
    expect(failing.json().verdict.recognized).toBe(false);
    expect(failing.json().verdict.reasons).toContain('Tiêu chuẩn 2: đạt 6/8 tiêu chí (75%), cần tối thiểu 80%');
    const fixed = await tanphong.put(`/api/registrations/${regId}/scorecard`, { stage: 'self', values: { '2.1': { value: true } } });
    expect(fixed.json().verdict).toMatchObject({ recognized: true, title: 'tqpttd' });
  });

  it('refuses an unknown criterion and a wrong value in Vietnamese', async () => {
    const res = await tanphong.put(`/api/registrations/${regId}/scorecard`, { stage: 'self', values: { '9.9': { value: true } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('mã tiêu chí "9.9" không có trong bộ tiêu chí laichau-tqpttd');
  });

  it('is submitted, then appraised by the board, whose changes need a reason', async () => {
    expect((await tanphong.post(`/api/registrations/${regId}/actions`, { action: 'submit' })).json().status).toBe('self-assessed');
    const noReason = await thamdinh.put(`/api/registrations/${regId}/scorecard`, {
      stage: 'board',
      values: { ...asInput(passingScorecard(set)), '2.2': { value: true } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Tiêu chí 2.2: ban thẩm định cho kết quả khác khu dân cư, cần ghi rõ lý do');
    const withReason = await thamdinh.put(`/api/registrations/${regId}/scorecard`, {
      stage: 'board',
      values: { ...asInput(passingScorecard(set)), '2.2': { value: true, reason: 'Đã kiểm tra thực tế: có mô hình kinh tế' } },
    });
    expect(withReason.json().verdict.recognized).toBe(true);
    const reg = (await tanphong.get(`/api/registrations/${regId}`)).json();
    expect(reg.values['2.2']).toMatchObject({ self: false, board: true, boardReason: 'Đã kiểm tra thực tế: có mô hình kinh tế' });
  });

  it('a return goes one step back with its reason on record, and forward again', async () => {
    expect((await thanhpho.post(`/api/registrations/${regId}/actions`, { action: 'propose' })).json().status).toBe('board-proposed');
    expect((await thanhpho.post(`/api/registrations/${regId}/actions`, { action: 'return' })).statusCode).toBe(409);
    const back = await thanhpho.post(`/api/registrations/${regId}/actions`, { action: 'return', reason: 'Bổ sung biên bản họp dân' });
    expect(back.json().status).toBe('self-assessed');
    expect((await thanhpho.post(`/api/registrations/${regId}/actions`, { action: 'propose' })).json().status).toBe('board-proposed');
    const events = (await tanphong.get(`/api/registrations/${regId}`)).json().events as Array<{ action: string; reason: string | null }>;
    expect(events.find((e) => e.action === 'return')?.reason).toBe('Bổ sung biên bản họp dân');
  });

  it('the council recommends, the city issues the decision, the area is recognised for the first time and locked', async () => {
    expect((await tanphong.post(`/api/registrations/${regId}/actions`, { action: 'recommend' })).statusCode).toBe(403);
    expect((await thanhpho.post(`/api/registrations/${regId}/actions`, { action: 'recommend' })).json().status).toBe('council-recommended');
    const before = (await thanhpho.get('/api/programs/laichau-tqpttd/summary?year=2026')).json().recognized;
    expect(
      (
        await tanphong.post('/api/programs/laichau-tqpttd/decisions', {
          year: 2026,
          titleCode: 'tqpttd',
          number: '99/QĐ-UBND',
          issuedOn: '2026-11-18',
          signer: 'Nguyễn Văn A',
          issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
          registrationIds: [regId],
        })
      ).statusCode,
    ).toBe(403);
    const draft = await thanhpho.post('/api/programs/laichau-tqpttd/decisions', {
      year: 2026,
      titleCode: 'tqpttd',
      number: '99/QĐ-UBND',
      issuedOn: '2026-11-18',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Chủ tịch',
      issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
      registrationIds: [regId],
    });
    expect(draft.statusCode).toBe(201);
    const issued = await thanhpho.post(`/api/decisions/${draft.json().id}/issue`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().recognitions[0]).toMatchObject({ status: 'lan-dau', rewardAmount: 2_000_000 });
    expect((await thanhpho.get('/api/programs/laichau-tqpttd/summary?year=2026')).json().recognized).toBe(before + 1);
    expect((await thanhpho.post(`/api/decisions/${draft.json().id}/issue`)).statusCode).toBe(423);
    const locked = await thamdinh.put(`/api/registrations/${regId}/scorecard`, { stage: 'board', values: { '1.1': { value: false, reason: 'x' } } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toBe('Hồ sơ đã có quyết định công nhận, không thể sửa');
  });

  it('every change is in the audit log, which the database refuses to edit', async () => {
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'registration'), eq(auditLog.entityId, String(regId))));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['register', 'scorecard-self', 'submit', 'scorecard-board', 'propose', 'return', 'recommend']),
    );
    await expect(server.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(server.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });
});

describe('statuses across years and rules of appraisal', () => {
  it('held and again follow the history of the same title', async () => {
    const [tqpttd] = await server.db.select().from(programs).where(eq(programs.code, 'laichau-tqpttd'));
    const rows = await server.db
      .select()
      .from(recognitions)
      .where(and(eq(recognitions.unitId, await unitId('LC-TP-TANPHONG-TDP05')), eq(recognitions.programId, tqpttd!.id)));
    expect(rows.sort((a, b) => a.year - b.year).map((r) => r.status)).toEqual(['lan-dau', 'giu-vung', 'giu-vung', 'giu-vung']);
  });

  it('a board member does not appraise the area they live in; a recusal is recorded and binds', async () => {
    const reg = await tanphong.post('/api/programs/laichau-tqpttd/registrations', {
      unitId: await unitId('LC-TP-TANPHONG-TDP05'),
      year: 2026,
      titleCode: 'tqpttd',
      selfManagementContents: [],
    });
    const id = reg.json().id;
    await tanphong.put(`/api/registrations/${id}/scorecard`, { stage: 'self', values: asInput(passingScorecard(set)) });
    await tanphong.post(`/api/registrations/${id}/actions`, { action: 'submit' });
    const own = await thamdinh.put(`/api/registrations/${id}/scorecard`, { stage: 'board', values: { '1.1': { value: true } } });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('Bạn không được thẩm định khu dân cư nơi mình cư trú hoặc phụ trách');

    const other = (await thanhpho.get('/api/programs/laichau-tqpttd/areas?year=2026&status=self-assessed')).json().items as Array<{
      registrationId: number;
      unitName: string;
    }>;
    const tdp11 = other.find((a) => a.unitName === 'Tổ dân phố số 11')!;
    expect((await thamdinh.post(`/api/registrations/${tdp11.registrationId}/recusals`, { reason: 'Người thân là tổ trưởng' })).statusCode).toBe(200);
    const afterRecusal = await thamdinh.put(`/api/registrations/${tdp11.registrationId}/scorecard`, { stage: 'board', values: { '1.1': { value: true } } });
    expect(afterRecusal.statusCode).toBe(403);
  });

  it('an area that does not seek the title must register at least one self-management content', async () => {
    const res = await tanphong.post('/api/programs/laichau-tqpttd/registrations', {
      unitId: await unitId('LC-TP-TANPHONG-TDP13'),
      year: 2026,
      titleCode: null,
      selfManagementContents: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Khu dân cư không đăng ký danh hiệu phải đăng ký ít nhất một nội dung tự quản');
  });

  it('issuing a decision whose area went back a step writes nothing', async () => {
    const id = (
      await tanphong.post('/api/programs/laichau-tqpttd/registrations', {
        unitId: await unitId('LC-TP-TANPHONG-TDP17'),
        year: 2026,
        titleCode: 'tqpttd',
        selfManagementContents: [],
      })
    ).json().id;
    await tanphong.put(`/api/registrations/${id}/scorecard`, { stage: 'self', values: asInput(passingScorecard(set)) });
    await tanphong.post(`/api/registrations/${id}/actions`, { action: 'submit' });
    await thamdinh.put(`/api/registrations/${id}/scorecard`, { stage: 'board', values: asInput(passingScorecard(set)) });
    await thanhpho.post(`/api/registrations/${id}/actions`, { action: 'propose' });
    await thanhpho.post(`/api/registrations/${id}/actions`, { action: 'recommend' });
    const draft = (
      await thanhpho.post('/api/programs/laichau-tqpttd/decisions', {
        year: 2026,
        titleCode: 'tqpttd',
        number: '100/QĐ-UBND',
        issuedOn: '2026-11-19',
        signer: 'A',
        issuingBody: 'UBND',
        registrationIds: [id],
      })
    ).json();
    await thanhpho.post(`/api/registrations/${id}/actions`, { action: 'return', reason: 'Thiếu hồ sơ' });
    const count = async () => (await server.db.select().from(recognitions)).length;
    const before = await count();
    const res = await thanhpho.post(`/api/decisions/${draft.id}/issue`);
    expect(res.statusCode).toBe(409);
    expect(await count()).toBe(before);
    expect((await thanhpho.get(`/api/decisions/${draft.id}`)).json().status).toBe('draft');
  });
});
