/** The programme an import or a template is for, and its titles named the way people write them. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { programs } from '../../db/schema';
import { fold } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { requireProgram } from '../programs/queries';

/** The programme by code: within the caller's sight, or any for the command line. */
export async function importProgram(db: Queryable, actor: Actor | null, code: string) {
  if (actor) return requireProgram(db, actor, code);
  const [program] = await db.select().from(programs).where(eq(programs.code, code));
  if (!program) throw notFound(`phong trào "${code}"`);
  return program;
}

/** A title named by its code or its name, without case or diacritics. */
export function findTitle<T extends { code: string; name: string }>(titles: T[], text: string): T | undefined {
  return titles.find((t) => fold(t.code) === fold(text) || fold(t.name) === fold(text));
}
