/**
 * Long lists go to SQL in batches. PostgreSQL takes at most 65,535 parameters
 * in one statement (the protocol counts them in 16 bits), and a statement of
 * tens of thousands of values costs PGlite dearly; so every list an import or
 * a recomputation sends is cut with `inBatches`, at one size.
 *
 * BATCH_SIZE, 5,000 rows: a lookup by ids sends one parameter per id (5,000
 * of 65,535); a write through unnest sends one array per column, whatever the
 * number of rows. An INSERT … VALUES sends one parameter per column and row,
 * so its batch is `insertBatchSize(table)`: 5,000 rows, fewer for a table
 * wide enough that 5,000 rows would pass the limit. Rows carrying a whole
 * document of JSON (a verdict, kilobytes each) go by WIDE_ROW_BATCH instead,
 * so one statement stays a few megabytes rather than tens.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export const MAX_PARAMETERS = 65_535;
export const BATCH_SIZE = 5000;
export const WIDE_ROW_BATCH = 500;

/** The items in consecutive batches of `size` (the last one shorter); none for an empty list. */
export function inBatches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per INSERT … VALUES into the table: one parameter per column and row, under the limit. */
export function insertBatchSize(table: PgTable): number {
  return Math.min(BATCH_SIZE, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
}
