/**
 * One person per duty, as the screen shows it: the ward officer who filled in
 * a small area's self-assessment opens it again after sending it. The board's
 * page is not offered to them as a form the server will refuse; it reads
 * "Bước này do người khác làm" with the policy's own reason, every value is
 * read-only and there is no "Đề nghị công nhận". The board member who did
 * not self-assess gets the form. Phone, Vietnamese, axe.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnRegistration } from '../../src/app/cycle/act';
import { registerArea } from '../../src/app/cycle/register';
import { saveScorecard } from '../../src/app/cycle/scorecard';
import { loadActor } from '../../src/app/auth/sessions';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { units, users } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { assertAccessible, browserAvailable as available, login, phone, startBrowserRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig | undefined;
let browser: Browser;
let registrationId = 0;
const LC = '?program=laichau-tqpttd&year=2026';

beforeAll(async () => {
  if (!available) return;
  rig = await startBrowserRig();
  browser = rig.browser;
  const { db } = rig.database;
  const [user] = await db.select().from(users).where(eq(users.username, 'tanphong'));
  const tanphong = (await loadActor(db, user!.id))!;
  const [area] = await db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG-TDP18'));
  registrationId = (
    await registerArea(db, tanphong, { programCode: 'laichau-tqpttd', unitId: area!.id, year: 2026, titleCode: 'tqpttd', selfManagementContents: [] })
  ).id;
  const values = Object.fromEntries(Object.entries(passingScorecard(findBuiltinSet('laichau-tqpttd')!)).map(([code, value]) => [code, { value }]));
  await saveScorecard(db, tanphong, registrationId, { stage: 'self', values });
  await actOnRegistration(db, tanphong, registrationId, 'submit');
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe.runIf(available)('a step closed to the person who took the one before', () => {
  it('the self-assessor sees the board page read-only with the reason; the board member gets the form', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await login(page, rig!.base, 'tanphong', `/registration/${registrationId}${LC}`);
    const notice = page.getByRole('status').filter({ hasText: 'Bước này do người khác làm' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Bạn đã tự đánh giá hoặc đề nghị hồ sơ này, nên không thẩm định được');
    expect(await page.getByRole('button', { name: 'Đề nghị công nhận' }).count()).toBe(0);
    const choices = page.locator('[data-code="1.1"] input');
    expect(await choices.count()).toBeGreaterThan(1);
    for (const choice of await choices.all()) expect(await choice.isDisabled()).toBe(true);
    expect(await page.getByText('Bạn không có quyền').count()).toBe(0);
    await page.screenshot({ path: 'docs/screenshots/duty-closed-phone.png' });
    await assertAccessible(page);
    await context.close();

    const other = await phone(browser);
    const board = await other.newPage();
    await login(board, rig!.base, 'thamdinh', `/registration/${registrationId}${LC}`);
    await board.getByRole('button', { name: 'Đề nghị công nhận' }).waitFor();
    expect(await board.getByText('Bước này do người khác làm').count()).toBe(0);
    await other.close();
  });
});
