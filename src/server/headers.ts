/**
 * Security headers on every reply (helmet), compression of text replies, and
 * `Cache-Control: no-store` on every API reply so that no browser or proxy
 * keeps a copy of someone's data after they sign out.
 *
 * The Content-Security-Policy is what the built web app needs and no more:
 * its own scripts only (no inline script), styles from itself plus inline
 * style attributes (Mantine sets CSS variables inline), images and frames
 * from itself, data: and blob: (photos previewed before upload, evidence
 * opened in place), no plugins, never framed by another site.
 */
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Env } from './env';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerHeaders(app: FastifyInstance, env: Env): Promise<void> {
  const secure = env.KDC_SECURE_COOKIES === '1';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Upgrading requests only makes sense when the site is served over HTTPS.
      directives: { ...CONTENT_SECURITY_POLICY, ...(secure ? { upgradeInsecureRequests: [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only when KDC runs behind HTTPS: on plain HTTP it would lock a browser out of the site.
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // Requests are never decompressed: a small gzip body must not unpack past the body limit.
  await app.register(compress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'], threshold: 1024 });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
