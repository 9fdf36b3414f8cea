/**
 * A unit named on the command line: a numeric id, a code ("LC-TP-TANPHONG"),
 * or a path of names from the root joined by " > " ("Tỉnh Lai Châu > Thành phố
 * Lai Châu"), names compared without case or diacritics.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { units } from '../../db/schema';
import { fold } from '../../core/text/normalize';
import { AppError } from '../errors';

export async function resolveUnitRef(db: Queryable, ref: string) {
  const text = ref.trim();
  if (/^\d+$/.test(text)) {
    const [unit] = await db.select().from(units).where(eq(units.id, Number(text)));
    if (unit) return unit;
  }
  const [byCode] = await db.select().from(units).where(eq(units.code, text));
  if (byCode) return byCode;
  let parent: typeof units.$inferSelect | undefined;
  for (const name of text.split('>').map((n) => n.trim()).filter(Boolean)) {
    const [next] = await db.select().from(units)
      .where(and(eq(units.nameFolded, fold(name)), parent ? eq(units.parentId, parent.id) : isNull(units.parentId)));
    if (!next) throw new AppError('not-found', `Không tìm thấy đơn vị "${ref}" (không có "${name}"${parent ? ` trong ${parent.name}` : ' ở cấp cao nhất'})`);
    parent = next;
  }
  if (!parent) throw new AppError('not-found', `Không tìm thấy đơn vị "${ref}"`);
  return parent;
}
