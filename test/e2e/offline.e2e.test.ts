/**
 * The offline journey of issue 11 in Chromium: a ward officer opens a
 * scorecard with a signal, walks out of coverage, reloads the app (the
 * service worker serves the shell and the scorecard), fills values and
 * attaches a photo; the header counts what waits; the signal returns and the
 * server holds every value and the file. A change the server refuses
 * meanwhile (a decision locked the registration) stays on the device with
 * the server's message until the officer has read it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { evidenceFiles, registrations, scorecardValues, units } from '../../src/db/schema';
import { assertAccessible, browserAvailable as available, login, phone, startBrowserRig } from '../support/browser';
import { noiseBmp } from '../support/image';
import { enter } from '../support/scorecard';

let browser: Browser;
let database: Database;
let base = '';
let close: () => Promise<void> = async () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'kdc-offline-e2e-'));

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

const registrationOf = async (code: string) => {
  const [unit] = await database.db.select().from(units).where(eq(units.code, code));
  return (
    await database.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.unitId, unit!.id), eq(registrations.year, 2026)))
  )[0]!;
};
const valuesOf = async (id: number) =>
  Object.fromEntries(
    (await database.db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, id))).map((v) => [v.criterionCode, v.selfValue]),
  );

/** Opens the scorecard once the service worker controls the page, so its answers are kept for later. */
async function openControlled(page: Page, path: string) {
  await page.goto(base + path);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.locator('[data-criterion="1.1"]').waitFor();
  await page.waitForLoadState('networkidle');
}

describe.runIf(available)('offline (issue 11)', () => {
  it("installs: a manifest and a service worker, not the app's HTML", async () => {
    const page = await (await phone(browser)).newPage();
    const manifest = await page.request.get(`${base}/manifest.webmanifest`);
    expect(manifest.status()).toBe(200);
    expect(await manifest.json()).toMatchObject({ short_name: 'KDC', lang: 'vi', display: 'standalone' });
    const sw = await page.request.get(`${base}/sw.js`);
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    await page.context().close();
  });

  it('reload with no signal, fill, attach, reconnect: the server holds every value and the file', async () => {
    const reg = await registrationOf('LC-TP-TANPHONG-TDP03');
    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, base, 'tanphong', '/?program=laichau-tqpttd&year=2026');
    await openControlled(page, `/registration/${reg.id}?program=laichau-tqpttd&year=2026`);

    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-criterion="1.1"]').waitFor();
    await enter(page, '1.1', true);
    await enter(page, '1.2', false);
    await enter(page, '1.3', 97.5);
    const photo = join(dir, 'bien-ban.bmp');
    writeFileSync(photo, noiseBmp(1200, 900));
    await page.locator('[data-criterion="1.1"] input[type="file"]').setInputFiles(photo);
    const outbox = page.getByTestId('outbox');
    await expect.poll(() => outbox.textContent()).toMatch(/^[2-9] thay đổi chờ gửi$/);
    await page.getByText('bien-ban.jpg — đang chờ gửi').waitFor();
    // Reloading offline loses nothing: what waits is on the device, not in the page.
    await page.reload();
    await page.locator('[data-criterion="1.1"]').waitFor();
    await expect.poll(() => outbox.textContent()).toMatch(/^[2-9] thay đổi chờ gửi$/);
    expect(await page.locator('input[data-code="1.3"]').inputValue()).toBe('97,5');
    await outbox.click();
    await page.getByText('Không có kết nối: các thay đổi được giữ trên thiết bị và tự gửi khi có sóng.').waitFor();
    await assertAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/offline-phone.png' });
    await page.keyboard.press('Escape');
    expect(await valuesOf(reg.id)).not.toHaveProperty('1.3');

    await context.setOffline(false);
    await outbox.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await valuesOf(reg.id)).toMatchObject({ '1.1': true, '1.2': false, '1.3': 97.5 });
    const files = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.registrationId, reg.id));
    expect(files.map((f) => [f.filename, f.criterionCode, f.mimeType])).toContainEqual(['bien-ban.jpg', '1.1', 'image/jpeg']);
    await context.close();
  });

  it("a change refused meanwhile stays on the device with the server's message until read", async () => {
    const reg = await registrationOf('LC-TP-DOANKET-TDP03');
    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, base, 'doanket', '/?program=laichau-tqpttd&year=2026');
    await openControlled(page, `/registration/${reg.id}?program=laichau-tqpttd&year=2026`);
    await context.setOffline(true);
    await enter(page, '2.1', true);
    const outbox = page.getByTestId('outbox');
    await expect.poll(() => outbox.textContent()).toBe('1 thay đổi chờ gửi');
    // Meanwhile, at the office, a decision locks the registration.
    await database.db.update(registrations).set({ locked: true }).where(eq(registrations.id, reg.id));
    await context.setOffline(false);
    await expect.poll(() => outbox.textContent(), { timeout: 30_000 }).toBe('1 thay đổi bị từ chối');
    await page.getByRole('alert').filter({ hasText: 'Hồ sơ đã có quyết định công nhận, không thể sửa' }).first().waitFor();
    await outbox.click();
    await page.getByRole('button', { name: 'Đã đọc, bỏ thay đổi này' }).click();
    await outbox.waitFor({ state: 'detached' });
    await context.close();
  });
});
