/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor';
import { login } from '../../app/auth/login';
import { deleteSession } from '../../app/auth/sessions';
import { requireActor, SESSION_COOKIE } from '../auth';
import type { RouteDeps } from './deps';

export function presentUser(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName ?? '' })),
  };
}

export const authRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Đăng nhập',
      body: z.object({ username: z.string().min(1, 'Vui lòng nhập tên đăng nhập').max(100), password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200) }),
    },
  }, async (request, reply) => {
    const session = await login(deps.db, { ...request.body, clientIp: request.ip, sessionHours: deps.env.KDC_SESSION_HOURS });
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true, sameSite: 'strict', path: '/', secure: deps.env.KDC_SECURE_COOKIES === '1', expires: session.expiresAt,
    });
    return { user: presentUser(session.actor), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại' } }, async (request) => {
    const actor = requireActor(request);
    return { user: presentUser(actor), csrfToken: request.csrfToken };
  });
};
