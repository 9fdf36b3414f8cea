/**
 * The blank self-assessment form of a programme's year (issue 10, item 4): the
 * criteria set the programme uses that year, printed for a village to fill on
 * paper. Reading only: whoever may see the programme may print its form.
 */
import type { Queryable } from '../../db/client';
import { renderCriteriaForm } from '../../documents/index';
import type { Actor } from '../actor';
import { programFor } from '../policy/loaders';
import { programCriteriaSet } from '../programs/queries';

export async function criteriaFormFile(
  db: Queryable,
  actor: Actor,
  input: { programCode: string; year: number },
): Promise<{ buffer: Buffer; filename: string }> {
  const program = await programFor(db, actor, input.programCode);
  const { set } = await programCriteriaSet(db, program.id, input.year);
  return { buffer: await renderCriteriaForm({ set, year: input.year }), filename: `phieu-tu-danh-gia-${program.code}-${input.year}.docx` };
}
