/**
 * Login with rate limiting kept in the database (so it holds across server
 * instances): at most MAX_FAILURES failed attempts per user name and per
 * client address in WINDOW_MINUTES.
 */
import { verify } from '@node-rs/argon2';
import { and, count, eq, gt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, users } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { createSession, loadActor } from './sessions';

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

export async function login(db: Db, input: { username: string; password: string; clientIp: string; sessionHours: number }) {
  const username = nfc(input.username.trim()).toLowerCase();
  const keys = [`user:${username}`, `ip:${input.clientIp}`];
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const recent = await db
    .select({ key: loginAttempts.key, n: count() })
    .from(loginAttempts)
    .where(and(or(...keys.map((k) => eq(loginAttempts.key, k))), gt(loginAttempts.at, since)))
    .groupBy(loginAttempts.key);
  if (recent.some((r) => Number(r.n) >= MAX_FAILURES))
    throw new AppError('rate-limited', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${WINDOW_MINUTES} phút.`);

  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = user?.active ? await verify(user.passwordHash, input.password).catch(() => false) : false;
  if (!user || !ok) {
    await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
    throw new AppError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  const actor = await loadActor(db, user.id);
  if (!actor) throw new AppError('unauthenticated', 'Tài khoản đã bị khóa');
  const session = await createSession(db, user.id, input.sessionHours);
  await recordAudit(db, actor, { action: 'login', entity: 'session', entityId: user.id });
  return { actor, ...session };
}
