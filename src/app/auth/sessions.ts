/**
 * Sessions live in the database: the cookie carries a random token, the table
 * only its SHA-256, so a leaked table does not leak sessions, and any server
 * instance can serve any request. A changed password or a deactivated
 * account ends the account's sessions (issue 12, finding 12).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { figuresRevision, sessions, units, userRoles, users } from '../../db/schema';
import type { UserActor } from '../actor';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: number, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Queryable, token: string): Promise<{ userId: number } | undefined> {
  const [gone] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .returning({ userId: sessions.userId });
  return gone;
}

/** Ends every session of the account, but the one whose token is kept (the caller's own, after changing their password). */
export async function endSessions(db: Queryable, userId: number, keepToken?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(keepToken ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken))) : eq(sessions.userId, userId))
    .returning({ userId: sessions.userId });
  return ended.length;
}

/** The unit an account's events are filed under in the audit log: its first grant's unit (null for none). */
export async function accountUnit(db: Queryable, userId: number): Promise<number | null> {
  const [grant] = await db.select({ unitId: userRoles.unitId }).from(userRoles).where(eq(userRoles.userId, userId)).orderBy(asc(userRoles.id)).limit(1);
  return grant?.unitId ?? null;
}

export async function loadActor(db: Queryable, userId: number): Promise<UserActor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const grants = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitPath: units.path, unitName: units.name })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.id));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeUnitId: user.homeUnitId,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unitId, unitPath: g.unitPath, unitName: g.unitName })),
  };
}

/**
 * The actor and CSRF token of a live session, or null — in one query (session,
 * account and grants joined), since it runs before every signed-in request.
 * Nothing is cached: a sign-out, a deactivation or a changed role takes effect
 * at once on every server instance. The same query reads the figures revision
 * (db/schema.ts), so a report served from remembered figures needs no query
 * of its own to know they are still exact (app/reports/memo.ts).
 */
export async function resolveSession(db: Queryable, token: string | undefined) {
  if (!token) return null;
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      homeUnitId: users.homeUnitId,
      role: userRoles.role,
      unitId: userRoles.unitId,
      unitPath: units.path,
      unitName: units.name,
      figuresRevision: sql<number>`(SELECT ${figuresRevision.n} FROM ${figuresRevision})`.mapWith(Number),
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.active, true)))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .orderBy(asc(userRoles.id));
  const first = rows[0];
  if (!first) return null;
  const actor: UserActor = {
    userId: first.userId,
    username: first.username,
    displayName: first.displayName,
    homeUnitId: first.homeUnitId,
    // Left joins: a user with no role still has a session, with no grants.
    grants: rows.flatMap(({ role, unitId, unitPath, unitName }) =>
      role !== null && unitId !== null && unitPath !== null && unitName !== null ? [{ role, unitId, unitPath, unitName }] : [],
    ),
  };
  return { actor, csrfToken: first.csrfToken, figuresRevision: first.figuresRevision };
}
