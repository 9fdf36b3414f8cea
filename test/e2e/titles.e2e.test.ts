/**
 * Issue 10's walks in Chromium, through the screens only. As `baolam`, in
 * 2026, an area that held tiêu biểu in 2025 registers for kiểu mẫu, scores points, records the disqualifying cases, is
 * appraised, reviewed and recognised by a decision issued after its preview,
 * and the dashboard and the documents show it under its title. As
 * `thanhpho`, an area of Lai Châu scores every criterion but a disqualifying
 * case occurs: the verdict says so in words and the title is denied.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Database } from '../../src/db/client';
import { programs, recognitions, registrations, units } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { updateProgramSettings } from '../../src/app/programs/admin';
import { assertAccessible, browserAvailable as available, desktop, login, phone, startBrowserRig } from '../support/browser';
import { disqualifier, fill, saved } from '../support/scorecard';

let browser: Browser;
let database: Database;
let base = '';
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (!available) return;
  const rig = await startBrowserRig();
  ({ browser, database, base } = rig);
  close = rig.close;
  // In these walks one officer plays every part (self-assessment, board, proposal), as a
  // small commune with few staff may choose to: the programmes' setting allows it. The
  // refusal when it is off is tested in test/api/policy.test.ts.
  for (const code of ['baolam-kdc', 'laichau-tqpttd']) await updateProgramSettings(database.db, SYSTEM_ACTOR, code, { allowSameAssessor: true });
});
afterAll(async () => {
  await close();
});

const unitByCode = async (code: string) => (await database.db.select().from(units).where(eq(units.code, code)))[0]!;
const status = (page: Page) => page.locator('.kdc-pill').first();
/** The step, with any alert beside it, so a refused step fails with the server's words. */
const stepAndAlerts = async (page: Page) =>
  `${await status(page).textContent()}${(await page.getByRole('alert').allTextContents()).map((a) => ` | ${a}`).join('')}`;

describe.runIf(available)('every programme, every title (issue 10)', () => {
  it('baolam: an area that held tiêu biểu in 2025 registers for kiểu mẫu in 2026, scores points, is recognised by decision; dashboard and documents show it under its title', async () => {
    const [program] = await database.db.select().from(programs).where(eq(programs.code, 'baolam-kdc'));
    const held = await database.db
      .select()
      .from(recognitions)
      .where(and(eq(recognitions.programId, program!.id), eq(recognitions.year, 2025), eq(recognitions.titleCode, 'tieu-bieu')));
    const [area] = await database.db.select().from(units).where(eq(units.id, held[0]!.unitId));
    const [commune] = await database.db.select().from(units).where(eq(units.id, area!.parentId!));
    const context = await desktop(browser);
    const page = await context.newPage();
    await login(page, base, 'baolam');
    // The programme is the only one baolam reaches: chosen, and written in the address.
    await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe('baolam-kdc');
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2025');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2025');

    await page.goto(`${base}/area/${area!.id}?program=baolam-kdc&year=2026`);
    await page.getByRole('radio', { name: 'Khu dân cư kiểu mẫu' }).check();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Đăng ký «Khu dân cư kiểu mẫu»' }).click();
    await page.locator('[data-criterion="1.1"]').waitFor();

    const set = findBuiltinSet('vidu-diem')!;
    const values = passingScorecard(set);
    values['2.1'] = 4; // one point short of the maximum: still well above the bars
    await fill(page, values);
    for (const d of set.disqualifiers) await disqualifier(page, d.code, false);
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toContain('Đạt «Khu dân cư kiểu mẫu»');
    expect(await verdict.textContent()).toMatch(/tổng \d+\/\d+ điểm, cần tối thiểu 90 điểm/);
    // Points are typed as points, with the maximum shown.
    expect(await page.locator('[data-criterion="1.1"]').textContent()).toContain('Điểm (tối đa 5)');
    await saved(page);
    await assertAccessible(page);

    await page.getByRole('button', { name: 'Gửi ban thẩm định' }).click();
    await expect.poll(() => stepAndAlerts(page), { timeout: 30_000 }).toBe('Đã tự đánh giá');
    // The board starts from the area's values; it proposes.
    await saved(page);
    await page.getByRole('button', { name: 'Đề nghị công nhận' }).click();
    await expect.poll(() => stepAndAlerts(page), { timeout: 30_000 }).toBe('Ban thẩm định đề nghị');
    await page.getByRole('button', { name: 'Hội đồng đề nghị công nhận' }).click();
    await expect.poll(() => stepAndAlerts(page), { timeout: 30_000 }).toBe('Hội đồng đề nghị công nhận');

    await page.getByRole('link', { name: 'Quyết định' }).click();
    await page.getByRole('combobox', { name: 'Danh hiệu' }).selectOption({ label: 'Khu dân cư kiểu mẫu' });
    await page.getByLabel(`${area!.name} (${commune!.name})`).check();
    await page.getByLabel('Số quyết định').fill('15/QĐ-MTTQ-BTT');
    // The issuing body and the date come from the programme's settings.
    expect(await page.getByLabel('Cơ quan ban hành').inputValue()).toBe('Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng');
    expect(await page.getByLabel(/^Ngày/).inputValue()).toBe('18/11/2026');
    await page.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn C');
    await page.getByRole('button', { name: 'Lập dự thảo và xem trước' }).click();
    const preview = page.getByTestId('decision-preview');
    await expect.poll(() => preview.textContent()).toContain('Về việc công nhận danh hiệu «Khu dân cư kiểu mẫu» năm 2026');
    expect(await preview.textContent()).toContain(area!.name);
    await assertAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/decision-preview.png' });
    // Issuing locks the scores: only after an explicit confirmation.
    const issue = page.getByRole('dialog').getByRole('button', { name: 'Ban hành' });
    expect(await issue.isDisabled()).toBe(true);
    await page.getByLabel(/Tôi đã kiểm tra quyết định/).check();
    await issue.click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const [recognition] = await database.db
      .select()
      .from(recognitions)
      .where(eq(recognitions.unitId, area!.id))
      .then((r) => r.filter((x) => x.year === 2026));
    expect(recognition).toMatchObject({ titleCode: 'kieu-mau' });

    await page.getByRole('link', { name: 'Bảng số liệu' }).click();
    const byTitle = page.getByTestId('by-title');
    const cells = () =>
      byTitle
        .getByRole('row', { name: /Khu dân cư kiểu mẫu/ })
        .getByRole('cell')
        .allTextContents();
    await expect.poll(async () => (await cells())[2]).toBe('1');
    await assertAccessible(page);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/screenshots/dashboard-desktop.png', fullPage: true });
    // The list of recognised areas names it under its title.
    const href = await page.getByRole('link', { name: 'Danh sách được công nhận (XLSX)' }).getAttribute('href');
    const answer = await page.request.get(base + href!);
    expect(answer.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await answer.body()) as unknown as ArrayBuffer);
    const rows: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => rows.push((row.values as unknown[]).filter(Boolean).join(' | '))));
    expect(rows.some((r) => r.includes(area!.name) && r.includes(commune!.name) && r.includes('kiểu mẫu'))).toBe(true);
    await context.close();
  });

  it('thanhpho on a phone: every criterion passes but a disqualifying case occurs, so the verdict says Chưa đạt and why', async () => {
    const area = await unitByCode('LC-TP-TANPHONG-TDP18');
    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, base, 'thanhpho', `/area/${area.id}?program=laichau-tqpttd&year=2026`);
    await page.getByRole('button', { name: /^Đăng ký «/ }).click();
    await page.locator('[data-criterion="1.1"]').waitFor();
    const set = findBuiltinSet('laichau-tqpttd')!;
    // Quantities show only their number box, never Đạt / Không đạt beside it.
    expect(await page.locator('[data-criterion="1.3"]').getByText('Đạt', { exact: true }).count()).toBe(0);
    await fill(page, passingScorecard(set));
    for (const d of set.disqualifiers) await disqualifier(page, d.code, d.code === 'II.2');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/Chưa đạt: .*thuộc trường hợp không đảm bảo II\.2/);
    await saved(page);
    await page.getByRole('button', { name: 'Gửi ban thẩm định' }).click();
    await expect.poll(() => stepAndAlerts(page), { timeout: 30_000 }).toBe('Đã tự đánh giá');
    await saved(page);
    // The board cannot propose a disqualified area; it declines, with its reason in a dialog.
    await page.getByRole('button', { name: 'Không đề nghị' }).click();
    await page.getByRole('dialog').getByLabel('Lý do').fill('Có tụ điểm phức tạp về ma túy trên địa bàn');
    await page.getByRole('dialog').getByRole('button', { name: 'Không đề nghị' }).click();
    await page
      .getByRole('dialog')
      .waitFor({ state: 'hidden' })
      .catch(async () => {
        throw new Error((await page.getByRole('dialog').textContent()) ?? '');
      });
    await expect.poll(() => stepAndAlerts(page), { timeout: 30_000 }).toBe('Ban thẩm định không đề nghị');
    const [reg] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.unitId, area.id))
      .then((r) => r.filter((x) => x.year === 2026));
    expect(reg!.status).toBe('board-rejected');
    await assertAccessible(page);
    await context.close();
  });

  it('admin on a phone: the programme switcher lists both programmes, a switch is in the address, back undoes it, the choice is remembered', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, base, 'admin', '/?program=laichau-tqpttd&year=2026');
    const program = page.getByRole('combobox', { name: 'Phong trào' });
    await expect
      .poll(() => program.locator('option').allTextContents())
      .toEqual(expect.arrayContaining(['Xây dựng khu dân cư tiêu biểu, kiểu mẫu', 'Xây dựng tổ dân phố, bản tự quản, phát triển toàn diện']));
    await assertAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/programme-switcher-phone.png' });
    await program.selectOption('baolam-kdc');
    await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe('baolam-kdc');
    await page.goBack();
    await expect.poll(() => program.inputValue()).toBe('laichau-tqpttd');
    await program.selectOption('baolam-kdc');
    await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe('baolam-kdc');
    // A new visit without a programme in the address opens the last one chosen.
    await page.goto(`${base}/units`);
    await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe('baolam-kdc');
    // A link to a programme this user cannot reach says so and shows one they can.
    const ward = await (await phone(browser)).newPage();
    await login(ward, base, 'tanphong', '/?program=baolam-kdc');
    await ward.getByText('Bạn không xem được phong trào «baolam-kdc»').waitFor();
    await ward.context().close();
    await context.close();
  });
});
