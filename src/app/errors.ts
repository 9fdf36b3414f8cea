/**
 * A typed application error: a stable string code, mapped to an HTTP status
 * only at the edge (src/server/errors.ts), and a Vietnamese message a person
 * can act on.
 */
export type AppErrorCode =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'locked' // 423: an issued decision rests on it
  | 'too-large' // 413: an upload past its limit (src/app/limits.ts)
  | 'rate-limited'; // 429

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not-found', `Không tìm thấy ${what}`);
export const forbidden = (message = 'Bạn không có quyền truy cập dữ liệu này') => new AppError('forbidden', message);
export const invalid = (message: string, details?: unknown) => new AppError('validation', message, details);
