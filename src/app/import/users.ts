/**
 * Importing accounts from a list (CSV or XLSX): username, display_name, role,
 * unit[, password]. All or nothing: the whole file is checked — names, roles,
 * units, who may create which account — before one transaction writes it.
 * A row whose account already exists with the same name, role and unit is
 * left as it is (the same file twice changes nothing); an existing name with
 * another role or unit is a problem. Where the file gives no password one is
 * generated; the answer carries each new account's password once, to be
 * handed over, and the database keeps only its argon2 hash.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inBatches } from '../../db/batch';
import { userRoles, users } from '../../db/schema';
import { parseUserRows } from '../../core/import/users';
import { fieldProblem, type ImportProblemKind } from '../../core/import/sheet';
import { nfc } from '../../core/text/normalize';
import { isAdmin, type Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { generatePassword, hashNewPassword } from '../auth/password';
import { managesAccount, normalUsername, USERNAME_RULE } from '../users/manage';
import { unitResolver } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { notFound, notFoundInScope } from './reach';
import { decide } from '../policy';
import { readSheet } from './read';
import { DEMO_PASSWORD } from '../../demo/users';

export interface ImportedAccount {
  username: string;
  displayName: string;
  role: string;
  unitName: string;
  password: string | null;
  generated: boolean;
}

export async function importUsers(db: Db, actor: Actor, bytes: Buffer, filename: string, onProgress?: Progress) {
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, header } = parseUserRows(sheet, normalUsername, USERNAME_RULE);
  const resolver = unitResolver(db);
  await resolver.preload(records.map((r) => r.unit));
  const existing = new Map<string, { id: number; displayName: string; grants: Array<{ role: string; unitId: number }> }>();
  const names = records.map((r) => r.username).filter(Boolean);
  for (const batch of inBatches(names)) {
    const found = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, batch));
    const grants = found.length
      ? await db
          .select()
          .from(userRoles)
          .where(
            inArray(
              userRoles.userId,
              found.map((u) => u.id),
            ),
          )
      : [];
    for (const u of found) existing.set(u.username, { id: u.id, displayName: u.displayName, grants: grants.filter((g) => g.userId === u.id) });
  }

  const check = stepper(onProgress, 'check', records.length);
  const planned: Array<{ record: (typeof records)[number]; unitId: number; unitName: string }> = [];
  for (const [i, r] of records.entries()) {
    check(i + 1);
    const problem = (field: string, message: string, kind: ImportProblemKind) => problems.push(fieldProblem(sheet, header, r.row, field, message, kind));
    if (r.password === DEMO_PASSWORD) problem('password', `không dùng mật khẩu mẫu "${DEMO_PASSWORD}" của bản demo`, 'invalid-cell');
    const unit = r.unit ? await resolver.resolve(r.unit) : undefined;
    if (r.unit && !unit) {
      problem('unit', notFound(actor, r.unit, `không tìm thấy đơn vị "${r.unit}"`), 'unknown-unit');
      continue;
    }
    if (!unit || !r.role) continue;
    const reach = decide(actor, 'unit.create-account', { kind: 'unit', path: unit.path });
    if (!reach.ok) {
      if (reach.code === 'not-found') problem('unit', notFoundInScope(r.unit), 'unknown-unit');
      else problem('unit', `"${unit.name}" nằm ngoài phạm vi quản lý của bạn`, 'out-of-reach');
      continue;
    }
    if (r.role === 'admin' && !isAdmin(actor)) {
      problem('role', 'chỉ quản trị hệ thống mới tạo được tài khoản quản trị', 'out-of-reach');
      continue;
    }
    if (!managesAccount(actor, [{ role: r.role, unitPath: unit.path }])) {
      problem('unit', `tài khoản cấp ${unit.name} do cấp trên của ${unit.name} tạo`, 'out-of-reach');
      continue;
    }
    const kept = existing.get(r.username);
    if (kept) {
      const same = kept.grants.length === 1 && kept.grants[0]!.role === r.role && kept.grants[0]!.unitId === unit.id && kept.displayName === nfc(r.displayName);
      if (!same)
        problem(
          'username',
          `tên đăng nhập "${r.username}" đã có với họ tên, vai trò hoặc đơn vị khác; tài khoản đã có được sửa trong màn hình người dùng`,
          'exists',
        );
      continue;
    }
    planned.push({ record: r, unitId: unit.id, unitName: unit.name });
  }
  if (problems.length) refuse(problems);

  // Hashing is the slow part (argon2): done before the transaction, which then only writes.
  const write = stepper(onProgress, 'write', planned.length, 50);
  const prepared: Array<(typeof planned)[number] & { password: string; generated: boolean; passwordHash: string }> = [];
  for (const [i, p] of planned.entries()) {
    const password = p.record.password || generatePassword();
    prepared.push({ ...p, password, generated: !p.record.password, passwordHash: await hashNewPassword(password) });
    write(i + 1);
  }
  return db.transaction(async (tx) => {
    const accounts: ImportedAccount[] = [];
    const audit: AuditEntry[] = [];
    for (const p of prepared) {
      const [user] = await tx
        .insert(users)
        .values({ username: p.record.username, displayName: nfc(p.record.displayName), passwordHash: p.passwordHash })
        .onConflictDoNothing({ target: users.username })
        .returning({ id: users.id });
      if (!user) refuse([fieldProblem(sheet, header, p.record.row, 'username', `tên đăng nhập "${p.record.username}" vừa được tạo bởi người khác`, 'exists')]);
      await tx.insert(userRoles).values({ userId: user!.id, role: p.record.role!, unitId: p.unitId });
      audit.push({
        action: 'import',
        entity: 'user',
        entityId: user!.id,
        unitId: p.unitId,
        after: {
          username: p.record.username,
          displayName: nfc(p.record.displayName),
          role: p.record.role,
          unitId: p.unitId,
          file: filename,
          passwordGenerated: p.generated,
        },
      });
      accounts.push({
        username: p.record.username,
        displayName: nfc(p.record.displayName),
        role: p.record.role!,
        unitName: p.unitName,
        password: p.generated ? p.password : null,
        generated: p.generated,
      });
    }
    await recordAuditMany(tx, actor, audit);
    return { rows: records.length, created: accounts.length, unchanged: records.length - accounts.length, accounts };
  });
}
