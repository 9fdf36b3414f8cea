/**
 * The base salary (mức lương cơ sở) in force on a day: a dated, system-wide
 * setting, because rewards the law sets as a coefficient (1,5 × for a thôn văn
 * hóa, 2 × for a xã tiêu biểu) follow it, and it changes by decree.
 */
import { desc, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { baseSalaries } from '../../db/schema';

export async function baseSalaryOn(db: Queryable, isoDate: string): Promise<{ amount: number; legalBasis: string } | null> {
  const [row] = await db.select().from(baseSalaries).where(lte(baseSalaries.validFrom, isoDate)).orderBy(desc(baseSalaries.validFrom)).limit(1);
  return row ? { amount: row.amount, legalBasis: row.legalBasis } : null;
}
