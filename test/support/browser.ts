/**
 * Browser journeys: a demo server on a fresh database, serving the built web
 * app, and Debian's Chromium driven by playwright-core. In CI a missing
 * Chromium or web build is an error; elsewhere the journeys are skipped with
 * a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../src/db/client';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { gzipTextAnswers } from './compress';
import { openTestDatabase } from './db';

const CHROMIUM = '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM) && existsSync('dist/web/index.html');
if (!browserAvailable) {
  if (process.env.CI) throw new Error(`Kiểm thử trình duyệt cần ${CHROMIUM} và dist/web (npm run build)`);
  console.log(`Bỏ qua kiểm thử trình duyệt: không tìm thấy ${CHROMIUM} hoặc dist/web`);
}

export interface BrowserRig {
  browser: Browser;
  database: Database;
  base: string;
  close(): Promise<void>;
}

export interface RigOptions {
  /** Load the demo (default); the first-load measurement needs no data. */
  demo?: boolean;
  /** gzip text answers as a production server does (until the server compresses them itself: see ./compress.ts). */
  compress?: boolean;
}

export async function startBrowserRig(options: RigOptions = {}): Promise<BrowserRig> {
  const demo = options.demo ?? true;
  const database = await openTestDatabase({ demo });
  const app = await createServer({ database, env: readEnv({ KDC_DEMO: demo ? '1' : '0' }), demo, webRoot: `${process.cwd()}/dist/web` });
  if (options.compress) gzipTextAnswers(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return {
    browser,
    database,
    base,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Signs in through the login screen with a demo account, as a person does. */
export async function login(page: Page, base: string, username: string, path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The app's header (the login page has none): on a phone, logging out is in the menu.
  await page.getByRole('banner').waitFor();
}

/** A 390-px phone in Vietnamese, as the field officers hold it. */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', hasTouch: true, isMobile: true });
}

export function desktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
}

/** A slow mountain link and a slow phone, through Chromium's own emulation (CDP). */
export async function throttle(page: Page, profile = { kbps: 400, rttMs: 400, cpu: 4 }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = (profile.kbps * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.rttMs, downloadThroughput: bytes, uploadThroughput: bytes });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is now: any serious or critical WCAG 2 A/AA
 * violation fails the test, listed with where it is.
 */
export async function assertAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  // A dialog fading in is half transparent: axe would measure its contrast mid-way.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
  // Evaluated through the DevTools protocol rather than added as a <script>:
  // the app's CSP (script-src 'self') rightly refuses inline scripts, and the
  // tests must run against the same headers production sends.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
  if (violations.length) throw new Error(`axe-core trên ${page.url()}:\n${violations.join('\n')}`);
}
