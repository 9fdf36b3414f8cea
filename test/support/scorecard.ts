/**
 * Filling a scorecard in the browser as a person does: Đạt / Không đạt by
 * clicking, numbers typed the Vietnamese way into their box, disqualifying
 * cases marked "Không xảy ra" or "Có xảy ra".
 */
import type { Page } from 'playwright-core';
import type { Scorecard } from '../../src/core/evaluation/types';
import { formatNumber } from '../../src/core/text/format';

export async function enter(page: Page, code: string, value: Scorecard[string]): Promise<void> {
  const row = page.locator(`[data-criterion="${code}"]`);
  // A criterion KDC judges from its records (another title held) takes no typed value.
  if (await row.getByTestId('from-records').count()) return;
  if (typeof value === 'number') {
    // A part's box sits in its parent's row; its data-code names it.
    await page.locator(`input[data-code="${code}"]`).fill(formatNumber(value));
    return;
  }
  const label = value === true ? 'Đạt' : value === false ? 'Không đạt' : 'Không áp dụng';
  const own = page.locator(`[data-code="${code}"]`).first();
  await ((await own.count()) ? own : row).getByText(label, { exact: true }).click();
}

export async function fill(page: Page, values: Scorecard): Promise<void> {
  for (const [code, value] of Object.entries(values)) await enter(page, code, value);
}

/** A disqualifying case: occurs (true) or does not (false). */
export async function disqualifier(page: Page, code: string, occurs: boolean): Promise<void> {
  await page
    .locator(`[data-criterion="${code}"]`)
    .getByText(occurs ? 'Có xảy ra' : 'Không xảy ra', { exact: true })
    .click();
}

/** Waits until every change has reached the server (the save badge says so). */
export async function saved(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 30_000 });
}
