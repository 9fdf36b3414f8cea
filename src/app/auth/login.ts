/**
 * Signing in and out, each written to the audit log under the account's unit
 * (a failed attempt on an unknown name is a system-wide entry, read by
 * administrators); the password is never written anywhere. Attempts are
 * throttled by a growing delay, never a lock (throttle.ts); the time taken
 * does not tell whether a name exists (password.ts). Outside demo mode the
 * demo's published password opens nothing.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import { DEMO_PASSWORD } from '../../demo/users';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { passwordMatches } from './password';
import { accountUnit, createSession, deleteSession, loadActor } from './sessions';
import { bookTurn, releaseTurn, sleep, THROTTLE, throttleKeys, type ThrottlePolicy } from './throttle';

export interface LoginInput {
  username: string;
  password: string;
  clientIp: string;
  sessionHours: number;
  demoMode: boolean;
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';

export async function login(db: Db, input: LoginInput, policy: ThrottlePolicy = THROTTLE) {
  const username = nfc(input.username.trim()).toLowerCase();
  const turn = await bookTurn(db, throttleKeys(username, input.clientIp), policy);
  if ('retryAfterMs' in turn) {
    const seconds = Math.ceil(turn.retryAfterMs / 1000);
    throw new AppError('rate-limited', `Có quá nhiều lần đăng nhập sai với tài khoản này hoặc từ máy này. Vui lòng thử lại sau ${seconds} giây.`, {
      retryAfterSeconds: seconds,
    });
  }
  await sleep(turn.waitMs);

  const [user] = await db.select().from(users).where(eq(users.username, username));
  const matches = await passwordMatches(user?.passwordHash, input.password);
  const demoPasswordOff = matches && !input.demoMode && input.password === DEMO_PASSWORD;
  const actor = matches && !demoPasswordOff && user?.active ? await loadActor(db, user.id) : null;
  if (!user || !actor) {
    const reason = !user ? 'unknown-user' : !matches ? 'wrong-password' : demoPasswordOff ? 'demo-password' : 'inactive';
    await recordAudit(db, null, {
      action: 'login-failed',
      entity: 'user',
      entityId: user?.id ?? null,
      unitId: user ? await accountUnit(db, user.id) : null,
      after: { username, address: input.clientIp, reason },
    });
    if (demoPasswordOff)
      throw new AppError(
        'unauthenticated',
        `Mật khẩu mẫu "${DEMO_PASSWORD}" chỉ dùng được ở chế độ demo. Hãy nhờ quản trị hệ thống đặt mật khẩu mới cho tài khoản này.`,
      );
    // A deactivated account answers like a wrong password: the name's existence is not told.
    throw new AppError('unauthenticated', WRONG);
  }
  await releaseTurn(db, turn.ids);
  const session = await createSession(db, user.id, input.sessionHours);
  await recordAudit(db, actor, {
    action: 'login',
    entity: 'session',
    entityId: user.id,
    unitId: await accountUnit(db, user.id),
    after: { address: input.clientIp },
  });
  return { actor, ...session };
}

/** Ends the session of this cookie, audited under its account's unit. */
export async function logout(db: Db, token: string, clientIp: string): Promise<void> {
  const ended = await deleteSession(db, token);
  if (!ended) return;
  await recordAudit(
    db,
    { userId: ended.userId },
    {
      action: 'logout',
      entity: 'session',
      entityId: ended.userId,
      unitId: await accountUnit(db, ended.userId),
      after: { address: clientIp },
    },
  );
}
