/**
 * The server's configuration, read once from the environment and validated,
 * so a bad setting stops the start with a clear message. See .env.example.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import '../core/zod-locale';

/** proxy-addr's names for whole ranges, accepted as they are by Fastify. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8" or one of PROXY_RANGES. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For. Nothing by
 * default: a header any client can write must not decide the address that
 * login throttling counts. A number trusts that many hops; a list trusts
 * those addresses and ranges.
 */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx): false | number | string[] => {
    if (!text) return false;
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `không hiểu "${bad.join('", "')}": cần số lớp proxy (vd. 1) hoặc danh sách địa chỉ, dải CIDR (vd. 127.0.0.1,10.0.0.0/8)`,
      });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Only this machine by default; set 0.0.0.0 (behind a proxy or a firewall) to serve the network. */
  HOST: z.preprocess((v) => (typeof v === 'string' && !v.trim() ? undefined : v), z.string().trim().default('127.0.0.1')),
  /** postgres://… selects PostgreSQL; absent means embedded PGlite. */
  DATABASE_URL: z.string().optional(),
  /** Where embedded data lives. */
  KDC_DATA_DIR: z.string().default('./data'),
  /** Load the demo (units, programmes, history, demo accounts) into an empty database. */
  KDC_DEMO: z.enum(['0', '1']).optional(),
  /** Send cookies only over HTTPS (set behind a TLS proxy); also turns on HSTS. */
  KDC_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  KDC_SESSION_HOURS: z.coerce.number().positive().default(12),
  KDC_TRUST_PROXY: trustProxy,
  /**
   * Signs the public comment form's captcha challenges and keys the hash of a commenter's address (issue 14).
   * Set it (16 characters or more) when several instances share a database; unset, each draws its own at start.
   */
  KDC_CAPTCHA_SECRET: z.string().min(16, 'cần ít nhất 16 ký tự').optional(),
  /**
   * The address residents reach the site at ("https://kdc.laichau.gov.vn"), printed in the QR code and the "tra cứu
   * tại" line of certificates and decisions. Unset: the address the officer's browser used to download the file.
   */
  KDC_PUBLIC_URL: z.preprocess(
    (v) => (typeof v === 'string' && !v.trim() ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'cần địa chỉ http:// hoặc https://, không có ? hay #, vd. https://kdc.example.vn')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
});

export type Env = Omit<z.infer<typeof envSchema>, 'KDC_TRUST_PROXY'> & { demo: boolean; trustProxy: false | number | string[] };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
  }
  const { KDC_TRUST_PROXY, ...env } = parsed.data;
  // The demo is on by default only for the embedded database: a real server starts empty.
  return { ...env, trustProxy: KDC_TRUST_PROXY, demo: env.KDC_DEMO ? env.KDC_DEMO === '1' : !env.DATABASE_URL };
}
