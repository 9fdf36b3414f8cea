/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserActor } from '../../app/actor';
import { changeOwnPassword } from '../../app/auth/change-password';
import { login, logout } from '../../app/auth/login';
import { requireActor, SESSION_COOKIE } from '../auth';
import type { RouteDeps } from './deps';
import { meSchema, okSchema, sessionSchema } from './responses';

export function presentUser(actor: UserActor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName ?? '' })),
  };
}

export const authRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: z.object({
            username: z.string().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
            password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
          }),
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const session = await login(deps.db, { ...request.body, clientIp: request.ip, sessionHours: deps.env.KDC_SESSION_HOURS, demoMode: deps.env.demo });
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: deps.env.KDC_SECURE_COOKIES === '1',
          expires: session.expiresAt,
        });
        return { user: presentUser(session.actor), csrfToken: session.csrfToken };
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okSchema } } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps.db, token, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu của mình (các phiên đăng nhập khác kết thúc)',
          body: z.object({
            currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại').max(200),
            newPassword: z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200),
          }),
          response: { 200: z.object({ otherSessionsEnded: z.number().int() }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return changeOwnPassword(deps.db, actor, { ...request.body, sessionToken: request.cookies[SESSION_COOKIE] ?? '', clientIp: request.ip });
      },
    );

    // Nobody signed in is an answer (user null), not a 401: the web app asks on every first visit.
    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'Người dùng hiện tại (user null khi chưa đăng nhập)', response: { 200: meSchema } } },
      async (request) => {
        if (!request.actor) return { user: null, csrfToken: null };
        return { user: presentUser(requireActor(request)), csrfToken: request.csrfToken };
      },
    );
  };
