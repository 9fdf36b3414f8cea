/**
 * Issue 12, finding 11 (the database side): the application's own database
 * role owned the audit table, so it could disable the append-only trigger.
 * On PostgreSQL the owner migrates and the application connects as `kdc_app`,
 * which may append to and read the audit log but not UPDATE, DELETE,
 * TRUNCATE or ALTER it, and cannot drop its trigger — while it still changes
 * every other table. PostgreSQL only (PGlite has one user): skipped without
 * KDC_TEST_DATABASE_URL; CI runs every database test as kdc_app as well.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/app/audit';
import { openDatabase, type Database } from '../../src/db/client';
import { openTestDatabase } from '../support/db';

const ownerUrl = process.env.KDC_TEST_DATABASE_URL;
if (!ownerUrl) console.log('Bỏ qua kiểm thử quyền của tài khoản CSDL ứng dụng: cần KDC_TEST_DATABASE_URL (PostgreSQL)');

describe.skipIf(!ownerUrl)('the application role on PostgreSQL', () => {
  let owned: Database & { schema?: string };
  let app: pg.Client;
  beforeAll(async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    // The role is the cluster's; CI creates it (.ci/run). Made here too so the test runs anywhere the owner may.
    await owner.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kdc_app') THEN CREATE ROLE kdc_app LOGIN; END IF; END $$`);
    await owner.end();
    owned = await openTestDatabase();
    const appUrl = new URL(ownerUrl!);
    appUrl.username = 'kdc_app';
    appUrl.searchParams.set('options', `-c search_path=${owned.schema}`);
    app = new pg.Client({ connectionString: appUrl.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await owned?.close();
  });

  const refused = async (statement: string) => {
    const error = await app.query(statement).then(
      () => null,
      (e: { code?: string }) => e,
    );
    return error?.code;
  };

  it('appends to and reads the audit log', async () => {
    await app.query(`INSERT INTO audit_log (action, entity) VALUES ('thu', 'thu')`);
    expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBeGreaterThan(0);
  });

  it('may not update, delete, truncate or alter it, nor drop its trigger', async () => {
    expect(await refused(`UPDATE audit_log SET action = 'sua'`)).toBe('42501');
    expect(await refused('DELETE FROM audit_log')).toBe('42501');
    expect(await refused('TRUNCATE audit_log')).toBe('42501');
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refused('DROP TRIGGER audit_log_no_update_delete ON audit_log')).toBe('42501');
    expect(await refused('ALTER TABLE audit_log OWNER TO kdc_app')).toBe('42501');
  });

  it('still changes the other tables, and starts a server with nothing to migrate', async () => {
    await app.query(`INSERT INTO units (code, name, name_folded, kind, path, depth) VALUES ('Q', 'Tỉnh Q', 'tinh q', 'tinh', '/', 0)`);
    await app.query(`UPDATE units SET name = 'Tỉnh Q mới' WHERE code = 'Q'`);
    await app.query(`DELETE FROM units WHERE code = 'Q'`);
    const appUrl = new URL(ownerUrl!);
    appUrl.username = 'kdc_app';
    appUrl.searchParams.set('options', `-c search_path=${owned.schema}`);
    const asApp = await openDatabase({ url: appUrl.toString(), migrationsSchema: owned.schema });
    await recordAudit(asApp.db, null, { action: 'thu-2', entity: 'thu' });
    await asApp.close();
  });
});
