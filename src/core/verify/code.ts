/**
 * Mã xác minh: the short code printed (with a QR) on every certificate and
 * decision, leading to the public page /xac-minh/<code>. Ten characters of
 * Crockford's base-32 alphabet — digits and capitals without I, L, O and U,
 * so nothing reads as something else — drawn at random by the database
 * (migration 0010): 50 bits, not guessable, not derived from anything.
 *
 * Printed in two groups of five ("7KQ2M-XC91D"); read back forgiving what a
 * person types: lower case, spaces and dashes, O for 0, I or L for 1.
 */
export const VERIFY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFY_CODE_LENGTH = 10;
/** Longer input is not a code: refused before it reaches the database. */
export const MAX_VERIFY_INPUT = 40;

const VALID = new RegExp(`^[${VERIFY_ALPHABET}]{${VERIFY_CODE_LENGTH}}$`);

/** The code as stored, or null when the text cannot be one. */
export function normalizeVerifyCode(input: string): string | null {
  if (input.length > MAX_VERIFY_INPUT) return null;
  const code = input
    .toUpperCase()
    .replace(/[\s\-.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return VALID.test(code) ? code : null;
}

/** "7KQ2MXC91D" → "7KQ2M-XC91D", as printed. */
export function formatVerifyCode(code: string): string {
  return code.length === VERIFY_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** The public page of a code under the site's public address. */
export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/xac-minh/${code}`;
}
