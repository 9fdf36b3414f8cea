/**
 * Builds the HTTP server: plugins, security headers, authentication, routes,
 * OpenAPI, and the web app's static files. Holds no state of its own:
 * sessions, login throttling and files live in the database, so instances
 * can run side by side.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { fileURLToPath } from 'node:url';
import '../core/zod-locale';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES } from '../app/limits';
import { isEmpty, type Database } from '../db/client';
import { registerAuth } from './auth';
import { readEnv, type Env } from './env';
import { registerErrorHandler } from './errors';
import { registerHeaders } from './headers';
import { registerInputChecks } from './input';
import { apiRoutes } from './routes/index';
import { registerPublicRoutes } from './public/routes';
import { registerWebApp } from './web';

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

/** Fastify takes a hop count as a function: the first n addresses before the client are proxies. */
function trustedProxies(env: Env): boolean | string[] | ((address: string, hop: number) => boolean) {
  const trust = env.trustProxy;
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** An answer slower than this is logged, with its route and time. */
const SLOW_ANSWER_MS = 1000;

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const env = options.env ?? readEnv();
  const { db } = options.database;
  if ((options.demo ?? env.demo) && (await isEmpty(db))) {
    const { loadDemo } = await import('../demo/load');
    await loadDemo(db);
  }

  // No line per request: two log lines for every answer cost the hot path a good share of its throughput (issue 15).
  // What someone must look at is still logged: server errors (by the error handler) and slow answers (below).
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_JSON_BODY_BYTES,
    trustProxy: trustedProxies(env),
  });
  if (options.logger)
    app.addHook('onResponse', async (request, reply) => {
      if (reply.elapsedTime > SLOW_ANSWER_MS)
        request.log.warn({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'Trả lời chậm');
    });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerInputChecks(app);
  await registerHeaders(app, env);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 10_000 } });
  await app.register(swagger, {
    openapi: { info: { title: 'KDC API', description: 'API của hệ thống KDC (xây dựng, công nhận khu dân cư)', version: '1.0.0' } },
    transform: jsonSchemaTransform,
  });
  registerErrorHandler(app);
  registerAuth(app, db);
  await app.register(apiRoutes({ db, env }));
  await registerPublicRoutes(app, { db, captchaSecret: env.KDC_CAPTCHA_SECRET });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWebApp(app, options.webRoot ?? defaultWebRoot);
  return app;
}
