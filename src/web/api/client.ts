/**
 * The API client: openapi-fetch over the types generated from the server
 * (schema.d.ts), same-origin with the session cookie; every change carries
 * the session's CSRF token. An answer that is not 2xx becomes an ApiError
 * with the server's Vietnamese message; no answer at all (no signal, server
 * down) becomes an ApiError with status 0, so a screen can tell a refusal
 * from a lost connection and never show one as the other.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code = '',
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
  /** No answer reached us: the request may be tried again later. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export const OFFLINE_MESSAGE = 'Mất kết nối tới máy chủ. Dữ liệu chưa gửi được; vui lòng thử lại.';

let csrfToken = '';
export const setCsrf = (token: string | null) => {
  csrfToken = token ?? '';
};
/** For requests made without the client: an upload through XMLHttpRequest, to show its progress. */
export const getCsrf = () => csrfToken;

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** The error of a failed answer, from the server's `{ error: { code, message, details } }`. */
export function apiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(error?.message ?? `Lỗi ${status}`, status, error?.code ?? '', error?.details);
}

/** The data of a call, or its ApiError: `const reg = await call(api.GET('/api/registrations/{id}', …))`. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 0);
  }
  if (!answer.response.ok) throw apiError(answer.response.status, answer.error);
  return answer.data as T;
}

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends { 200: infer A } ? Json<A> : R extends { 201: infer B } ? Json<B> : never;
/** The answer of an operation, e.g. `Ok<'/api/registrations/{id}', 'get'>`. */
export type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> = paths[P][M] extends { responses: infer R } ? Success<R> : never;
/** The JSON body of an operation. */
export type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
