/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set,
 * else the embedded one in KDC_DATA_DIR (default ./data). The server and every
 * `kdc` command open it the same way. KDC_MIGRATION_DATABASE_URL, when set,
 * is the owner's connection used only to migrate (docs/deployment.md).
 */
import { openDatabase, type Database } from './client';

export function configuredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  return openDatabase({ url: env.DATABASE_URL || undefined, migrationUrl: env.KDC_MIGRATION_DATABASE_URL || undefined, dataDir: env.KDC_DATA_DIR || './data' });
}
