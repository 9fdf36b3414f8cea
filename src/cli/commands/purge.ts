/** `kdc purge`: the daily clean-up (expired sessions, old failed logins) for cron, on the configured database. */
import type { Command } from 'commander';
import { purgeExpired } from '../../app/maintenance/purge';
import { withDb } from '../database';

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('Xóa phiên đăng nhập đã hết hạn và lượt đăng nhập sai cũ (chạy hằng ngày, vd. bằng cron)')
    .action(async () => {
      const result = await withDb((db) => purgeExpired(db));
      process.stdout.write(
        result.skipped
          ? 'Một tiến trình KDC khác đang dọn dẹp; bỏ qua lần này.\n'
          : `Đã xóa ${result.sessions} phiên đăng nhập hết hạn và ${result.loginAttempts} lượt đăng nhập sai cũ.\n`,
      );
    });
}
