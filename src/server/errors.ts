/**
 * The edge where errors become HTTP: AppError codes map to statuses, request
 * validation to 400 with zod's Vietnamese messages, a body cut short or a
 * value the database cannot take to 400, anything else to a 500 with a plain
 * Vietnamese message (the stack goes to the log, never the user).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode } from '../app/errors';
import { MAX_UPLOAD_BYTES, megabytes } from '../app/limits';

const STATUS: Record<AppErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  'too-large': 413,
  'rate-limited': 429,
};

/**
 * PostgreSQL's "data exception" codes for values a request sent that no
 * schema caught (a number out of range, a character it cannot store): the
 * request was bad, not the server.
 */
const BAD_VALUE_CODES = new Set(['22001', '22003', '22021', '22P02', '22P05', '22007', '22008']);

function databaseCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** busboy's words for a multipart body that stops before its closing boundary. */
const CUT_SHORT = /^Unexpected end of (multipart data|form)$/;

const FIELD_NAMES: Record<string, string> = { body: 'dữ liệu gửi lên', querystring: 'tham số truy vấn', params: 'đường dẫn' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (error.code === 'rate-limited' && retryAfter) reply.header('retry-after', String(retryAfter));
      return reply.status(STATUS[error.code]).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = FIELD_NAMES[error.validationContext ?? ''] ?? 'dữ liệu';
      const problems = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return path ? `${path}: ${v.message}` : (v.message ?? '');
      });
      return reply.status(400).send({ error: { code: 'validation', message: `Lỗi ${where}: ${problems.join('; ')}`, details: problems } });
    }
    if (error.statusCode === 413)
      return reply.status(413).send({
        error: { code: 'too-large', message: `Tệp hoặc dữ liệu gửi lên quá lớn (một tệp tối đa ${megabytes(MAX_UPLOAD_BYTES)}; hãy chia thành nhiều tệp)` },
      });
    if (CUT_SHORT.test(error.message))
      return reply.status(400).send({ error: { code: 'bad-request', message: 'Dữ liệu gửi lên bị cắt ngang (tệp chưa gửi hết). Vui lòng gửi lại.' } });
    const dbCode = databaseCode(error);
    if (dbCode && BAD_VALUE_CODES.has(dbCode)) {
      request.log.warn({ err: error }, 'value refused by the database');
      return reply.status(400).send({
        error: { code: 'validation', message: 'Dữ liệu gửi lên có giá trị không hợp lệ (số quá lớn hoặc ký tự không lưu được). Vui lòng kiểm tra lại.' },
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Kiểu dữ liệu gửi lên không được hỗ trợ' : 'Yêu cầu không hợp lệ';
      return reply.status(error.statusCode).send({ error: { code: 'bad-request', message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Đã có lỗi xảy ra phía máy chủ. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại.' } });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not-found', message: 'Không có địa chỉ API này' } });
    return reply.status(404).send('Không tìm thấy trang');
  });
}
