/**
 * Issue 11's defects, each walked in Chromium as the person who met it, with
 * axe-core on every screen on the way. One demo server for the file; each
 * test its own browser context.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Database } from '../../src/db/client';
import { contributions, documentsIssued, evidenceFiles, registrations, units } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { assertAccessible, browserAvailable as available, desktop, login, phone, startBrowserRig, throttle } from '../support/browser';
import { noiseBmp } from '../support/image';
import { disqualifier, enter, fill, saved } from '../support/scorecard';

let browser: Browser;
let database: Database;
let base = '';
let close: () => Promise<void> = async () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'kdc-field-e2e-'));

beforeAll(async () => {
  if (!available) return;
  const rig = await startBrowserRig();
  ({ browser, database, base } = rig);
  close = rig.close;
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const LC = '?program=laichau-tqpttd&year=2026';
const unitByCode = async (code: string) => (await database.db.select().from(units).where(eq(units.code, code)))[0]!;
const registrationOf = async (code: string) =>
  (
    await database.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.unitId, (await unitByCode(code)).id), eq(registrations.year, 2026)))
  )[0];
const menu = async (page: Page) => {
  const burger = page.getByRole('button', { name: 'Mở menu' });
  if (await burger.isVisible()) await burger.click();
  return page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link').allTextContents();
};
/** Console errors and uncaught exceptions of a page, to assert there are none. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe.runIf(available)('field-ready screens (issue 11)', () => {
  it('1, 5, 6, 9, 10: the area head registers, submits and gets a read-only page; the board needs a reason at the field; a return reason reaches the area head', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    const errors = watch(page);
    await login(page, base, 'totruong5', `/${LC}`);
    // 10: the empty home says what to do, and where.
    await page.getByText('Đăng ký danh hiệu tại trang khu dân cư').waitFor();
    await assertAccessible(page);
    // 9: the area head's menu has what they use, nothing else.
    expect(await menu(page)).toEqual(['Việc cần làm', 'Đơn vị']);
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('link', { name: /mở trang Tổ dân phố số 5/ }).click();
    await page.getByRole('button', { name: /^Đăng ký «/ }).click();
    await page.locator('[data-criterion="1.1"]').waitFor();
    const set = findBuiltinSet('laichau-tqpttd')!;
    await fill(page, passingScorecard(set));
    for (const d of set.disqualifiers) await disqualifier(page, d.code, false);
    await saved(page);
    await page.getByRole('button', { name: 'Gửi ban thẩm định' }).click();
    // 1: a read-only page that says what it waits for; no autosave, no permission error, no "waiting for a connection".
    await page.getByText('Đã gửi, chờ ban thẩm định').waitFor();
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('save-state').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('[data-criterion="1.1"] input').first().isDisabled()).toBe(true);
    await page.reload();
    await page.getByText('Đã gửi, chờ ban thẩm định').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi ban thẩm định' }).count()).toBe(0);
    await assertAccessible(page);
    const url = page.url();

    // 5: the board changes a value without a reason: said at the field, never as a connection problem.
    const board = await (await desktop(browser)).newPage();
    await login(board, base, 'tanphong', new URL(url).pathname + LC);
    await board.locator('[data-criterion="1.1"]').waitFor();
    await saved(board);
    await enter(board, '1.1', false);
    await board.getByText('Kết quả khác khu dân cư tự đánh giá: cần ghi lý do').waitFor();
    expect(await board.getByTestId('save-state').textContent()).toBe('1 tiêu chí cần ghi lý do trước khi lưu');
    expect(await board.getByText(/kết nối/).count()).toBe(0);
    await board
      .locator('[data-criterion="1.1"]')
      .getByLabel(/Lý do ban thẩm định/)
      .fill('Chưa có biên bản họp tổ');
    await saved(board);
    // 6: returning asks for the reason in a dialog, and the area head reads it.
    await board.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = board.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi lý do').waitFor();
    await dialog.getByLabel('Lý do').fill('Bổ sung biên bản họp tổ dân phố');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    const returned = page.getByRole('status').filter({ hasText: 'Hồ sơ được trả lại để sửa' });
    await expect.poll(() => returned.textContent()).toContain('Bổ sung biên bản họp tổ dân phố');
    expect((await registrationOf('LC-TP-TANPHONG-TDP05'))!.status).toBe('registered');
    expect(errors).toEqual([]);
    await context.close();
    await board.context().close();
  });

  it('2, 3, 4: records open for everyone without a crash; numbers and dates are typed and shown the Vietnamese way, problems at their field', async () => {
    const head = await (await phone(browser)).newPage();
    const errors = watch(head);
    await login(head, base, 'totruong5', `/records${LC}`);
    await head.getByRole('heading', { name: /Kinh phí, văn bản/ }).waitFor();
    await head.reload();
    await head.getByRole('heading', { name: /Kinh phí, văn bản/ }).waitFor();
    expect(errors).toEqual([]);
    await head.context().close();

    const page = await (await desktop(browser)).newPage();
    await login(page, base, 'tanphong', `/records${LC}`);
    const ward = await unitByCode('LC-TP-TANPHONG');
    await page.getByRole('combobox', { name: 'Đơn vị' }).first().selectOption(String(ward.id));
    await page.getByLabel('Ngân sách (đồng)').fill('2.000.000');
    await page.getByLabel('Nhân dân đóng góp (đồng)').fill('1.500.000,5');
    await page.getByText('Cần một số nguyên').waitFor();
    await page.getByLabel('Nhân dân đóng góp (đồng)').fill('1.500.000');
    await page.getByLabel('Đất hiến (m²)').fill('120');
    await page.getByLabel('Ngày công').fill('35');
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await page.getByText('Đã lưu kinh phí, đất hiến, ngày công.').waitFor();
    const [row] = await database.db.select().from(contributions).where(eq(contributions.unitId, ward.id));
    expect(row).toMatchObject({ budgetAmount: 2_000_000, peopleAmount: 1_500_000, landM2: 120, workdays: 35 });
    await expect.poll(() => page.getByRole('table', { name: 'Kinh phí, đất hiến, ngày công' }).textContent()).toContain('2.000.000 đ');

    await page.getByRole('combobox', { name: 'Đơn vị' }).nth(1).selectOption(String(ward.id));
    await page.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân phường');
    await page.getByLabel('Số văn bản').fill('25/KH-UBND');
    await page.getByLabel('Ngày (ngày/tháng/năm)').fill('2026-11-20');
    await page.getByText('Ngày phải có dạng ngày/tháng/năm, vd. 01/03/2026').waitFor();
    await page.getByLabel('Ngày (ngày/tháng/năm)').fill('20/11/2026');
    await page.getByLabel('Trích yếu').fill('Kế hoạch xây dựng khu dân cư năm 2026');
    await page.getByRole('button', { name: 'Lưu' }).nth(1).click();
    await page.getByText('Đã lưu văn bản.').waitFor();
    const [doc] = await database.db.select().from(documentsIssued).where(eq(documentsIssued.number, '25/KH-UBND'));
    expect(doc!.issuedOn).toBe('2026-11-20');
    await expect.poll(() => page.getByRole('table', { name: 'Văn bản đã ban hành' }).textContent()).toContain('20/11/2026');
    await assertAccessible(page);
    await page.context().close();
  });

  it('8, 9, 10: reports download from the dashboard; the council sees only its buttons; empty lists say why', async () => {
    const page = await (await desktop(browser)).newPage();
    await login(page, base, 'thanhpho', '/dashboard?program=laichau-tqpttd&year=2024');
    await expect.poll(() => page.getByTestId('recognized-count').textContent()).toBe('35');
    for (const name of [
      'Báo cáo (DOCX)',
      'Bảng tổng hợp (XLSX)',
      'Danh sách được công nhận (XLSX)',
      'Giấy công nhận (DOCX)',
      'Thông báo kết luận (DOCX)',
      'Quyết định (DOCX)',
    ]) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const answer = await page.request.get(base + href!);
      expect(answer.status(), name).toBe(200);
      expect(answer.headers()['content-type'], name).toMatch(/officedocument/);
    }
    await assertAccessible(page);
    await page.goto(`${base}/dashboard?program=laichau-tqpttd&year=2020`);
    await page.getByText('Năm 2020 chưa có kết quả đánh giá nào có tiêu chí chưa đạt.').waitFor();
    await page.context().close();

    const council = await (await desktop(browser)).newPage();
    await login(council, base, 'hoidong', `/review${LC}`);
    expect(await menu(council)).toEqual(['Việc cần làm', 'Đơn vị', 'Thẩm định, xét', 'Quyết định', 'Bảng số liệu']);
    await council.getByRole('table', { name: 'Thẩm định, xét' }).waitFor();
    const buttons = await council.getByRole('main').getByRole('button').allTextContents();
    expect(buttons).toContain('Hội đồng đề nghị công nhận');
    expect(buttons).not.toContain('Đề nghị công nhận');
    expect(buttons).not.toContain('Trả lại');
    await council.getByRole('combobox', { name: 'Trạng thái' }).selectOption('council-not-recommended');
    await council.getByText(/Không có hồ sơ nào ở bước «Hội đồng không đề nghị» năm 2026/).waitFor();
    await assertAccessible(council);
    await council.getByRole('link', { name: 'Quyết định' }).click();
    await council.getByText('Chỉ cấp ra quyết định của phong trào mới lập và ban hành quyết định.').waitFor();
    await council.context().close();

    const leader = await (await desktop(browser)).newPage();
    await login(leader, base, 'lanhdao', `/${LC}`);
    expect(await menu(leader)).toEqual(['Việc cần làm', 'Đơn vị', 'Bảng số liệu', 'Kinh phí, văn bản']);
    await leader.context().close();
  });

  it('11, 12: the long scorecard on a throttled phone: index always reachable, next empty criterion, nothing cut off; a photo shrunk on the phone, sent with a progress bar, opened in place', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    const reg = (await registrationOf('LC-TP-TANPHONG-TDP03'))!;
    await login(page, base, 'tanphong', `/registration/${reg.id}${LC}`);
    await page.locator('[data-criterion="1.1"]').waitFor();
    await enter(page, '1.1', true);
    await page.mouse.wheel(0, 6000);
    const index = page.getByTestId('section-index');
    const box = await index.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(120);
    // With the keyboard alone: the index's "next" button, then Space on the criterion it lands on.
    await index.getByRole('button', { name: /^Chưa nhập: 1\.2$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion'))).toBe('1.2');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-criterion="1.2"] input[type="radio"]:checked').count()).toBe(1);
    await expect.poll(() => index.getByRole('button', { name: /^Chưa nhập/ }).textContent()).toBe('Chưa nhập: 1.3');
    // Status words wrap instead of being cut ("CÔNG NH…").
    const cut = await page.locator('.kdc-pill, .kdc-badge').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(cut).toBe(0);
    // A focused field is outlined in blue, not in the red that means an error.
    await page.locator('input[data-code="1.3"]').focus();
    expect(await page.locator('input[data-code="1.3"]').evaluate((e) => getComputedStyle(e).outlineColor)).toBe('rgb(28, 126, 214)');
    await page.screenshot({ path: 'docs/screenshots/scorecard-phone.png' });
    await assertAccessible(page);

    // 12: a 4000×3000 photo (36 MB as taken), on a slow link.
    const photo = join(dir, 'anh-hop-to.bmp');
    writeFileSync(photo, noiseBmp(4000, 3000));
    await throttle(page, { kbps: 2000, rttMs: 200, cpu: 1 });
    const row = page.locator('[data-criterion="1.1"]');
    await row.locator('input[type="file"]').setInputFiles(photo);
    const bar = row.getByRole('progressbar');
    await bar.waitFor();
    expect(await row.getByRole('button', { name: 'Tải ảnh/tệp' }).isDisabled()).toBe(true);
    await bar.waitFor({ state: 'detached', timeout: 120_000 });
    const [file] = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.registrationId, reg.id));
    expect(file).toMatchObject({ mimeType: 'image/jpeg', filename: 'anh-hop-to.jpg' });
    expect(file!.size).toBeLessThan(2_000_000);
    const here = page.url();
    await row.getByRole('button', { name: 'anh-hop-to.jpg' }).click();
    await page.getByRole('dialog').getByRole('img', { name: 'anh-hop-to.jpg' }).waitFor();
    expect(page.url()).toBe(here);
    await context.close();
  });

  it("13, 14: the login works with the keyboard alone, with no error in the console; every screen passes axe; another ward's area is not found", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await assertAccessible(page);
    // Tab to the first field, as a keyboard user does: no mouse anywhere in the login.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))) !== 'username'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.type('thanhpho');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(errors).toEqual([]);
    const area = await unitByCode('LC-TP-TANPHONG-TDP18');
    const reg = (await registrationOf('LC-TP-TANPHONG-TDP11'))!;
    for (const path of [
      '/',
      '/units',
      `/area/${area.id}`,
      `/registration/${reg.id}`,
      '/review',
      '/decisions',
      '/dashboard',
      '/records',
      '/import',
      '/reorganize',
      '/settings',
    ]) {
      await page.goto(`${base}${path}${LC}`);
      await page.getByRole('main').getByRole('heading').first().waitFor();
      await page.waitForLoadState('networkidle');
      await assertAccessible(page);
    }
    await context.close();

    const ward = await (await phone(browser)).newPage();
    await login(ward, base, 'tanphong', `/area/${(await unitByCode('LC-TP-DOANKET-TDP07')).id}${LC}`);
    await expect.poll(async () => (await ward.getByRole('alert').textContent()) ?? '').toContain('Không tìm thấy đơn vị');
    await ward.context().close();
  });
});
