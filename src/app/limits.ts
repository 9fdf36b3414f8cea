/**
 * Every size and count limit on what people send, in one place, so the
 * server, the importers, the messages and docs/security.md cannot drift
 * apart. Each is generous for real work (a province's units, a year's
 * scorecards, a scanned report) and small enough that one request cannot
 * take the server's memory or time from everyone else.
 */
import { MAX_CELL, MAX_ROWS } from '../core/import/sheet';

const MB = 1024 * 1024;

/** One uploaded file: an import spreadsheet or an evidence file. */
export const MAX_UPLOAD_BYTES = 20 * MB;
/** A JSON request body (a scorecard, a decision with two thousand areas). */
export const MAX_JSON_BODY_BYTES = 5 * MB;
/**
 * What an XLSX may unpack to, all its parts together. A 100,000-row sheet of
 * ten text columns unpacks to about 60 MB; a 2.8 MB "zip bomb" that unpacked
 * to 440 MB used to take 2.65 GB of memory.
 */
export const MAX_XLSX_UNPACKED_BYTES = 100 * MB;
/** Parts inside one XLSX (sheets, styles, images…); a real workbook has a few dozen. */
export const MAX_XLSX_ENTRIES = 2000;
/** Data rows of one sheet (the header row comes on top) and characters in one cell: src/core/import/sheet.ts. */
export const MAX_SHEET_ROWS = MAX_ROWS;
export const MAX_CELL_CHARS = MAX_CELL;
/**
 * A criteria workbook (kdc criteria import): rows of one sheet — a set has tens to a few hundred criteria — and
 * characters in one cell, Excel's own maximum, since a set's notes run to a few thousand characters.
 */
export const MAX_CRITERIA_SHEET_ROWS = 5000;
export const MAX_CRITERIA_CELL_CHARS = 32_767;
/** Ids are PostgreSQL integers. */
export const MAX_ID = 2_147_483_647;

/** "20 MB", for messages. */
export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/**
 * Residents' comments on a public notice (issue 14): per sender's address and
 * per area, counted in the database (several instances share them). A form
 * body is small: text up to 2,000 characters.
 */
export const COMMENT_LIMITS = {
  perAddress: 5,
  perAddressWindowMs: 10 * 60_000,
  perArea: 30,
  perAreaWindowMs: 60 * 60_000,
  formBytes: 16 * 1024,
  /** Notice pages and captcha challenges per client address and minute (in rate_counters, like the verification page). */
  pagesPerMinute: 120,
  challengesPerMinute: 30,
} as const;

/**
 * The public verification page (/xac-minh/:code and /api/public/verify/:code): requests per client address in one
 * window. A person scanning certificates one after another makes a few a minute; at this rate guessing one of the
 * 2^50 codes would take thousands of millions of years.
 */
export const VERIFY_RATE_LIMIT = { max: 30, windowSeconds: 60 } as const;
