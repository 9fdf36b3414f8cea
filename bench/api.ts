/**
 * The API under load, as officers open the same lists on a deadline day:
 * the real server (with the demo) on PGlite and on PostgreSQL, signed in as
 * the city officer, driven by autocannon (10 connections, a few seconds per
 * route), beside a bare Fastify route sending bytes of the same size in the
 * same run — the floor this machine allows.
 *
 *   BENCH api-floor-rps / api-floor-p99
 *   BENCH api-<db>-<route>-rps <n> req/s, BENCH api-<db>-<route>-p99 <ms> ms
 *
 * PostgreSQL is used when KDC_BENCH_DATABASE_URL is set or the local test
 * server answers at 127.0.0.1:5432 (in a throwaway schema, dropped after).
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { createServer } from '../src/server/app';
import { readEnv } from '../src/server/env';
import { signIn } from './support';

const SECONDS = Number(process.env.KDC_BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

const ROUTES: Array<{ name: string; path: string }> = [
  { name: 'health', path: '/api/health' },
  { name: 'units-search', path: `/api/units?q=${encodeURIComponent('tan phong')}` },
  { name: 'summary', path: '/api/programs/laichau-tqpttd/summary?year=2024' },
  { name: 'areas', path: '/api/programs/laichau-tqpttd/areas?year=2024' },
  { name: 'dashboard', path: '/api/programs/laichau-tqpttd/dashboard?year=2024' },
];

async function load(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

const lines = (name: string, r: { rps: number; p99: number; errors: number }) => [
  `BENCH ${name}-rps ${r.rps.toFixed(0)} req/s`,
  `BENCH ${name}-p99 ${r.p99.toFixed(0)} ms`,
  ...(r.errors ? [`# ${name}: ${r.errors} errors or non-2xx replies`] : []),
];

/** A bare Fastify route answering the bytes the areas list answers: what HTTP alone costs here. */
async function floor(bytes: number): Promise<string[]> {
  const body = JSON.stringify({ rows: 'x'.repeat(Math.max(0, bytes - 12)) });
  const app = Fastify({ logger: false });
  app.get('/', async (_request, reply) => reply.type('application/json').send(body));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return lines('api-floor', await load(address));
  } finally {
    await app.close();
  }
}

async function postgres(): Promise<{ database: Database; drop: () => Promise<void> } | null> {
  const url = process.env.KDC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const schema = `kdc_bench_api_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    database: await openDatabase({ url: withSchema.toString(), migrationsSchema: schema }),
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The real server with the demo, signed in as `thanhpho`; every route driven in turn. */
async function server(label: string, database: Database): Promise<{ lines: string[]; areasBytes: number }> {
  const app = await createServer({ database, env: readEnv({ KDC_DEMO: '1' }), demo: true, webRoot: '/nonexistent' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const out: string[] = [];
  let areasBytes = 0;
  try {
    const cookie = await signIn(address);
    const areas = await fetch(`${address}${ROUTES[3]!.path}`, { headers: { cookie } });
    areasBytes = (await areas.arrayBuffer()).byteLength;
    for (const route of ROUTES) out.push(...lines(`api-${label}-${route.name}`, await load(`${address}${route.path}`, { cookie })));
  } finally {
    await app.close();
  }
  return { lines: out, areasBytes };
}

export async function benchApi(): Promise<string[]> {
  const out: string[] = [];
  const embedded = await openDatabase({});
  let areasBytes = 0;
  try {
    const r = await server('pglite', embedded);
    out.push(...r.lines);
    areasBytes = r.areasBytes;
  } finally {
    await embedded.close();
  }
  const pgDatabase = await postgres();
  if (pgDatabase) {
    try {
      out.push(...(await server('pg', pgDatabase.database)).lines);
    } finally {
      await pgDatabase.database.close();
      await pgDatabase.drop();
    }
  } else {
    out.push('# PostgreSQL không sẵn sàng: bỏ qua các dòng api-pg-*');
  }
  out.push(...(await floor(areasBytes)), `# ${CONNECTIONS} kết nối, ${SECONDS} s mỗi tuyến; tuyến areas trả ${(areasBytes / 1024).toFixed(1)} KB`);
  return out;
}
