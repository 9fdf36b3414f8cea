/**
 * The built web app (dist/web). Vite names every file under /assets by its
 * content hash, so those may be kept by browsers for a year unchanged; the
 * page itself and any file without a hash must be checked again on every
 * visit, so a new version is seen at once. The build writes .br and .gz
 * copies beside each text file (scripts/build-web.mjs), served as they are.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(webRoot)) {
    app.get('/', { schema: { hide: true } }, async () => ({ message: 'Máy chủ KDC đang chạy. Giao diện web chưa được xây dựng: chạy "npm run build".' }));
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
  // Client-side routes: any non-API path that is not a file gets the app shell.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
