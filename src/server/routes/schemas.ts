/**
 * The request pieces every route shares, so each is checked the same way
 * everywhere: ids are PostgreSQL integers (a bigger number is a 400 with a
 * Vietnamese message, never a database error), in a path, a query or a body.
 * Text that PostgreSQL cannot store (NUL) is refused for every field by the
 * body parser and the query hook in src/server/input.ts.
 */
import { z } from 'zod';
import { MAX_ID } from '../../app/limits';

const ID_MESSAGE = 'mã không hợp lệ (phải là số nguyên dương)';

/** An id in a JSON body. */
export const id = z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** An id in a path or a query string. */
export const idText = z.coerce.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
export const idParam = z.object({ id: idText });
