/**
 * What the server holds when nobody asks it anything (issue 15: under 200 MB
 * idle on PostgreSQL): `kdc serve` started as production starts it, with the
 * demo, asked once for /api/health and a signed-in list, then left alone for
 * a few seconds; its resident memory is read from /proc.
 *
 *   BENCH server-rss-idle-pglite <MB> MB
 *   BENCH server-rss-idle-pg <MB> MB
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signIn, withThrowawayDatabase } from './support';

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function idleRss(env: Record<string, string>, port: number): Promise<number> {
  const child = spawn(process.execPath, ['bin/kdc.mjs', 'serve'], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(500);
    }
    const cookie = await signIn(base);
    await (await fetch(`${base}/api/programs/laichau-tqpttd/areas?year=2024`, { headers: { cookie } })).arrayBuffer();
    await sleep(5000);
    return rssMb(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchMemory(): Promise<string[]> {
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kdc-bench-rss-'));
  try {
    out.push(`BENCH server-rss-idle-pglite ${(await idleRss({ KDC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, 3931)).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgLine = await withThrowawayDatabase(
    'kdc_bench_rss',
    async (url) => `BENCH server-rss-idle-pg ${(await idleRss({ DATABASE_URL: url, KDC_DEMO: '1' }, 3932)).toFixed(0)} MB`,
  );
  out.push(pgLine ?? '# PostgreSQL không sẵn sàng: bỏ qua server-rss-idle-pg');
  return out;
}
