/**
 * BENCH web-first-load-slow-phone and web-initial-transfer: a phone on a
 * mountain link (Chromium's emulation: 400 kbit/s, 400 ms round trip, CPU 4×
 * slower) opens KDC for the first time; the time until the login form can be
 * typed into, and the JS and CSS bytes that crossed the network before then.
 * test/e2e/first-load.e2e.test.ts holds the same measurement to its budget.
 */
import type { Browser } from 'playwright-core';
import { startBrowserRig, throttle } from '../test/support/browser';

export interface FirstLoad {
  ms: number;
  kb: number;
}

export async function measureFirstLoad(browser: Browser, base: string): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await throttle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  let bytes = 0;
  let usable = false;
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId);
    if (!usable && (type === 'Script' || type === 'Stylesheet')) bytes += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(base, { waitUntil: 'commit' });
  const field = page.getByLabel('Tên đăng nhập');
  await field.waitFor({ state: 'visible', timeout: 60_000 });
  // Usable: on screen and accepting input (typing itself is the person's time, not the app's).
  while (!(await field.isEditable())) await page.waitForTimeout(20);
  usable = true;
  const ms = Date.now() - start;
  await context.close();
  return { ms, kb: bytes / 1024 };
}

export async function benchWebFirstLoad(): Promise<string[]> {
  const rig = await startBrowserRig({ demo: false, compress: true }).catch((e: Error) => e);
  if (rig instanceof Error) return [`# web first load not measured: ${rig.message}`];
  try {
    const { ms, kb } = await measureFirstLoad(rig.browser, rig.base);
    return [`BENCH web-first-load-slow-phone ${ms} ms`, `BENCH web-initial-transfer ${kb.toFixed(1)} KB`];
  } finally {
    await rig.close();
  }
}
