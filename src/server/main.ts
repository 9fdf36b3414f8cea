/**
 * Starts KDC: opens the database (PostgreSQL when DATABASE_URL is set, else
 * embedded in KDC_DATA_DIR), migrates it, loads the demo on a first embedded
 * start, serves the API and the web app.
 */
import { configuredDatabase } from '../db/configured';
import { createServer } from './app';
import { readEnv } from './env';

export async function startServer(): Promise<void> {
  const env = readEnv();
  const started = Date.now();
  const database = await configuredDatabase();
  const app = await createServer({ database, env, logger: true });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: env.PORT, host: env.HOST });
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `cơ sở dữ liệu nhúng tại ${env.KDC_DATA_DIR}`;
  process.stdout.write(`KDC sẵn sàng tại http://localhost:${env.PORT} (${where}, khởi động ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
