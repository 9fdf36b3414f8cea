/**
 * Starts KDC: opens the database (PostgreSQL when DATABASE_URL is set, else
 * embedded in KDC_DATA_DIR), migrates it, loads the demo on a first embedded
 * start, serves the API and the web app on 127.0.0.1 unless HOST says
 * otherwise, and purges expired sessions daily. The start-up message says
 * whether the demo accounts, with their published password, are on.
 */
import { configuredDatabase } from '../db/configured';
import { DEMO_PASSWORD, demoAccountsNotice } from '../demo/users';
import { createServer } from './app';
import { readEnv, type Env } from './env';
import { startPurgeTimer } from './purge-timer';

/** Files the server writes (the embedded database, backups) are for this account only. */
export const PRIVATE_UMASK = 0o077;

export function startupMessage(env: Env, port: number, where: string, seconds: number): string {
  const everywhere = env.HOST === '0.0.0.0' || env.HOST === '::';
  const lines = [
    `KDC sẵn sàng tại http://${everywhere ? 'localhost' : env.HOST}:${port} (${where}, khởi động ${seconds.toFixed(1)} s), nghe trên ${everywhere ? 'mọi địa chỉ mạng của máy này' : env.HOST}.`,
  ];
  if (env.demo) {
    lines.push(demoAccountsNotice());
    if (env.HOST !== '127.0.0.1' && env.HOST !== 'localhost' && env.HOST !== '::1')
      lines.push('CẢNH BÁO: chế độ demo đang mở ra mạng (HOST). Ai vào được máy này cũng đăng nhập được bằng tài khoản mẫu.');
  } else {
    lines.push(`Chế độ demo tắt: mật khẩu mẫu "${DEMO_PASSWORD}" không đăng nhập được.`);
  }
  return `${lines.join('\n')}\n`;
}

export async function startServer(): Promise<void> {
  process.umask(PRIVATE_UMASK);
  const env = readEnv();
  const started = Date.now();
  const database = await configuredDatabase();
  const app = await createServer({ database, env, logger: true });
  const stopPurge = startPurgeTimer(database.db, app.log);
  const close = async () => {
    stopPurge();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: env.PORT, host: env.HOST });
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `cơ sở dữ liệu nhúng tại ${env.KDC_DATA_DIR}`;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  process.stdout.write(startupMessage(env, port, where, (Date.now() - started) / 1000));
}
