/**
 * Issue 12, finding 13 and issue 11 (server side): security headers on every
 * reply, `Cache-Control: no-store` on every API reply, HSTS only behind
 * HTTPS, compressed text (brotli or gzip), hashed assets cached for a year,
 * the page itself revalidated on every visit.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { openTestDatabase } from '../support/db';
import { loginAs } from '../support/server';

let database: Database;
let plain: FastifyInstance;
let secure: FastifyInstance;
const script = `console.log(${JSON.stringify('khu dân cư '.repeat(400))});\n`;

beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'kdc-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(
    join(web, 'index.html'),
    `<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<p>KDC</p>'.repeat(200)}</body></html>`,
  );
  writeFileSync(join(web, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(web, 'manifest.webmanifest'), '{"name":"KDC"}');
  database = await openTestDatabase();
  plain = await createServer({ database, env: readEnv({ KDC_DEMO: '1' }), demo: true, webRoot: web });
  secure = await createServer({ database, env: readEnv({ KDC_DEMO: '1', KDC_SECURE_COOKIES: '1' }), demo: false, webRoot: web });
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  await database?.close();
});

describe('security headers', () => {
  it('are on the page and on API replies', async () => {
    for (const url of ['/', '/api/health', '/api/units/1']) {
      const res = await plain.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('add HSTS and upgrade-insecure-requests only behind HTTPS (KDC_SECURE_COOKIES=1)', async () => {
    const res = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('caching', () => {
  it('no API reply is stored, signed in or not, success or error', async () => {
    const client = await loginAs(plain, 'thanhpho');
    for (const res of [
      await plain.inject({ method: 'GET', url: '/api/health' }),
      await plain.inject({ method: 'GET', url: '/api/units' }),
      await client.get('/api/auth/me'),
      await client.get('/api/programs/laichau-tqpttd/summary?year=2024'),
      await client.get('/api/khong-co'),
      await client.get('/api/programs/laichau-tqpttd/reports/danh-sach?year=2024'),
    ])
      expect(res.headers['cache-control'], res.body.slice(0, 80)).toBe('no-store');
  });

  it('hashed assets are immutable for a year; the page and unhashed files are revalidated', async () => {
    expect((await plain.inject({ method: 'GET', url: '/assets/index-AbC123.js' })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await plain.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await plain.inject({ method: 'GET', url: '/index.html' })).headers['cache-control']).toBe('no-cache');
    expect((await plain.inject({ method: 'GET', url: '/manifest.webmanifest' })).headers['cache-control']).toBe('no-cache');
    expect((await plain.inject({ method: 'GET', url: '/khu-dan-cu/5' })).headers['cache-control']).toBe('no-cache');
  });
});

describe('compression', () => {
  it('sends scripts, the page and API replies compressed with brotli or gzip', async () => {
    const br = await plain.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await plain.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('<p>KDC</p>');
    const client = await loginAs(plain, 'thanhpho');
    const api = await client.request({ method: 'GET', url: '/api/programs/laichau-tqpttd/dashboard?year=2024', headers: { 'accept-encoding': 'br' } });
    expect(api.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(api.rawPayload).toString()).summary).toBeDefined();
  });

  it('never for a client that does not ask', async () => {
    const res = await plain.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
  });
});
