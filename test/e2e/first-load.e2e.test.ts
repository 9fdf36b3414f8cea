/**
 * Issue 11's budget, held in CI: on the slow-phone profile (400 kbit/s,
 * 400 ms round trip, CPU 4×) the login form is usable within 6 s of a first
 * visit, after at most 150 KB of JS and CSS on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFirstLoad } from '../../bench/web-first-load';
import { browserAvailable as available, startBrowserRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig | undefined;
beforeAll(async () => {
  if (available) rig = await startBrowserRig({ demo: false, compress: true });
});
afterAll(async () => {
  await rig?.close();
});

describe.runIf(available)('first load on a slow phone (issue 11)', () => {
  it('the login form is usable within 6 s after at most 150 KB of JS and CSS', async () => {
    const { ms, kb } = await measureFirstLoad(rig!.browser, rig!.base);
    expect(kb).toBeLessThanOrEqual(150);
    expect(ms).toBeLessThanOrEqual(6000);
  });
});
