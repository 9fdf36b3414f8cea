/**
 * Importing and reorganising in a real browser (Debian's Chromium): the ward
 * officer of Tân Phong uploads a year's self-assessment from a CSV file and
 * sees its progress and its outcome; a bad file comes back as a table of
 * problems with nothing written, readable on a phone; and the officer
 * records the split of a residential area with its date and legal basis.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Database } from '../../src/db/client';
import { registrations, units } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { assertAccessible, browserAvailable as available, login as loginAt, startBrowserRig } from '../support/browser';

let browser: Browser;
let database: Database;
let base = '';
let close: () => Promise<void> = async () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'kdc-import-e2e-'));

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

const login = (page: Page, username: string) => loginAt(page, base, username);

const unitId = async (code: string) => (await database.db.select().from(units).where(eq(units.code, code)))[0]!.id;
const registrationsOf = async (code: string, year: number) =>
  database.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.unitId, await unitId(code)), eq(registrations.year, year)));

/** A file as an officer would save it from Excel: written to disk, chosen in the file picker. */
function csv(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `${rows.map((r) => r.join(',')).join('\n')}\n`);
  return path;
}

/** Opens Nhập dữ liệu from the menu, in the Lai Châu programme and 2026 (the switchers at the top), and chooses the self-assessments. */
async function openScorecardImport(page: Page) {
  await page.goto(`${base}/?program=laichau-tqpttd&year=2026`);
  await page.getByRole('banner').waitFor();
  const menu = page.getByRole('button', { name: 'Mở menu' });
  if (await menu.isVisible()) {
    // On a phone the menu is a drawer; the screen's address is the same.
    await page.goto(`${base}/import?program=laichau-tqpttd&year=2026`);
  } else {
    await page.getByRole('link', { name: 'Nhập dữ liệu' }).click();
  }
  await page.getByLabel('Đăng ký và phiếu đánh giá của một năm').check();
  await expect.poll(() => page.getByRole('combobox', { name: 'Phong trào' }).inputValue()).toBe('laichau-tqpttd');
  await page.getByText('Tự đánh giá', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Tải mẫu nhập (Excel)' }).getAttribute('href')).resolves.toBe(
    '/api/imports/templates/scorecards?program=laichau-tqpttd&year=2026&stage=self',
  );
  await assertAccessible(page);
}

/** Chooses the file and imports it, noting every progress label shown on the way. */
async function importFile(page: Page, path: string): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"] p')) if (el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await page.locator('[role="alert"], [role="status"]:has-text("Đã nhập")').first().waitFor();
  return page.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

describe.runIf(available)('importing and reorganising in Chromium', () => {
  it('desktop: tanphong imports the 2026 self-assessment of TDP 5 from a CSV file', async () => {
    const set = findBuiltinSet('laichau-tqpttd')!;
    const values = passingScorecard(set);
    const codes = Object.keys(values);
    const cell = (v: unknown) => (v === true ? 'đạt' : v === false ? 'không' : String(v));
    const file = csv('tu-danh-gia-2026.csv', [
      ['unit', ...codes],
      ['LC-TP-TANPHONG-TDP05', ...codes.map((c) => cell(values[c]))],
    ]);
    expect(await registrationsOf('LC-TP-TANPHONG-TDP05', 2026)).toHaveLength(0);

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'tanphong');
    await openScorecardImport(page);
    // The template comes as an Excel file through the session cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải mẫu nhập (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-scorecards-laichau-tqpttd-2026.xlsx');
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const seen = await importFile(page, file);

    expect(seen.some((label) => /^Đang tải tệp lên… \d+%$/.test(label))).toBe(true);
    const summary = page.getByRole('status').filter({ hasText: 'Đã nhập 1 dòng' });
    await expect.poll(() => summary.textContent()).toContain('1 hồ sơ đăng ký mới');
    expect(await summary.textContent()).toContain('1 hồ sơ chuyển sang "Đã tự đánh giá"');
    const [registration] = await registrationsOf('LC-TP-TANPHONG-TDP05', 2026);
    expect(registration?.status).toBe('self-assessed');
    await page.screenshot({ path: 'docs/screenshots/import-desktop.png', fullPage: false });

    // The same file again changes nothing, and says so.
    await importFile(page, file);
    await page.getByRole('status').filter({ hasText: 'Không có gì thay đổi' }).waitFor();
    expect(await registrationsOf('LC-TP-TANPHONG-TDP05', 2026)).toHaveLength(1);
    await context.close();
  });

  it('phone: a bad file comes back as a table of problems and nothing is written', async () => {
    const before = await database.db.select().from(registrations).where(eq(registrations.year, 2026));
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'tanphong');
    await openScorecardImport(page);

    // An unknown criterion code, a row of another ward, values that mean nothing: all found in one pass, each at its cell.
    await importFile(
      page,
      csv('sai-dong.csv', [
        ['unit', '1.1', '1.3', '9.9'],
        ['LC-TP-DOANKET-TDP07', 'đạt', '98', ''],
        ['LC-TP-TANPHONG-TDP08', 'có lẽ', 'abc', ''],
      ]),
    );
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tệp có 4 lỗi, chưa ghi gì vào hệ thống');
    const problems = page.getByTestId('import-problems');
    // On a phone the sheet's name stands above the table rather than in a column of its own.
    await page.getByText('Trang: sai-dong.csv').waitFor();
    const cells = () => problems.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await cells()).toEqual([
      ['sai-dong.csv', '1', 'D', expect.stringContaining('"9.9" không phải mã tiêu chí của bộ tiêu chí laichau-tqpttd')],
      ['sai-dong.csv', '2', 'A (unit)', 'không tìm thấy "LC-TP-DOANKET-TDP07" trong phạm vi của bạn'],
      ['sai-dong.csv', '3', 'B (1.1)', expect.stringContaining('"có lẽ" không hợp lệ')],
      ['sai-dong.csv', '3', 'C (1.3)', expect.stringContaining('"abc" không hợp lệ')],
    ]);
    // Readable on the phone: the table fits the screen, nothing to scroll sideways.
    const box = await problems.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/import-phone.png', fullPage: true });

    expect(await database.db.select().from(registrations).where(eq(registrations.year, 2026))).toHaveLength(before.length);
    expect(await registrationsOf('LC-TP-DOANKET-TDP07', 2026)).toHaveLength(0);
    await context.close();
  });

  it('desktop: tanphong splits TDP 19, keeping it and creating TDP 21 from 01/03/2026', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'tanphong');
    await page.getByRole('link', { name: 'Sắp xếp đơn vị' }).click();
    await assertAccessible(page);
    await page.getByRole('combobox', { name: 'Hình thức' }).click();
    await page.getByRole('option', { name: 'Chia tách' }).click();
    await page.getByRole('combobox', { name: 'Đơn vị chia tách' }).fill('to dan pho so 19');
    await page.getByRole('option', { name: /^Tổ dân phố số 19/ }).click();
    // The new unit goes under the ward of the unit split, unless the officer chooses otherwise.
    await expect.poll(() => page.getByRole('combobox', { name: 'Thuộc đơn vị cấp trên' }).inputValue()).toBe('Phường Tân Phong');
    expect(await page.getByLabel(/Giữ lại đơn vị cũ/).isChecked()).toBe(true);
    await page.getByLabel('Tên đơn vị mới 1').fill('Tổ dân phố số 21');
    await page.getByLabel('Ngày có hiệu lực').fill('1/3/2026');
    await page.getByLabel('Căn cứ').fill('Nghị quyết số 12/NQ-HĐND');
    await page.getByRole('button', { name: 'Ghi nhận sắp xếp' }).click();

    await page.getByRole('status').filter({ hasText: 'Đã chia tách Tổ dân phố số 19 thành Tổ dân phố số 19, Tổ dân phố số 21' }).waitFor();
    const history = page.getByTestId('unit-history');
    await expect.poll(() => history.textContent()).toContain('01/03/2026');
    expect(await history.textContent()).toContain('Nghị quyết số 12/NQ-HĐND');

    const tanPhong = await unitId('LC-TP-TANPHONG');
    const created = await database.db.select().from(units).where(eq(units.name, 'Tổ dân phố số 21'));
    expect(created.map((u) => ({ parentId: u.parentId, validFrom: u.validFrom }))).toEqual([{ parentId: tanPhong, validFrom: '2026-03-01' }]);
    await context.close();
  });
});
