/**
 * Builds the HTTP server: plugins, authentication, routes, OpenAPI, and the
 * web app's static files. Holds no state of its own: sessions, rate limits
 * and files live in the database, so instances can run side by side.
 */
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../core/zod-locale';
import { isEmpty, type Database } from '../db/client';
import { registerAuth } from './auth';
import { readEnv, type Env } from './env';
import { registerErrorHandler } from './errors';
import { apiRoutes } from './routes/index';

export interface ServerOptions {
  database: Database;
  env?: Env;
  /** Load the demo into an empty database. Defaults to env.demo. */
  demo?: boolean;
  /** Folder of the built web app; default dist/web. */
  webRoot?: string;
  logger?: boolean;
}

const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const env = options.env ?? readEnv();
  const { db } = options.database;
  if ((options.demo ?? env.demo) && (await isEmpty(db))) {
    const { loadDemo } = await import('../demo/load');
    await loadDemo(db);
  }

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'KDC API', description: 'API của hệ thống KDC (xây dựng, công nhận khu dân cư)', version: '1.0.0' } },
    transform: jsonSchemaTransform,
  });
  registerErrorHandler(app);
  registerAuth(app, db);
  await app.register(apiRoutes({ db, env }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot ?? defaultWebRoot;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h' });
    // Client-side routes: any non-API path that is not a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async () => ({ message: 'Máy chủ KDC đang chạy. Giao diện web chưa được xây dựng: chạy "npm run build".' }));
  }
  return app;
}
