/**
 * Issue 12, findings 9 and 24, on the real processes:
 * - the server listens on 127.0.0.1 unless HOST says otherwise, and its
 *   start-up message says whether the demo accounts (published password)
 *   are on;
 * - the embedded data directory is 0700 and its files 0600, for the server
 *   and for `kdc`; a backup file is 0600; a second process may not open a
 *   data directory the server holds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/server/env';
import { startupMessage } from '../../src/server/main';
import { runKdc } from '../support/cli';

const bin = fileURLToPath(new URL('../../bin/kdc.mjs', import.meta.url));

/** Every file and folder under `dir` whose mode lets anyone but the owner in. */
function open(dir: string): string[] {
  const loose: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).mode & 0o077) loose.push(`${path} ${(statSync(path).mode & 0o777).toString(8)}`);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return loose;
}

const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

function externalAddress(): string | undefined {
  const nets = Object.values(networkInterfaces()).flat();
  return nets.find((n) => n && n.family === 'IPv4' && !n.internal)?.address;
}

describe('the server process', () => {
  it('listens on 127.0.0.1 by default, says the demo is on, keeps its data private', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kdc-serve-')), 'data');
    const env: NodeJS.ProcessEnv = { ...process.env, KDC_DATA_DIR: dir, PORT: '0', KDC_DEMO: '1' };
    delete env.HOST;
    const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const started = Date.now();
      while (!/KDC sẵn sàng tại http:\/\/127\.0\.0\.1:(\d+)/.test(out) && child.exitCode === null && Date.now() - started < 150_000)
        await new Promise((r) => setTimeout(r, 200));
      const port = Number(/KDC sẵn sàng tại http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      expect(port, out).toBeGreaterThan(0);
      expect(out).toContain('CHẾ ĐỘ DEMO');
      expect(out).toContain('demo1234');
      expect(await reachable('127.0.0.1', port)).toBe(true);
      const outside = externalAddress();
      if (outside) expect(await reachable(outside, port)).toBe(false);
      expect(open(dir)).toEqual([]);
      // The server holds the directory: a second process is refused instead of corrupting it.
      const second = runKdc(['purge'], { env: { KDC_DATA_DIR: dir } });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain('đang được một tiến trình KDC khác dùng');
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  }, 200_000);

  it('the start-up message says when the demo is off, and warns when the demo is open to the network', () => {
    expect(startupMessage(readEnv({ KDC_DEMO: '0' }), 3000, 'PostgreSQL', 1)).toContain('Chế độ demo tắt');
    expect(readEnv({}).HOST).toBe('127.0.0.1');
    expect(startupMessage(readEnv({ KDC_DEMO: '1', HOST: '0.0.0.0' }), 3000, 'x', 1)).toContain('CẢNH BÁO: chế độ demo đang mở ra mạng');
  });
});

describe('kdc on an embedded database', () => {
  it('creates the data directory 0700 with files 0600, and writes backups 0600', () => {
    const root = mkdtempSync(join(tmpdir(), 'kdc-cli-perm-'));
    const dir = join(root, 'data');
    const backup = join(root, 'sao-luu.jsonl.gz');
    const run = runKdc(['backup', backup], { env: { KDC_DATA_DIR: dir } });
    expect(run.stderr).toBe('');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(open(dir)).toEqual([]);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  }, 180_000);
});
