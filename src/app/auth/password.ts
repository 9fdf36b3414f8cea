/**
 * Checking a password in the same time whether or not the account exists:
 * an unknown or deactivated name is checked against a dummy hash made with
 * the same argon2 settings, so timing tells nothing (issue 12, finding 5).
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';
import { DEMO_PASSWORD } from '../../demo/users';
import { invalid } from '../errors';

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash(randomBytes(24).toString('base64url')));

/** True only for a stored hash that matches; the work is the same when there is none. */
export async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  const ok = await verify(storedHash ?? (await dummyHash()), password).catch(() => false);
  return Boolean(storedHash) && ok;
}

/** A new password: not the demo's published one. Length is checked by the route schemas. */
export async function hashNewPassword(password: string): Promise<string> {
  if (password === DEMO_PASSWORD) throw invalid(`Không dùng mật khẩu mẫu "${DEMO_PASSWORD}" của bản demo; hãy chọn mật khẩu khác`);
  return hash(password);
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A password to hand to a new account once (14 characters with no look-alikes: about 80 bits). */
export function generatePassword(length = 14): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
}
