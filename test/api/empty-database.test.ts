/**
 * docs/deployment.md, "From an empty database to a working programme", word for
 * word: every `npx kdc …` line of that section is read from the page and run
 * through the real command, in order, on an EMPTY database (no demo); then one
 * area goes through registration → self-assessment → board → council →
 * decision over the HTTP API as the page's table says, signed in with the
 * passwords the commands printed; then `kdc report` shows it recognised.
 * On PGlite by default; on PostgreSQL with KDC_TEST_DATABASE_URL (a database
 * of its own, migrated by the owner and used as kdc_app when
 * KDC_TEST_APP_DATABASE_URL is set, as production does).
 *
 * Also: bad input to the new commands is refused in Vietnamese and writes
 * nothing, and every step left its audit entry.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client';
import { auditLog, programs, users } from '../../src/db/schema';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { runKdc } from '../support/cli';
import { loginAs } from '../support/server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(join(root, 'docs/deployment.md'), 'utf8');
const section = page.slice(page.indexOf('## From an empty database to a working programme'), page.indexOf('## Health and API description'));
/** The page's command lines, in order. */
const LINES = section.split('\n').filter((l) => l.startsWith('npx kdc '));

/** A command line as the shell splits it (double quotes only, as the page writes them). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

let dir = '';
let env: Record<string, string> = {};
let pgDatabase: { ownerUrl: string; name: string } | null = null;
let appUrl: string | undefined;
const done = new Set<string>();

/** Runs the page's next line that starts with `prefix` (e.g. "npx kdc import units"), and checks it succeeded. */
function step(prefix: string) {
  const line = LINES.find((l) => l.startsWith(prefix) && !done.has(l));
  if (!line) throw new Error(`docs/deployment.md has no line starting "${prefix}"`);
  done.add(line);
  const r = runKdc(words(line).slice(2), { env });
  expect(r.stderr, line).toBe('');
  expect(r.code, line).toBe(0);
  return r;
}

function kdc(...args: string[]) {
  return runKdc(args, { env });
}

/** The database as the tests open it in-process (the server, the checks); closed before the next `kdc`. */
async function open(): Promise<Database> {
  // As the application's role, with the owner's connection to (not) migrate, as the server is run in production.
  return appUrl ? openDatabase({ url: appUrl, migrationUrl: pgDatabase!.ownerUrl }) : openDatabase({ dataDir: join(dir, 'data') });
}

async function withOpen<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kdc-empty-'));
  const url = process.env.KDC_TEST_DATABASE_URL;
  if (url) {
    const name = `test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const owner = new URL(url);
    owner.pathname = `/${name}`;
    const app = process.env.KDC_TEST_APP_DATABASE_URL;
    const asApp = new URL(owner);
    if (app) {
      asApp.username = new URL(app).username;
      asApp.password = new URL(app).password;
    }
    pgDatabase = { ownerUrl: owner.toString(), name };
    appUrl = asApp.toString();
    env = { KDC_DEMO: '0', DATABASE_URL: appUrl, KDC_MIGRATION_DATABASE_URL: owner.toString() };
  } else {
    env = { KDC_DEMO: '0', KDC_DATA_DIR: join(dir, 'data') };
  }
}, 60_000);

afterAll(async () => {
  if (!pgDatabase) return;
  const client = new pg.Client({ connectionString: process.env.KDC_TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP DATABASE ${pgDatabase.name} WITH (FORCE)`);
  await client.end();
});

const passwords = new Map<string, string>();

describe('from an empty database to a recognised area (docs/deployment.md)', () => {
  it(
    'the page runs: migrate, units, the first administrator, the programme from a criteria file, its settings, the accounts',
    { timeout: 600_000 },
    async () => {
      expect(LINES.length).toBeGreaterThanOrEqual(8);
      step('npx kdc migrate');
      expect(step('npx kdc import units').stdout).toBe('Đã nhập 4 dòng: 4 đơn vị mới, 0 đơn vị cập nhật.\n');
      const admin = step('npx kdc user create quantri');
      const adminPassword = /Mật khẩu \(chỉ hiện một lần[^)]*\): (\S+)/.exec(admin.stdout)?.[1];
      expect(adminPassword).toMatch(/^\S{14}$/);
      passwords.set('quantri', adminPassword!);
      const created = step('npx kdc program create');
      expect(created.stdout).toContain('Đã tạo phong trào banlang-kdc.');
      expect(created.stdout).toContain('Bộ tiêu chí banlang-ban-tu-quan@2026: năm 2026–2030');
      expect(created.stdout).toContain(
        'tu-quan: Bản tự quản, phát triển toàn diện — thẩm định cấp xã, xét cấp xã, quyết định cấp xã (Ủy ban nhân dân xã Bản Lang)',
      );
      const set = step('npx kdc program set');
      expect(set.stdout).toContain('năm 2026: 1');
      expect(set.stdout).toContain('31/03: Khu dân cư đăng ký (register)');
      expect(set.stdout).toContain('tu-quan, công nhận lần đầu: 2.000.000 đ');
      expect(set.stdout).toContain('tu-quan, giữ vững: 500.000 đ');
      const imported = step('npx kdc import users');
      expect(imported.stdout).toContain('Đã nhập 4 dòng: 4 tài khoản mới, 0 tài khoản đã có giữ nguyên.');
      for (const [, username, password] of imported.stdout.matchAll(/^([a-z0-9._-]+)\t(\S+)$/gm)) passwords.set(username!, password!);
      expect([...passwords.keys()].sort()).toEqual(['canbo.banlang', 'hoidong.banlang', 'quantri', 'thamdinh.banlang', 'truongban.namdang']);
      const shown = step('npx kdc program show');
      expect(shown.stdout).toContain('Người ký: Chủ tịch Lò Văn Minh');
      expect(shown.stdout).toContain('Cơ quan ban hành văn bản: Ủy ban nhân dân xã Bản Lang');

      // The same file twice changes nothing; its passwords are not printed again.
      const again = kdc('import', 'users', 'docs/samples/tu-dau/nguoi-dung.csv');
      expect(again.stdout).toBe('Đã nhập 4 dòng: 0 tài khoản mới, 4 tài khoản đã có giữ nguyên.\n');
    },
  );

  // The rules behind each command are tried one by one over the API (test/api/program-admin.test.ts); here, what the
  // command line reads itself, and a few refusals from the database, each starting kdc once.
  it('bad input to the new commands is refused in Vietnamese and writes nothing', { timeout: 600_000 }, async () => {
    const snapshot = () => [kdc('program', 'show', 'banlang-kdc', '--format', 'json').stdout, kdc('user', 'list', '--format', 'json').stdout];
    const before = snapshot();
    expect(JSON.parse(before[1]!)).toHaveLength(5);
    writeFileSync(
      join(dir, 'sai.csv'),
      'username,display_name,role,unit,password\nAB,Người A,cán bộ,LC-BANLANG,\nnguoi.b,,giám đốc,LC-KHONGCO,123\nnguoi.c,Người C,trưởng thôn,LC-BANLANG-NAMDANG,\nnguoi.c,Người C,trưởng thôn,LC-BANLANG-NAMDANG,\n',
    );
    const sample = JSON.parse(readFileSync(join(root, 'docs/samples/tu-dau/bo-tieu-chi.json'), 'utf8'));
    writeFileSync(join(dir, 'sua-lai.json'), JSON.stringify({ ...sample, name: `${sample.name} (sửa)` }));
    writeFileSync(
      join(dir, 'hong.json'),
      JSON.stringify({ ...sample, sections: [{ code: '1', title: 'X', criteria: [{ code: '1.1', kind: 'khac', text: 'x' }] }] }),
    );
    const cases: Array<[string[], RegExp, string?]> = [
      [['user', 'create', 'nguoi.x', '--role', 'giám đốc', '--unit', 'LC'], /Vai trò "giám đốc" không hợp lệ/],
      [['user', 'create', 'Nguoi X', '--role', 'officer', '--unit', 'LC'], /Tên đăng nhập gồm 3–40 chữ thường/],
      [['user', 'create', 'canbo.banlang', '--role', 'officer', '--unit', 'LC-BANLANG'], /Tên đăng nhập "canbo.banlang" đã có/],
      [['user', 'create', 'nguoi.x', '--role', 'officer', '--unit', 'LC', '--password-stdin'], /Mật khẩu cần ít nhất 8 ký tự/, 'ngan\n'],
      [
        ['import', 'users', join(dir, 'sai.csv')],
        /Tệp có 6 lỗi, chưa ghi gì[\s\S]*dòng 2, cột A \(username\)[\s\S]*dòng 3, cột C \(role\): vai trò "giám đốc"[\s\S]*dòng 3, cột D \(unit\): không tìm thấy đơn vị "LC-KHONGCO"[\s\S]*dòng 3, cột E \(password\): mật khẩu cần ít nhất 8 ký tự[\s\S]*dòng 5, cột A \(username\): tên đăng nhập "nguoi.c" trùng với dòng 4/,
      ],
      [
        ['program', 'create', '--code', 'banlang-kdc', '--name', 'X', '--owner', 'LC-BANLANG', '--criteria', 'laichau-tqpttd'],
        /Mã phong trào "banlang-kdc" đã có/,
      ],
      [
        ['program', 'create', '--code', 'Ban Lang', '--name', 'X', '--owner', 'LC-BANLANG', '--criteria', 'laichau-tqpttd'],
        /--code "Ban Lang": mã phong trào gồm 2–60 chữ thường/,
      ],
      [
        ['program', 'create', '--code', 'khung-kdc', '--name', 'X', '--owner', 'LC-BANLANG', '--criteria', 'nd86-thon-tdp-van-hoa'],
        /là bộ khung mẫu, tỉnh cần hoàn thiện/,
      ],
      [
        ['program', 'create', '--code', 'hong-kdc', '--name', 'X', '--owner', 'LC-BANLANG', '--criteria', join(dir, 'hong.json')],
        /Bộ tiêu chí không hợp lệ:[\s\S]*\$\.sections\[0\]\.criteria\[0\]\.kind/,
      ],
      [['program', 'create', '--code', 'excel-kdc', '--name', 'X', '--owner', 'LC-BANLANG', '--criteria', 'khong-co.xlsx'], /Không tìm thấy tệp khong-co.xlsx/],
      [['program', 'set', 'banlang-kdc', '--target', '2026=năm'], /--target "2026=năm": chỉ tiêu "năm" phải là số nguyên/],
      [['program', 'set', 'banlang-kdc', '--deadline', 'đăng ký=31/02'], /ngày "31\/02" không đúng dạng ngày\/tháng/],
      [['program', 'set', 'banlang-kdc', '--reward', 'kieu-mau:lần đầu=1.000.000'], /rewards\.0\.titleCode: phong trào không có danh hiệu "kieu-mau"/],
      [['program', 'set', 'banlang-kdc', '--appraise', 'thôn'], /--appraise "thôn" không hợp lệ/],
      [['program', 'publish', 'banlang-kdc', '--criteria', join(dir, 'sua-lai.json')], /phiên bản "2026" đã được công bố với nội dung khác/],
    ];
    for (const [args, message, input] of cases) {
      const r = runKdc(args, { env, input });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr, args.join(' ')).toMatch(VIETNAMESE);
    }
    expect(snapshot()).toEqual(before);
  });

  it('one area goes through registration, self-assessment, board, council and decision over the HTTP API', { timeout: 300_000 }, async () => {
    await withOpen(async (database) => {
      const app = await createServer({ database, env: readEnv({ KDC_DEMO: '0' }), demo: false, webRoot: '/nonexistent' });
      try {
        const as = (username: string) => loginAs(app, username, passwords.get(username));
        const admin = await as('quantri');
        const program = (await admin.get('/api/programs/banlang-kdc')).json();
        expect(program).toMatchObject({
          canAdminister: true,
          settings: { issuingBody: 'Ủy ban nhân dân xã Bản Lang', signerName: 'Lò Văn Minh', allowSameAssessor: false },
        });

        const head = await as('truongban.namdang');
        const me = (await head.get('/api/auth/me')).json();
        const unitId = me.user.grants[0].unitId as number;
        const registered = await head.post('/api/programs/banlang-kdc/registrations', { unitId, year: 2026, titleCode: 'tu-quan' });
        expect(registered.statusCode, registered.body).toBe(201);
        const id = registered.json().id as number;
        const values = {
          '1.1': { value: true },
          '1.2': { value: true },
          '1.3': { value: 97 },
          '2.1': { value: true },
          '2.2': { value: true },
          'II.1': { value: false },
        };
        expect((await head.put(`/api/registrations/${id}/scorecard`, { stage: 'self', values })).statusCode).toBe(200);
        expect((await head.post(`/api/registrations/${id}/actions`, { action: 'submit' })).statusCode).toBe(200);

        const board = await as('thamdinh.banlang');
        expect((await board.put(`/api/registrations/${id}/scorecard`, { stage: 'board', values })).statusCode).toBe(200);
        // Whoever appraised does not also propose (the programme keeps allowSameAssessor off).
        expect((await board.post(`/api/registrations/${id}/actions`, { action: 'propose' })).statusCode).toBe(403);
        const officer = await as('canbo.banlang');
        const proposed = await officer.post(`/api/registrations/${id}/actions`, { action: 'propose' });
        expect(proposed.statusCode, proposed.body).toBe(200);

        const council = await as('hoidong.banlang');
        const recommended = await council.post(`/api/registrations/${id}/actions`, { action: 'recommend' });
        expect(recommended.statusCode, recommended.body).toBe(200);

        const drafted = await officer.post('/api/programs/banlang-kdc/decisions', {
          year: 2026,
          titleCode: 'tu-quan',
          number: '125/QĐ-UBND',
          issuedOn: '2026-11-15',
          signer: 'Lò Văn Minh',
          signerTitle: 'Chủ tịch',
          issuingBody: 'Ủy ban nhân dân xã Bản Lang',
          registrationIds: [id],
        });
        expect(drafted.statusCode, drafted.body).toBe(201);
        const issued = await officer.post(`/api/decisions/${drafted.json().id}/issue`);
        expect(issued.statusCode, issued.body).toBe(200);
      } finally {
        await app.close();
      }
    });
  });

  it('kdc report shows the area recognised, the first time, with its reward', { timeout: 120_000 }, async () => {
    const r = step('npx kdc report');
    const report = JSON.parse(r.stdout);
    expect(report.recognized).toBe(1);
    expect(JSON.stringify(report.areas)).toContain('Bản Nậm Dạng');
    expect(report.areas[0]).toMatchObject({ name: 'Bản Nậm Dạng', status: 'lan-dau', reward: 2_000_000 });
    expect(
      LINES.filter((l) => !done.has(l)),
      'every command of the page was run',
    ).toEqual([]);
  });

  it('every change left its audit entry: the command line as the system, people as themselves', { timeout: 120_000 }, async () => {
    await withOpen(async ({ db }) => {
      const entries = await db.select().from(auditLog);
      const actions = (actorId: number | null) => entries.filter((e) => e.actorId === actorId).map((e) => e.action);
      expect(actions(null)).toEqual(expect.arrayContaining(['import', 'create-user', 'publish-criteria-set', 'create-program', 'update-program-settings']));
      expect(entries.filter((e) => e.action === 'create-program')).toHaveLength(1);
      expect(entries.filter((e) => e.entity === 'user' && e.actorId === null)).toHaveLength(5);
      const [program] = await db.select().from(programs).where(eq(programs.code, 'banlang-kdc'));
      const settings = entries.find((e) => e.action === 'update-program-settings')!;
      expect(settings).toMatchObject({ entity: 'program', entityId: String(program!.id), unitId: program!.ownerUnitId });
      expect((settings.after as { rewards: unknown[] }).rewards).toHaveLength(2);
      const [head] = await db.select().from(users).where(eq(users.username, 'truongban.namdang'));
      expect(actions(head!.id)).toEqual(expect.arrayContaining(['register', 'submit']));
      expect(entries.some((e) => e.action === 'issue-decision' || e.entity === 'decision')).toBe(true);
    });
  });
});
