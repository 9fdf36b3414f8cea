/**
 * The web app's API types are generated from the server (npm run api:types):
 * a route whose request or answer changed without regenerating them fails
 * here, before the browser meets an answer it was not typed for. And every
 * JSON route declares its answer, so nothing in the client is typed by hand.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types';
import { demoServer } from '../support/server';

/** Routes that answer with a file (DOCX, XLSX, evidence bytes), not JSON. */
const FILE_ROUTES = new Set([
  'GET /api/evidence/{id}',
  'GET /api/decisions/{id}/document',
  'GET /api/programs/{code}/reports/{kind}',
  'GET /api/imports/templates/{kind}',
  'GET /api/units/{id}/titles/file',
  'GET /api/programs/{code}/criteria/form',
  'GET /api/criteria/template',
]);

let server: Awaited<ReturnType<typeof demoServer>>;
beforeAll(async () => {
  server = await demoServer();
});
afterAll(async () => {
  await server?.close();
});

describe('typed client', () => {
  it('src/web/api/schema.d.ts is what the server describes today (run npm run api:types)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });

  it('every JSON route declares its answer', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (FILE_ROUTES.has(name)) continue;
        const ok = Object.entries(op.responses ?? {}).some(([status, r]) => status.startsWith('2') && r.content?.['application/json']?.schema);
        if (!ok) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(spec.paths).length).toBeGreaterThan(30);
  });
});
