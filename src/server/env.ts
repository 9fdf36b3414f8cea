/**
 * The server's configuration, read once from the environment and validated,
 * so a bad setting stops the start with a clear message. See .env.example.
 */
import { z } from 'zod';
import '../core/zod-locale';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… selects PostgreSQL; absent means embedded PGlite. */
  DATABASE_URL: z.string().optional(),
  /** Where embedded data lives. */
  KDC_DATA_DIR: z.string().default('./data'),
  /** Load the demo (units, programmes, history, demo accounts) into an empty database. */
  KDC_DEMO: z.enum(['0', '1']).optional(),
  /** Send cookies only over HTTPS (set behind a TLS proxy). */
  KDC_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  KDC_SESSION_HOURS: z.coerce.number().positive().default(12),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  // The demo is on by default only for the embedded database: a real server starts empty.
  return { ...env, demo: env.KDC_DEMO ? env.KDC_DEMO === '1' : !env.DATABASE_URL };
}
