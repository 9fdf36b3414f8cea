/** The titles of the programme an import or a template is for, named the way people write them (the programme itself: programFor in ../policy/loaders.ts). */
import { fold } from '../../core/text/normalize';

/** A title named by its code or its name, without case or diacritics. */
export function findTitle<T extends { code: string; name: string }>(titles: T[], text: string): T | undefined {
  return titles.find((t) => fold(t.code) === fold(text) || fold(t.name) === fold(text));
}
