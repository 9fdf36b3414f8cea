/**
 * Browser journeys: a demo server on a fresh database, serving the built web
 * app, and Debian's Chromium driven by playwright-core. In CI a missing
 * Chromium or web build is an error; elsewhere the journeys are skipped with
 * a message.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../src/db/client';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { openTestDatabase } from './db';

const CHROMIUM = '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!browserAvailable) {
  if (process.env.CI) throw new Error(`Kiểm thử trình duyệt cần ${CHROMIUM} và dist/web (npm run build)`);
  console.log(`Bỏ qua kiểm thử trình duyệt: không tìm thấy ${CHROMIUM} hoặc dist/web`);
}

export interface BrowserRig { browser: Browser; database: Database; base: string; close(): Promise<void> }

export async function startBrowserRig(): Promise<BrowserRig> {
  const database = await openTestDatabase();
  const app = await createServer({ database, env: readEnv({ KDC_DEMO: '1' }), demo: true, webRoot: `${process.cwd()}/dist/web` });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return { browser, database, base, close: async () => { await browser.close(); await app.close(); await database.close(); } };
}

/** Signs in through the login screen with a demo account, as a person does. */
export async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
