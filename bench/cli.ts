/**
 * How soon the `kdc` command answers (issue 15: a command that starts at once).
 *
 *   BENCH cli-floor          `node -e ""`: what starting Node costs on this machine
 *   BENCH cli-start          `kdc criteria list`, the compiled command (dist/cli)
 *   BENCH cli-start-source   the same through tsx, as every start was before the build
 *   BENCH cli-report-pglite  `kdc report` on an embedded data directory holding the demo
 *   BENCH cli-report-pg      the same on PostgreSQL (a throwaway database, dropped after)
 *
 * Each figure is the median of a few runs, in milliseconds of wall time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withThrowawayDatabase } from './support';

const BIN = 'bin/kdc.mjs';
const REPORT = ['report', '--program', 'laichau-tqpttd', '--year', '2024', '--format', 'json'];

function run(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return ms;
}

function median(times: number): (args: string[], env?: Record<string, string>) => number {
  return (args, env) => {
    const all = Array.from({ length: times }, () => run(args, env)).sort((a, b) => a - b);
    return all[Math.floor(all.length / 2)]!;
  };
}

const line = (name: string, ms: number) => `BENCH ${name} ${ms.toFixed(0)} ms`;

async function onPostgres(): Promise<string[]> {
  const lines = await withThrowawayDatabase('kdc_bench_cli', async (url) => {
    const env = { DATABASE_URL: url, KDC_DEMO: '1' };
    run([BIN, 'demo'], env);
    return [line('cli-report-pg', median(3)([BIN, ...REPORT], env))];
  });
  return lines ?? ['# PostgreSQL không sẵn sàng: bỏ qua cli-report-pg'];
}

export async function benchCli(): Promise<string[]> {
  run(['scripts/build-cli.mjs']);
  const out = [
    line('cli-floor', median(5)(['-e', ''])),
    line('cli-start', median(5)([BIN, 'criteria', 'list'])),
    line('cli-start-source', median(3)([BIN, 'criteria', 'list'], { KDC_FROM_SOURCE: '1' })),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'kdc-bench-cli-'));
  try {
    const env = { KDC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    run([BIN, 'demo'], env);
    out.push(line('cli-report-pglite', median(3)([BIN, ...REPORT], env)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out.push(...(await onPostgres()));
  return out;
}
