/** What several benchmarks share: signing in as the city officer, and a throwaway PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Signs in as `thanhpho` (demo) and returns the session cookie. */
export async function signIn(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thanhpho', password: 'demo1234' }),
  });
  if (!login.ok) throw new Error(`đăng nhập thất bại: ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Runs `use` with the URL of a new, empty PostgreSQL database, dropped after;
 * null when no PostgreSQL answers (KDC_BENCH_DATABASE_URL, or the local test server).
 */
export async function withThrowawayDatabase<T>(prefix: string, use: (url: string) => Promise<T>): Promise<T | null> {
  const url = process.env.KDC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const own = new URL(url);
    own.pathname = `/${name}`;
    return await use(own.toString());
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}
