/**
 * The public surface of KDC (issue 14): the notice page of a commune's
 * proposed areas, the comment form it posts to, the captcha challenge and the
 * captcha widget's own files. A separate set of routes outside /api/: the
 * session hook never runs for them (src/server/auth.ts looks at /api/ only),
 * they read nothing but src/app/notice/public.ts's view and write nothing but
 * a comment, and they are hidden from the OpenAPI description of the
 * signed-in API. test/security/public-notice.test.ts holds them to it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../app/errors';
import { COMMENT_LIMITS } from '../../app/limits';
import { addPublicComment } from '../../app/notice/comments';
import { countRequest } from '../../app/public/rate-limit';
import { publicNotice } from '../../app/notice/public';
import { publicCommentSchema } from '../../core/notice/notice';
import type { Db } from '../../db/client';
import { createCaptcha } from './captcha';
import { ALTCHA_BASE, renderNoticePage, type PageState } from './notice-page';

/** The widget's files, read once from the installed `altcha` package (no outside host: the CSP allows only our own). */
function altchaFiles(): Record<string, { body: string; type: string }> {
  const require = createRequire(import.meta.url);
  const dist = dirname(dirname(require.resolve('altcha')));
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');
  const js = 'text/javascript; charset=utf-8';
  return {
    'altcha.js': { body: read('external/altcha.min.js'), type: js },
    'vi.js': { body: read('i18n/vi.js'), type: js },
    'pbkdf2.js': { body: read('workers/pbkdf2.js'), type: js },
    'altcha.css': { body: read('external/altcha.css'), type: 'text/css; charset=utf-8' },
    // Ours: the external build carries no worker, so the one algorithm we ask for is registered here, then solved at once.
    'setup.js': {
      body: `const w = '${ALTCHA_BASE}/pbkdf2.js';
for (const a of ['PBKDF2/SHA-256']) globalThis.$altcha.algorithms.set(a, () => new Worker(w));
for (const el of document.querySelectorAll('altcha-widget')) el.verify?.();
`,
      type: js,
    },
  };
}

const idOf = (text: string) => (/^\d{1,10}$/.test(text) ? Number(text) : 0);

function page(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

const tooManyPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Quá nhiều yêu cầu</title></head><body><main><h1>Quá nhiều yêu cầu</h1><p>Vui lòng thử lại sau ít phút.</p></main></body></html>`;

const notFoundPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không tìm thấy</title></head><body><main><h1>Không tìm thấy thông báo niêm yết</h1><p>Đường dẫn không đúng hoặc thông báo không còn.</p></main></body></html>`;

export interface PublicDeps {
  db: Db;
  captchaSecret?: string;
}

export async function registerPublicRoutes(app: FastifyInstance, deps: PublicDeps): Promise<void> {
  const { db } = deps;
  const captcha = createCaptcha(deps.captchaSecret);
  const files = altchaFiles();
  // A keyed hash of the address: rate limits per sender without keeping anyone's address.
  const senderSalt = deps.captchaSecret ?? randomBytes(32).toString('hex');
  /** Null when the request may go on; else the seconds to wait (counted in the database: instances share it). */
  const limited = async (key: string, max: number) => {
    const result = await countRequest(db, key, { max, windowSeconds: 60 });
    return result.allowed ? null : result.retryAfterSeconds;
  };
  const senderKey = (ip: string) => createHash('sha256').update(`${senderSalt}|${ip}`).digest('hex');

  await app.register(async (scope) => {
    // The form posts application/x-www-form-urlencoded; only here, and small.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: COMMENT_LIMITS.formBytes }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.get('/niem-yet/altcha/challenge', { schema: { hide: true } }, async (request, reply) => {
      const wait = await limited(`notice:challenge:${request.ip}`, COMMENT_LIMITS.challengesPerMinute);
      if (wait) return reply.status(429).header('retry-after', String(wait)).send({ error: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.' });
      return reply.header('cache-control', 'no-store').send(await captcha.challenge());
    });
    scope.get<{ Params: { file: string } }>('/niem-yet/altcha/:file', { schema: { hide: true } }, async (request, reply) => {
      const file = Object.hasOwn(files, request.params.file) ? files[request.params.file] : undefined;
      if (!file) return page(reply, 404, notFoundPage);
      return reply.header('content-type', file.type).header('cache-control', 'public, max-age=3600').send(file.body);
    });

    scope.get<{ Params: { id: string }; Querystring: { gui?: string; kdc?: string } }>('/niem-yet/:id', { schema: { hide: true } }, async (request, reply) => {
      const wait = await limited(`notice:page:${request.ip}`, COMMENT_LIMITS.pagesPerMinute);
      if (wait) return page(reply.header('retry-after', String(wait)), 429, tooManyPage);
      try {
        const view = await publicNotice(db, idOf(request.params.id));
        const area = Number(request.query.kdc);
        const flash = request.query.gui && Number.isInteger(area) ? { area, held: request.query.gui === 'cho-duyet' } : null;
        return page(reply, 200, renderNoticePage(view, { flash }));
      } catch (error) {
        if (error instanceof AppError && error.code === 'not-found') return page(reply, 404, notFoundPage);
        throw error;
      }
    });

    scope.post<{ Params: { id: string }; Body: Record<string, string> | undefined }>(
      '/niem-yet/:id/y-kien',
      { schema: { hide: true } },
      async (request, reply) => {
        const noticeId = idOf(request.params.id);
        let view;
        try {
          view = await publicNotice(db, noticeId);
        } catch (error) {
          if (error instanceof AppError && error.code === 'not-found') return page(reply, 404, notFoundPage);
          throw error;
        }
        const form = request.body && typeof request.body === 'object' ? request.body : {};
        const area = Number(form.registrationId) || 0;
        const fail = (status: number, message: string, state: PageState = {}) =>
          page(reply, status, renderNoticePage(view, { ...state, error: { area, message } }));
        if (Object.values(form).some((v) => typeof v === 'string' && v.includes('\u0000'))) return fail(400, 'Ý kiến có ký tự không hợp lệ.');
        const parsed = publicCommentSchema.safeParse(form);
        if (!parsed.success) return fail(400, parsed.error.issues.map((i) => i.message).join('; '));
        const challengeId = await captcha.check(form.altcha);
        if (!challengeId) return fail(403, 'Chưa xác minh chống thư rác hoặc mã xác minh không đúng. Vui lòng thử lại.');
        try {
          const saved = await addPublicComment(db, { noticeId, ...parsed.data, senderKey: senderKey(request.ip), challengeId });
          return reply.redirect(
            `/niem-yet/${noticeId}?gui=${saved.held ? 'cho-duyet' : 'da-nhan'}&kdc=${parsed.data.registrationId}#kdc-${parsed.data.registrationId}`,
            303,
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const status = { 'rate-limited': 429, 'not-found': 404, conflict: 409 }[error.code as string] ?? 400;
          const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
          if (retry) reply.header('retry-after', String(retry));
          return fail(status, error.message);
        }
      },
    );
  });
}
