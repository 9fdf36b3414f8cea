/**
 * The site's public address for the QR codes printed on certificates and
 * decisions: KDC_PUBLIC_URL when set; otherwise the scheme and host the
 * request came in on (an officer downloading from https://kdc.example.vn
 * prints that address). Behind a proxy the forwarded host and scheme count
 * only from the proxies KDC_TRUST_PROXY names, as for the client's address.
 */
import type { FastifyRequest } from 'fastify';
import type { Env } from './env';

export function publicUrl(env: Env, request: FastifyRequest): string {
  return env.KDC_PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}
