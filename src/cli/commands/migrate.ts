/**
 * `kdc migrate`: brings the configured database's structure up to date and
 * stops. In production the owner runs it (KDC_MIGRATION_DATABASE_URL) so the
 * server's own role never needs the right to change tables.
 */
import type { Command } from 'commander';
import { withDb } from '../database';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Cập nhật cấu trúc cơ sở dữ liệu (dùng KDC_MIGRATION_DATABASE_URL nếu có)')
    .action(async () => {
      await withDb(async () => undefined);
      process.stdout.write('Cấu trúc cơ sở dữ liệu đã cập nhật.\n');
    });
}
