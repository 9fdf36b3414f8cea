/**
 * Accounts within the caller's reach (issue 12, finding 3). Managing an
 * account — resetting its password, deactivating it, renaming it, creating it
 * with a grant — needs a scope strictly wider than every grant the account
 * holds, and only an administrator manages administrators: the policy's
 * "account.manage" (src/app/policy). The list shows the accounts the policy
 * lets the caller read ("account.read": grants all inside the caller's
 * subtrees, administrators only to administrators), each saying whether the
 * caller may manage it, so the app offers actions only where they will be
 * accepted. A reset password or a
 * deactivation ends the account's sessions. Password hashes never leave
 * this module.
 */
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { userRoles, users } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor, Role } from '../actor';
import { recordAudit } from '../audit';
import { hashNewPassword } from '../auth/password';
import { endSessions } from '../auth/sessions';
import { AppError, forbidden, invalid } from '../errors';
import { can } from '../policy';
import { accountFor, grantsOf, requireRole, unitFor } from '../policy/loaders';

interface Grant {
  role: string;
  unitPath: string;
}

/** Whether the actor may manage an account holding these grants (the policy's "account.manage"). */
export function managesAccount(actor: Actor, grants: Grant[]): boolean {
  return can(actor, 'account.manage', { kind: 'account', grants });
}

function requireManager(actor: Actor): void {
  requireRole(actor, 'account.manage');
}

/** The accounts the caller may read (every one for the command line, the system actor). */
export async function listUsers(db: Queryable, actor: Actor) {
  requireManager(actor);
  const all = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(users)
    .orderBy(users.username);
  const grants = await grantsOf(
    db,
    all.map((u) => u.id),
  );
  return all
    .map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }))
    .filter((u) => can(actor, 'account.read', { kind: 'account', grants: u.grants }))
    .map((u) => ({ ...u, manageable: managesAccount(actor, u.grants), grants: u.grants.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })) }));
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: number;
}

/** The one rule for a user name, shared with the user import: "nguyen.van-a", 3–40 characters. */
export const USERNAME_RULE = 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới';
export function normalUsername(text: string): string | null {
  const username = nfc(text.trim()).toLowerCase();
  return /^[a-z0-9._-]{3,40}$/.test(username) ? username : null;
}

/** Whether the actor may create an account with this grant; the command line (the system) may create any, the first administrator included. */
async function assertMayCreate(db: Queryable, actor: Actor, role: Role, unitId: number) {
  requireManager(actor);
  const unit = await unitFor(db, actor, unitId, 'unit.create-account');
  if (role === 'admin' && !managesAccount(actor, [{ role: 'admin', unitPath: unit.path }]))
    throw forbidden('Chỉ quản trị hệ thống mới tạo được tài khoản quản trị');
  if (!managesAccount(actor, [{ role, unitPath: unit.path }]))
    throw forbidden(`Tài khoản cấp ${unit.name} do cấp trên của ${unit.name} tạo; bạn tạo được tài khoản cho các đơn vị trực thuộc`);
  return unit;
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput) {
  const unit = await assertMayCreate(db, actor, input.role, input.unitId);
  const username = normalUsername(input.username);
  if (!username) throw invalid(USERNAME_RULE);
  if (!input.displayName.trim()) throw invalid('Tên hiển thị không được để trống');
  const passwordHash = await hashNewPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw new AppError('conflict', `Tên đăng nhập "${username}" đã có`);
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: nfc(input.displayName.trim()), passwordHash })
      .returning({ id: users.id, username: users.username, displayName: users.displayName, active: users.active });
    await tx.insert(userRoles).values({ userId: user!.id, role: input.role, unitId: unit.id });
    await recordAudit(tx, actor, {
      action: 'create-user',
      entity: 'user',
      entityId: user!.id,
      unitId: unit.id,
      after: { ...user, role: input.role, unitId: unit.id },
    });
    return { ...user!, manageable: true, grants: [{ role: input.role, unitId: unit.id, unitName: unit.name }] };
  });
}

export async function updateUser(db: Db, actor: Actor, userId: number, input: { active?: boolean; displayName?: string; password?: string }) {
  requireManager(actor);
  const { user, grants } = await accountFor(db, actor, userId, 'account.manage');
  const change = {
    ...(input.active !== undefined ? { active: input.active } : {}),
    ...(input.displayName ? { displayName: nfc(input.displayName.trim()) } : {}),
    ...(input.password ? { passwordHash: await hashNewPassword(input.password) } : {}),
  };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set(change)
      .where(eq(users.id, userId))
      .returning({ id: users.id, username: users.username, displayName: users.displayName, active: users.active });
    // A reset password or a deactivated account: whoever was signed in as it is signed out.
    const sessionsEnded = input.password || input.active === false ? await endSessions(tx, userId) : 0;
    await recordAudit(tx, actor, {
      action: 'update-user',
      entity: 'user',
      entityId: userId,
      unitId: grants[0]?.unitId ?? null,
      before: { active: user.active, displayName: user.displayName },
      after: { active: updated!.active, displayName: updated!.displayName, passwordChanged: Boolean(input.password), sessionsEnded },
    });
    return updated!;
  });
}
