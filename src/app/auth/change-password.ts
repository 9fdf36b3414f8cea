/**
 * A person changing their own password: the current one is checked (through
 * the same throttle as signing in), and every other session of the account
 * ends, so a session someone else opened with the old password is closed.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { UserActor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { hashNewPassword, passwordMatches } from './password';
import { accountUnit, endSessions } from './sessions';
import { bookTurn, releaseTurn, sleep, THROTTLE, throttleKeys } from './throttle';

export async function changeOwnPassword(
  db: Db,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string; sessionToken: string; clientIp: string },
) {
  const turn = await bookTurn(db, throttleKeys(actor.username, input.clientIp), THROTTLE);
  if ('retryAfterMs' in turn)
    throw new AppError('rate-limited', `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(turn.retryAfterMs / 1000)} giây.`, {
      retryAfterSeconds: Math.ceil(turn.retryAfterMs / 1000),
    });
  await sleep(turn.waitMs);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await passwordMatches(user?.passwordHash, input.currentPassword))) throw invalid('Mật khẩu hiện tại không đúng');
  await releaseTurn(db, turn.ids);
  if (input.newPassword === input.currentPassword) throw invalid('Mật khẩu mới phải khác mật khẩu hiện tại');
  const passwordHash = await hashNewPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const ended = await endSessions(tx, actor.userId, input.sessionToken);
    await recordAudit(tx, actor, {
      action: 'change-password',
      entity: 'user',
      entityId: actor.userId,
      unitId: await accountUnit(tx, actor.userId),
      after: { otherSessionsEnded: ended },
    });
    return { otherSessionsEnded: ended };
  });
}
