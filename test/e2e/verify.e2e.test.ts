/**
 * Issue 14, item 4 — the verification page as a resident sees it, in
 * Chromium on a 390-pixel phone: readable with no horizontal scrolling, no
 * script and no console error under the site's CSP, accessible (axe), and
 * the revoked state impossible to miss. Needs no web build: the page is the
 * server's own. Writes docs/screenshots/verify-phone.png and
 * verify-revoked-phone.png.
 */
import { existsSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisions, programs, recognitions } from '../../src/db/schema';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { assertAccessible, phone } from '../support/browser';
import { openTestDatabase } from '../support/db';
import { loginAs } from '../support/server';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

let browser: Browser;
let base: string;
let close: () => Promise<void>;
let code: string;
let recognition: { id: number; titleCode: string };
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  if (!available) return;
  const database = await openTestDatabase({ demo: true });
  app = await createServer({ database, env: readEnv({ KDC_DEMO: '1' }), demo: true, webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  close = async () => {
    await browser.close();
    await app.close();
    await database.close();
  };
  const [r] = await database.db
    .select({ id: recognitions.id, verifyCode: recognitions.verifyCode, titleCode: recognitions.titleCode })
    .from(recognitions)
    .innerJoin(decisions, eq(decisions.id, recognitions.decisionId))
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .where(and(eq(recognitions.year, 2024), eq(programs.code, 'laichau-tqpttd')))
    .limit(1);
  code = r!.verifyCode;
  recognition = r!;
});
afterAll(async () => {
  await close?.();
});

async function openOnPhone(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await phone(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Without the web build (dist/web) there is no favicon: that 404 is the test rig's, not the page's.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}${path}`);
  return { page, errors };
}

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe.skipIf(!available)('the verification page on a phone', () => {
  it('reads at 390 px with no script, no error, no sideways scrolling, and passes axe', async () => {
    const { page, errors } = await openOnPhone(`/xac-minh/${code}`);
    await expect(page.getByRole('heading', { name: 'Xác minh giấy công nhận' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('script').count()).toBe(0);
    expect(await overflows(page)).toBe(false);
    await assertAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/verify-phone.png', fullPage: true });
    // The form on the page finds a code typed by hand, in lower case with a dash.
    await page.getByLabel('Tra một mã xác minh khác').fill(`${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL(`${base}/xac-minh/${code}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an unknown code says "Không tìm thấy"', async () => {
    const { page, errors } = await openOnPhone('/xac-minh/ZZZZZ-ZZZZZ');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Không tìm thấy giấy công nhận hoặc quyết định với mã "ZZZZZ-ZZZZZ"');
    expect(await overflows(page)).toBe(false);
    await assertAccessible(page);
    expect(errors).toEqual([`404 ${base}/xac-minh/ZZZZZ-ZZZZZ`]);
    await page.context().close();
  });

  it('after a revocation the page says so first, in red', async () => {
    const officer = await loginAs(app, 'thanhpho');
    const draft = await officer.post('/api/programs/laichau-tqpttd/revocations', {
      year: 2024,
      titleCode: recognition.titleCode,
      number: '915/QĐ-UBND',
      issuedOn: '2026-11-25',
      signer: 'X',
      issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
      reason: 'Thử',
      recognitionIds: [recognition.id],
    });
    expect((await officer.post(`/api/decisions/${draft.json().id}/issue`)).statusCode).toBe(200);
    const { page } = await openOnPhone(`/xac-minh/${code}`);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Danh hiệu đã bị thu hồi');
    await expect(alert.textContent()).resolves.toContain('Quyết định số 915/QĐ-UBND ngày 25/11/2026');
    const box = await alert.boundingBox();
    expect(box!.y).toBeLessThan(300); // above the fold, before the details
    await assertAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/verify-revoked-phone.png', fullPage: false });
    await page.context().close();
  });
});
