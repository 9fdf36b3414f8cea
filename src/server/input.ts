/**
 * Text PostgreSQL cannot store: a NUL character (U+0000) in any field of a
 * JSON body, a query string or a path is refused with a 400 that names the
 * field, once here for every route, instead of reaching the database and
 * coming back as a 500.
 */
import type { FastifyInstance } from 'fastify';
import { invalid } from '../app/errors';

/** The path of the first string (or key) holding a NUL, or null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(toàn bộ)' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return here;
      const found = findNul(item, here);
      if (found) return found;
    }
  }
  return null;
}

const refusal = (where: string, field: string) =>
  invalid(`Lỗi ${where}: trường "${field.replaceAll('\u0000', '\\0')}" có ký tự NUL (mã 0), không lưu được; hãy xóa ký tự này`);

export function registerInputChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error, value) => {
      if (error) return done(error, undefined);
      const field = findNul(value);
      return field ? done(refusal('dữ liệu gửi lên', field), undefined) : done(null, value);
    });
  });
  app.addHook('preValidation', async (request) => {
    const inQuery = findNul(request.query);
    if (inQuery) throw refusal('tham số truy vấn', inQuery);
    const inPath = findNul(request.params);
    if (inPath) throw refusal('đường dẫn', inPath);
  });
}
