/**
 * Issue 12, finding 10: two backups taken during 400 writes both stopped at
 * write 236 (tables read one after another, each as it stood then); files
 * were mode 0644 and carried session-token hashes, CSRF tokens and password
 * hashes; restored sessions stayed valid. Now: one snapshot for every table,
 * mode 0600, no sessions, CSRF tokens or login attempts — password hashes
 * kept, so people sign in to the restored copy, but with a new session.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../src/app/backup/backup';
import type { Database } from '../../src/db/client';
import { unitParents, units } from '../../src/db/schema';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { openTestDatabase } from '../support/db';
import { demoServer, loginAs } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'kdc-backup-'));
const lines = (file: string) =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { table?: string; rows?: Array<Record<string, unknown>> });

let server: Awaited<ReturnType<typeof demoServer>>;
let copy: Database;
beforeAll(async () => {
  server = await demoServer();
  copy = await openTestDatabase();
});
afterAll(async () => {
  await server?.close();
  await copy?.close();
});

describe('a backup taken while people write', () => {
  it('holds each change whole: a unit and its parent record, both or neither', async () => {
    const [root] = await server.db
      .select()
      .from(units)
      .where(sql`${units.parentId} IS NULL`)
      .limit(1);
    let stop = false;
    let written = 0;
    const inserted = new Set<number>();
    // Each write adds a unit and its parent record in one transaction.
    const writer = (async () => {
      while (!stop && written < 400) {
        await server.db.transaction(async (tx) => {
          const [u] = await tx
            .insert(units)
            .values({ code: `BK-${written}`, name: `Thôn ${written}`, nameFolded: `thon ${written}`, kind: 'thon', parentId: root!.id, path: '', depth: 1 })
            .returning();
          await tx.insert(unitParents).values({ unitId: u!.id, parentId: root!.id });
          inserted.add(u!.id);
        });
        written++;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const file = join(dir, 'dang-ghi.jsonl.gz');
    await writeBackup(server.db, file);
    stop = true;
    await writer;
    const content = lines(file);
    const rows = (table: string) => content.filter((l) => l.table === table).flatMap((l) => l.rows!);
    const unitIds = rows('units')
      .map((r) => Number(r.id))
      .filter((id) => inserted.has(id))
      .sort((a, b) => a - b);
    const parentIds = rows('unit_parents')
      .map((r) => Number(r.unit_id))
      .filter((id) => inserted.has(id))
      .sort((a, b) => a - b);
    expect(unitIds.length).toBeGreaterThan(0);
    expect(parentIds).toEqual(unitIds);
  });
});

describe('what a backup holds and how it is kept', () => {
  let file = '';
  let oldCookie = '';
  beforeAll(async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tanphong', password: 'demo1234' } });
    oldCookie = res.cookies.find((c) => c.name === 'kdc_session')!.value;
    await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tanphong', password: 'sai' } });
    file = join(dir, 'sao-luu.jsonl.gz');
    writeFileSync(file, 'cũ'); // an older file in its place keeps no looser mode
    await writeBackup(server.db, file);
  });

  it('is readable by its owner only', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('has no sessions, CSRF tokens or login attempts; keeps password hashes', () => {
    const tables = new Set(
      lines(file)
        .map((l) => l.table)
        .filter(Boolean),
    );
    expect(tables.has('sessions')).toBe(false);
    expect(tables.has('login_attempts')).toBe(false);
    const usersRows = lines(file)
      .filter((l) => l.table === 'users')
      .flatMap((l) => l.rows!);
    expect(usersRows.every((u) => String(u.password_hash).startsWith('$argon2'))).toBe(true);
  });

  it('restored, no old session is valid, and people sign in again', async () => {
    await restoreBackup(copy.db, file);
    const app = await createServer({ database: copy, env: readEnv({ KDC_DEMO: '1' }), demo: false, webRoot: '/nonexistent' });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `kdc_session=${oldCookie}` } })).json().user).toBeNull(); // no session: nobody signed in
      const again = await loginAs(app, 'tanphong');
      expect((await again.get('/api/auth/me')).json().user).not.toBeNull();
    } finally {
      await app.close();
    }
  });
});
