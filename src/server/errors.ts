/**
 * The edge where errors become HTTP: AppError codes map to statuses, request
 * validation to 400 with zod's Vietnamese messages, anything else to a 500
 * with a plain Vietnamese message (the stack goes to the log, never the user).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode } from '../app/errors';

const STATUS: Record<AppErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  'rate-limited': 429,
};

const FIELD_NAMES: Record<string, string> = { body: 'dữ liệu gửi lên', querystring: 'tham số truy vấn', params: 'đường dẫn' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
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
    if (error.statusCode === 413) return reply.status(413).send({ error: { code: 'too-large', message: 'Tệp hoặc dữ liệu gửi lên quá lớn (một tệp tối đa 20 MB; hãy chia thành nhiều tệp)' } });
    if (error.statusCode && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Kiểu dữ liệu gửi lên không được hỗ trợ' : 'Yêu cầu không hợp lệ';
      return reply.status(error.statusCode).send({ error: { code: 'bad-request', message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Đã có lỗi xảy ra phía máy chủ. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại.' } });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not-found', message: 'Không có địa chỉ API này' } });
    return reply.status(404).send('Không tìm thấy trang');
  });
}
