/**
 * The API client: same-origin JSON with the session cookie; every change
 * carries the CSRF token. Errors arrive as { error: { message } } in
 * Vietnamese and are thrown as ApiError with that message.
 */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrf = (token: string) => { csrfToken = token; };
/** For requests made without api(): an upload through XMLHttpRequest, to show its progress. */
export const getCsrf = () => csrfToken;

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError('Mất kết nối tới máy chủ. Dữ liệu chưa gửi được; vui lòng thử lại.', 0);
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(data?.error?.message ?? `Lỗi ${res.status}`, res.status);
  return data as T;
}

export interface Grant { role: string; unitId: number; unitName: string }
export interface User { id: number; username: string; displayName: string; grants: Grant[] }
export interface UnitBrief { id: number; name: string; kind: string; parentId: number | null; parentName?: string | null; closed?: boolean }
