/**
 * Finding a programme by its code: the one query and the one not-found
 * message, for every caller. Whoever acts for a person goes through
 * `programFor` (../policy/loaders.ts), which finds with this and then asks
 * the policy; reports and the command line, already past that check or
 * acting as the system, use it directly.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programs, units } from '../../db/schema';
import { notFound } from '../errors';

export type ProgramRow = typeof programs.$inferSelect;

/** The same words for a programme that does not exist and one the caller may not see. */
export const programNotFound = (code: string) => notFound(`phong trào "${code}"`);

/**
 * The programme with its owner unit's path, or a not-found error. With `lock`
 * (in a transaction), its row is held until the transaction ends.
 */
export async function findProgram(db: Queryable, code: string, options: { lock?: boolean } = {}): Promise<ProgramRow & { ownerPath: string }> {
  const query = db
    .select({ program: programs, ownerPath: units.path })
    .from(programs)
    .innerJoin(units, eq(units.id, programs.ownerUnitId))
    .where(eq(programs.code, code));
  const [row] = await (options.lock ? query.for('update', { of: programs }) : query);
  if (!row) throw programNotFound(code);
  return { ...row.program, ownerPath: row.ownerPath };
}
