/**
 * The public surface (issue 14, item 4): routes anyone may call with no
 * session, which never look one up (NO_SESSION_PREFIXES in ../auth.ts) and
 * reach only src/app/public. Each request counts against its client
 * address's rate limit first, in the database (VERIFY_RATE_LIMIT).
 *
 * - GET /xac-minh/:code — the page a certificate's or a decision's QR opens:
 *   plain HTML, no script (../verify-page.ts);
 * - GET /xac-minh?ma=… — the form on that page: redirects to the code's page;
 * - GET /api/public/verify/:code — the same facts as JSON.
 *
 * A code that names nothing issued is 404 with "không tìm thấy", whatever
 * the reason. Nothing is cached: a revocation shows at the next scan.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VERIFY_RATE_LIMIT } from '../../app/limits';
import { countRequest } from '../../app/public/rate-limit';
import { verifyCode } from '../../app/public/verify';
import { AppError } from '../../app/errors';
import { normalizeVerifyCode } from '../../core/verify/code';
import { lookupPage, notFoundMessage, notFoundPage, tooManyPage, verifiedPage } from '../verify-page';
import type { RouteDeps } from './deps';
import { verifiedSchema } from './responses';

// Any text: what cannot be a code is "không tìm thấy" like any other (the router refuses past 100 characters).
const codeParam = z.object({ code: z.string() });

export const publicRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Null when the request may go on; else the seconds to wait. */
    const limited = async (request: FastifyRequest) => {
      const result = await countRequest(db, `verify:ip:${request.ip}`, VERIFY_RATE_LIMIT);
      return result.allowed ? null : result.retryAfterSeconds;
    };
    const html = (reply: FastifyReply, status: number, body: string) =>
      reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(body);

    app.get('/xac-minh', { schema: { hide: true, querystring: z.object({ ma: z.string().max(200).optional() }) } }, async (request, reply) => {
      const input = request.query.ma?.trim();
      if (!input) return html(reply, 200, lookupPage());
      const code = normalizeVerifyCode(input) ?? input.replace(/[^0-9A-Za-z-]/g, '').slice(0, 20);
      return reply.redirect(`/xac-minh/${encodeURIComponent(code || '-')}`, 303);
    });

    app.get('/xac-minh/:code', { schema: { hide: true, params: codeParam } }, async (request, reply) => {
      const wait = await limited(request);
      if (wait !== null) return html(reply.header('retry-after', String(wait)), 429, tooManyPage(wait));
      const found = await verifyCode(db, request.params.code);
      return found ? html(reply, 200, verifiedPage(found)) : html(reply, 404, notFoundPage(request.params.code));
    });

    app.get(
      '/api/public/verify/:code',
      {
        schema: {
          tags: ['public'],
          summary: 'Xác minh giấy công nhận hoặc quyết định theo mã xác minh (công khai, không cần đăng nhập)',
          params: codeParam,
          response: { 200: verifiedSchema },
        },
      },
      async (request) => {
        const wait = await limited(request);
        if (wait !== null) throw new AppError('rate-limited', `Quá nhiều lượt tra cứu; vui lòng thử lại sau ${wait} giây`, { retryAfterSeconds: wait });
        const found = await verifyCode(db, request.params.code);
        if (!found) throw new AppError('not-found', notFoundMessage(request.params.code));
        return found;
      },
    );
  };
