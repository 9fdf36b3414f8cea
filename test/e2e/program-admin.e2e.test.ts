/**
 * Running a programme from the browser (issue 10, item 4). As `admin` on a
 * desktop: a file with mistakes is read and refused with every problem at
 * its place and nothing created; a programme for phường Tân Phong is created
 * from a built-in set; its issuer, rewards, deadlines and a target are typed
 * the Vietnamese way, a refusal is shown at its box without losing what was
 * typed, and everything comes back after a reload; the criteria versions and
 * the printable form open. As `tanphong` on a 390-px phone: the ward's own
 * programme's settings are reachable, another ward's are not, and the city's
 * offers no settings. axe passes on each screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { createProgram } from '../../src/app/programs/admin';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Database } from '../../src/db/client';
import { programs, units } from '../../src/db/schema';
import { assertAccessible, browserAvailable as available, desktop, login, phone, startBrowserRig } from '../support/browser';

let browser: Browser;
let database: Database;
let base = '';
let close: () => Promise<void> = async () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'kdc-program-admin-'));

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

const CODE = 'tanphong-tu-quan';
const unitByCode = async (code: string) => (await database.db.select().from(units).where(eq(units.code, code)))[0]!;
const programCount = async () => (await database.db.select().from(programs)).length;

/** Settles, then a screenshot to look at. */
async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage });
}

describe.runIf(available)('programme administration in the browser', () => {
  it('admin on a desktop: a bad file is refused at its places; a ward programme is created, set up the Vietnamese way and read back after a reload', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await login(page, base, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    await page.getByRole('heading', { name: 'Phong trào', level: 2 }).waitFor();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Tạo phong trào' }).click();

    await page.getByLabel('Tên phong trào').fill('Khu dân cư tự quản phường Tân Phong');
    await page.getByLabel('Mã phong trào').fill(CODE);
    await page.getByRole('combobox', { name: 'Đơn vị chủ trì' }).fill('Tân Phong');
    await page
      .getByRole('option', { name: /^Phường Tân Phong/ })
      .first()
      .click();
    await page.getByLabel('Từ năm').fill('2026');
    await page.getByLabel('Đến năm').fill('2030');

    // A file with mistakes: every problem listed at its place; nothing created.
    const before = await programCount();
    const bad = structuredClone(findBuiltinSet('laichau-tqpttd')!) as unknown as Record<string, unknown> & { sections: Array<{ title: string }> };
    bad.scoring = 'diem';
    bad.sections[1]!.title = '';
    const badFile = join(dir, 'bo-tieu-chi-loi.json');
    writeFileSync(badFile, JSON.stringify(bad, null, 2));
    await page.getByText('Tải tệp lên', { exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(badFile);
    const problems = page.getByTestId('criteria-problems');
    await problems.waitFor();
    const rows = await problems.getByRole('row').allTextContents();
    expect(rows.some((r) => r.startsWith('$.scoring'))).toBe(true);
    expect(rows.some((r) => r.startsWith('$.sections[1].title'))).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'Chưa tạo gì' }).count()).toBe(1);
    await assertAccessible(page);
    await shot(page, 'program-upload-problems');
    await page.getByRole('button', { name: 'Tạo phong trào' }).click();
    expect(await programCount()).toBe(before);

    // A built-in set: its summary is shown before anything is created.
    const set = findBuiltinSet('laichau-tqpttd')!;
    await page.getByText('Bộ có sẵn', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Chọn bộ tiêu chí có sẵn' }).selectOption(`${set.code}@${set.version}`);
    expect(await page.getByTestId('set-summary').textContent()).toContain(`${set.sections.length} tiêu chuẩn`);
    await page.getByRole('button', { name: 'Tạo phong trào' }).click();
    await page.waitForURL(new RegExp(`/programs/${CODE}/settings`));
    await page.getByTestId('program-settings').waitFor();
    expect(new URL(page.url()).searchParams.get('program')).toBe(CODE);
    await assertAccessible(page);

    // Settings typed as a ward clerk types them.
    await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('Ủy ban nhân dân phường Tân Phong');
    await page.getByLabel('Người ký', { exact: true }).fill('Lò Văn Dũng');
    await page.getByLabel('Chức vụ người ký').fill('Chủ tịch');
    const title = set.levels[0]!.name;
    await page.getByLabel(`Công nhận lần đầu — ${title}`, { exact: true }).fill('2.000.000');
    await page.getByLabel(`Giữ vững — ${title}`, { exact: true }).fill('500.000');
    await page.getByLabel(`Tính theo (Công nhận lại — ${title})`).selectOption('coefficient');
    await page.getByLabel(`Công nhận lại — ${title}`, { exact: true }).fill('1,5');
    await page.getByLabel('Khu dân cư đăng ký').fill('31/03');
    await page.getByLabel('Ban hành quyết định công nhận').fill('31/02');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await page.getByLabel('Năm (1)').fill('2040');
    await page.getByLabel('Số khu dân cư (1)').fill('3');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    // Read in the browser: the day that does not exist, at its box.
    const decisionDay = page.getByLabel('Ban hành quyết định công nhận');
    expect(await decisionDay.getAttribute('aria-invalid')).toBe('true');
    await decisionDay.fill('15/11');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    // Refused by the server: the target's year, at the target's box; what was typed stays.
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toContain('Chưa lưu');
    const targetYear = page.getByLabel('Năm (1)');
    expect(await targetYear.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(`Giữ vững — ${title}`, { exact: true }).inputValue()).toBe('500.000');
    await assertAccessible(page);
    await targetYear.fill('2026');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Đã lưu cài đặt.');
    // The form is long and its save bar stays at the bottom of the window: pictured as a person sees it, top and bottom.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'program-settings-desktop', false);
    await page.getByRole('heading', { name: 'Mức thưởng' }).scrollIntoViewIfNeeded();
    await shot(page, 'program-settings-rewards', false);

    await page.reload();
    await page.getByTestId('program-settings').waitFor();
    await expect.poll(() => page.getByLabel('Cơ quan ban hành', { exact: true }).inputValue()).toBe('Ủy ban nhân dân phường Tân Phong');
    expect(await page.getByLabel('Người ký', { exact: true }).inputValue()).toBe('Lò Văn Dũng');
    expect(await page.getByLabel(`Công nhận lần đầu — ${title}`, { exact: true }).inputValue()).toBe('2.000.000');
    expect(await page.getByLabel(`Giữ vững — ${title}`, { exact: true }).inputValue()).toBe('500.000');
    expect(await page.getByLabel(`Công nhận lại — ${title}`, { exact: true }).inputValue()).toBe('1,5');
    expect(await page.getByLabel(`Tính theo (Công nhận lại — ${title})`).inputValue()).toBe('coefficient');
    expect(await page.getByLabel('Khu dân cư đăng ký').inputValue()).toBe('31/03');
    expect(await page.getByLabel('Ban hành quyết định công nhận').inputValue()).toBe('15/11');
    expect(await page.getByLabel('Số khu dân cư (1)').inputValue()).toBe('3');

    // Criteria versions, then the blank form for 2026, on screen and as printed.
    await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
    await page.getByTestId('versions').waitFor();
    expect(await page.getByTestId('versions').getByRole('row').count()).toBe(6);
    await assertAccessible(page);
    await shot(page, 'program-criteria-versions');
    await page.getByRole('link', { name: 'Xem biểu mẫu 2026' }).click();
    const paper = page.getByTestId('paper-form');
    await paper.waitFor();
    const text = await paper.textContent();
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG');
    expect(text).toContain(set.sections[0]!.title);
    expect(text).toContain(set.disqualifiers[0]!.text);
    expect(await page.getByRole('button', { name: 'In' }).isVisible()).toBe(true);
    await assertAccessible(page);
    await shot(page, 'program-form');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In' }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    await shot(page, 'program-form-print');
    await context.close();
  });

  it('tanphong on a phone: the ward’s own programme’s settings open; another ward’s do not; the city’s offers none', async () => {
    const tanphong = await unitByCode('LC-TP-TANPHONG');
    const doanket = await unitByCode('LC-TP-DOANKET');
    const set = findBuiltinSet('laichau-tqpttd')!;
    if (!(await database.db.select().from(programs).where(eq(programs.code, CODE))).length)
      await createProgram(database.db, SYSTEM_ACTOR, {
        code: CODE,
        name: 'Khu dân cư tự quản phường Tân Phong',
        ownerUnitId: tanphong.id,
        set,
        fromYear: 2026,
        toYear: 2030,
      });
    await createProgram(database.db, SYSTEM_ACTOR, {
      code: 'doanket-tu-quan',
      name: 'Khu dân cư tự quản phường Đoàn Kết',
      ownerUnitId: doanket.id,
      set,
      fromYear: 2026,
    });

    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, base, 'tanphong');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    const own = page.getByTestId(`program-${CODE}`);
    await own.waitFor();
    expect(await page.getByTestId('program-doanket-tu-quan').count()).toBe(0);
    expect(await page.getByTestId('program-laichau-tqpttd').getByRole('link', { name: 'Cài đặt' }).count()).toBe(0);
    await assertAccessible(page);
    await shot(page, 'program-list-phone');

    await own.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByTestId('program-settings').waitFor();
    await expect.poll(() => page.getByLabel('Cơ quan ban hành', { exact: true }).isVisible()).toBe(true);
    // Nothing sideways on a 390-px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(page);
    await shot(page, 'program-settings-phone', false);
    await page.getByRole('heading', { name: 'Mức thưởng' }).scrollIntoViewIfNeeded();
    await shot(page, 'program-settings-phone-rewards', false);

    await page.goto(`${base}/programs/doanket-tu-quan/settings`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy phong trào' }).waitFor();
    expect(await page.getByTestId('program-settings').count()).toBe(0);
    await assertAccessible(page);

    await page.goto(`${base}/programs/laichau-tqpttd/settings`);
    await page.getByText('không thay đổi được').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu cài đặt' }).count()).toBe(0);
    await page.goto(`${base}/programs/${CODE}/form?program=${CODE}&year=2026`);
    await page.getByTestId('paper-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(page);
    await shot(page, 'program-form-phone', false);
    await context.close();
  });
});
