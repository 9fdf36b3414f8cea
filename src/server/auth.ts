/**
 * Authentication on every request: the session cookie becomes `request.actor`
 * (null: nobody signed in, refused by `requireActor` — never a way around the
 * policy; the system actor exists only in the command line). Routes call `requireActor`. Changes (any method but GET/HEAD)
 * must carry the session's CSRF token in `x-csrf-token`; with the SameSite
 * cookie this closes cross-site request forgery twice over.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserActor } from '../app/actor';
import { resolveSession } from '../app/auth/sessions';
import { AppError } from '../app/errors';
import type { Db } from '../db/client';

export const SESSION_COOKIE = 'kdc_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserActor | null;
    csrfToken: string | null;
    /** The figures revision read with the session (null without one): reports remembered under it need no query to check it. */
    figuresRevision: number | null;
  }
}

const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** Public routes that never look at the caller: no session lookup for them (load balancers poll health; residents read notices and check certificates). */
const NO_SESSION = new Set(['/api/health']);
const PUBLIC_PREFIX = '/api/public/';
const needsNoSession = (path: string) => NO_SESSION.has(path) || path.startsWith(PUBLIC_PREFIX);

export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('figuresRevision', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (needsNoSession(request.url.split('?')[0] ?? '')) return;
    const session = await resolveSession(db, request.cookies[SESSION_COOKIE]);
    request.actor = session?.actor ?? null;
    request.csrfToken = session?.csrfToken ?? null;
    request.figuresRevision = session?.figuresRevision ?? null;
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' && request.method !== 'HEAD' && !CSRF_EXEMPT.has(path) && request.actor) {
      if (request.headers['x-csrf-token'] !== request.csrfToken)
        throw new AppError('forbidden', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Vui lòng tải lại trang.');
    }
  });
}

export function requireActor(request: FastifyRequest): UserActor {
  if (!request.actor) throw new AppError('unauthenticated', 'Bạn cần đăng nhập');
  return request.actor;
}
