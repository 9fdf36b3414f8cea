/**
 * Sessions live in the database: the cookie carries a random token, the table
 * only its SHA-256, so a leaked table does not leak sessions, and any server
 * instance can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { sessions, units, userRoles, users } from '../../db/schema';
import type { Actor, Role } from '../actor';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: number, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function loadActor(db: Queryable, userId: number): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const grants = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitPath: units.path, unitName: units.name })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeUnitId: user.homeUnitId,
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unitId, unitPath: g.unitPath, unitName: g.unitName })),
  };
}

/** The actor and CSRF token of a live session, or null. */
export async function resolveSession(db: Queryable, token: string | undefined) {
  if (!token) return null;
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  if (!session) return null;
  const actor = await loadActor(db, session.userId);
  return actor ? { actor, csrfToken: session.csrfToken } : null;
}
