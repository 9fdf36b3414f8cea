/**
 * The main journey in a real browser (Debian's Chromium): a ward officer on a
 * phone records a scorecard, sees why it fails, corrects it, the board
 * proposes it, the city officer recommends it and issues the decision, the
 * dashboard's count rises, and the ward officer cannot open another ward's area.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/db/schema';
import { browserAvailable as available, login as loginAt, startBrowserRig } from '../support/browser';

let browser: Browser;
let base = '';
let close: () => Promise<void> = async () => undefined;
let doanKetAreaId = 0;

beforeAll(async () => {
  if (!available) return;
  const rig = await startBrowserRig();
  ({ browser, base } = rig);
  close = rig.close;
  doanKetAreaId = (await rig.database.db.select().from(units).where(eq(units.code, 'LC-TP-DOANKET-TDP07')))[0]!.id;
});
afterAll(async () => { await close(); });

const login = (page: Page, username: string) => loginAt(page, base, username);

async function choose(page: Page, code: string, label: 'Đạt' | 'Không đạt') {
  await page.locator(`[data-criterion="${code}"]`).getByText(label, { exact: true }).click();
}

describe.runIf(available)('the yearly journey in Chromium', () => {
  it('phone: tanphong records a scorecard, sees standard 2 fail, corrects it, submits; the board proposes', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'tanphong');
    await page.goto(`${base}/#/units`);
    await page.getByLabel('Tìm đơn vị').fill('to dan pho so 18');
    await page.getByRole('link', { name: 'Tổ dân phố số 18' }).click();
    await page.getByRole('button', { name: 'Đăng ký danh hiệu' }).click();
    await page.locator('[data-criterion="1.1"]').waitFor();

    const codes = await page.locator('[data-criterion]').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')!));
    expect(codes).toHaveLength(41);
    for (const code of codes) await choose(page, code, code === '2.1' || code === '2.2' ? 'Không đạt' : 'Đạt');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toContain('Tiêu chuẩn 2: đạt 6/8 tiêu chí (75%), cần tối thiểu 80%');
    expect(await verdict.textContent()).toContain('Chưa đạt');

    await choose(page, '2.1', 'Đạt');
    await expect.poll(() => verdict.textContent()).toContain('Đạt');
    expect(await verdict.textContent()).not.toContain('Chưa đạt');
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/scorecard-phone.png', fullPage: false });

    await page.getByRole('button', { name: 'Gửi ban thẩm định' }).click();
    await page.getByText('Đã tự đánh giá').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await page.getByRole('button', { name: 'Đề nghị công nhận' }).click();
    await page.getByText('Ban thẩm định đề nghị').first().waitFor();
    await context.close();
  });

  it('desktop: thanhpho recommends and issues the decision; the dashboard count rises by one', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'thanhpho');
    await page.goto(`${base}/#/dashboard/2026`);
    const count = page.getByTestId('recognized-count');
    await expect.poll(async () => (await count.textContent()) ?? '').toMatch(/^\d+$/);
    const before = Number(await count.textContent());

    await page.goto(`${base}/#/units`);
    await page.getByLabel('Tìm đơn vị').fill('to dan pho so 18');
    await page.getByRole('link', { name: 'Tổ dân phố số 18' }).click();
    await page.getByRole('link', { name: /Phiếu đánh giá/ }).click();
    await page.getByRole('button', { name: 'Hội đồng đề nghị công nhận' }).click();
    await page.getByText('Hội đồng đề nghị công nhận').first().waitFor();

    await page.goto(`${base}/#/decisions`);
    await page.getByLabel(/Tổ dân phố số 18/).check();
    await page.getByLabel('Số quyết định').fill('215/QĐ-UBND');
    await page.getByLabel('Người ký').fill('Nguyễn Văn A');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('status').filter({ hasText: '215/QĐ-UBND' }).waitFor();

    await page.goto(`${base}/#/dashboard/2026`);
    await expect.poll(async () => Number(await page.getByTestId('recognized-count').textContent())).toBe(before + 1);
    await page.goto(`${base}/#/dashboard/2024`);
    await expect.poll(async () => page.getByTestId('recognized-count').textContent()).toBe('35');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/screenshots/dashboard-desktop.png', fullPage: true });
    await context.close();
  });

  it('tanphong cannot open an area of Đoàn Kết', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await login(page, 'tanphong');
    await page.goto(`${base}/#/area/${doanKetAreaId}`);
    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '').toContain('Không tìm thấy đơn vị');
    await context.close();
  });
});
