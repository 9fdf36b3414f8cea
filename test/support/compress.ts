/**
 * gzip for text answers (HTML, JS, CSS, JSON) in the test and bench servers,
 * as a production server sends them. The KDC server itself is getting
 * compression (@fastify/compress) on another branch; until then the first-load
 * measurement must not time an uncompressed download no phone would see.
 */
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const TEXT = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg)/;

async function bytesOf(payload: unknown): Promise<Buffer | null> {
  if (typeof payload === 'string') return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  if (payload instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks);
  }
  return null;
}

export function gzipTextAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.getHeader('content-encoding') || !/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return payload;
    if (!TEXT.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const bytes = await bytesOf(payload);
    if (!bytes) return payload;
    reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').removeHeader('content-length');
    return gzipSync(bytes);
  });
}
