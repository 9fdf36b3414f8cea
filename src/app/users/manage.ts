/**
 * Users within the caller's scope: an officer sees and creates accounts for
 * units under their own; only an administrator creates administrators.
 * Password hashes never leave this module.
 */
import { hash } from '@node-rs/argon2';
import { eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { units, userRoles, users } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import { isAdmin, type Actor, type Role } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { coversPath, requireCapability, requireUnit } from '../scope';

async function grantsOf(db: Queryable, userIds: number[]) {
  if (!userIds.length) return [];
  return db.select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId, unitName: units.name, unitPath: units.path })
    .from(userRoles).innerJoin(units, eq(units.id, userRoles.unitId)).where(inArray(userRoles.userId, userIds));
}

export async function listUsers(db: Queryable, actor: Actor) {
  requireCapability(actor, 'manage');
  const all = await db.select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active }).from(users);
  const grants = await grantsOf(db, all.map((u) => u.id));
  return all
    .map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }))
    .filter((u) => isAdmin(actor) || (u.grants.length > 0 && u.grants.every((g) => coversPath(actor, g.unitPath, 'manage'))))
    .map((u) => ({ ...u, grants: u.grants.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })) }));
}

export interface CreateUserInput { username: string; displayName: string; password: string; role: Role; unitId: number }

export async function createUser(db: Db, actor: Actor, input: CreateUserInput) {
  requireCapability(actor, 'manage');
  const unit = await requireUnit(db, actor, input.unitId, 'manage');
  if (input.role === 'admin' && !isAdmin(actor)) throw forbidden('Chỉ quản trị hệ thống mới tạo được tài khoản quản trị');
  const username = nfc(input.username.trim()).toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw invalid('Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch');
  const passwordHash = await hash(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw new AppError('conflict', `Tên đăng nhập "${username}" đã có`);
    const [user] = await tx.insert(users).values({ username, displayName: nfc(input.displayName.trim()), passwordHash }).returning({ id: users.id, username: users.username, displayName: users.displayName, active: users.active });
    await tx.insert(userRoles).values({ userId: user!.id, role: input.role, unitId: unit.id });
    await recordAudit(tx, actor, { action: 'create-user', entity: 'user', entityId: user!.id, unitId: unit.id, after: { ...user, role: input.role, unitId: unit.id } });
    return { ...user!, grants: [{ role: input.role, unitId: unit.id, unitName: unit.name }] };
  });
}

export async function updateUser(db: Db, actor: Actor, userId: number, input: { active?: boolean; displayName?: string; password?: string }) {
  requireCapability(actor, 'manage');
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const grants = user ? await grantsOf(db, [user.id]) : [];
  const manageable = user && (isAdmin(actor) || (grants.length > 0 && grants.every((g) => coversPath(actor, g.unitPath, 'manage'))));
  if (!manageable) throw notFound('người dùng');
  const change = {
    ...(input.active !== undefined ? { active: input.active } : {}),
    ...(input.displayName ? { displayName: nfc(input.displayName.trim()) } : {}),
    ...(input.password ? { passwordHash: await hash(input.password) } : {}),
  };
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(users).set(change).where(eq(users.id, userId)).returning({ id: users.id, username: users.username, displayName: users.displayName, active: users.active });
    await recordAudit(tx, actor, {
      action: 'update-user', entity: 'user', entityId: userId, unitId: grants[0]?.unitId ?? null,
      before: { active: user.active, displayName: user.displayName }, after: { active: updated!.active, displayName: updated!.displayName, passwordChanged: Boolean(input.password) },
    });
    return updated!;
  });
}
