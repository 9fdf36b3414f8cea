/**
 * The proof-of-work captcha of the public comment form (ALTCHA: no cookie, no
 * tracking, nothing sent to a third party). The server signs a challenge with
 * a secret (KDC_CAPTCHA_SECRET, or one drawn at start when unset — then a
 * challenge is only good on the instance that made it), the widget in the
 * resident's browser searches for the solution, and the comment route checks
 * it here before anything is stored. A solved challenge is good once: its
 * nonce is stored with the comment under a unique index (src/db/schema.ts).
 */
import { randomBytes } from 'node:crypto';
import { createChallenge, randomInt, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { verify } from 'altcha-lib/frameworks/shared';

/** PBKDF2 rounds per attempt and the range of attempts: about a second on a phone, a little less on a computer. */
export const CAPTCHA_COST = 2000;
export const CAPTCHA_COUNTER: [number, number] = [500, 2500];
/** A challenge must be solved and sent within this time. */
export const CAPTCHA_TTL_MS = 20 * 60_000;

export interface Captcha {
  challenge(now?: Date): Promise<Challenge>;
  /** The challenge's id when the payload (the form field "altcha") is a solved, signed, unexpired challenge of ours; null otherwise. */
  check(payload: unknown): Promise<string | null>;
}

export function createCaptcha(secret?: string): Captcha {
  const key = secret && secret.length >= 16 ? secret : randomBytes(32).toString('hex');
  return {
    challenge: (now = new Date()) =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: CAPTCHA_COST,
        counter: randomInt(CAPTCHA_COUNTER[0], CAPTCHA_COUNTER[1]),
        deriveKey,
        hmacSignatureSecret: key,
        hmacKeySignatureSecret: `${key}:key`,
        expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS),
      }),
    async check(payload) {
      if (typeof payload !== 'string' || payload.length > 4000) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
      } catch {
        return null;
      }
      // Only a solution of our own challenge: never a "server signature" payload.
      if (!parsed || typeof parsed !== 'object' || !('challenge' in parsed) || !('solution' in parsed)) return null;
      const result = await verify(parsed, deriveKey, key, `${key}:key`).catch(() => null);
      if (!result || result.error || !result.payload || !('challenge' in result.payload)) return null;
      return result.payload.challenge.parameters.nonce;
    },
  };
}
