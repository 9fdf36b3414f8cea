/** `kdc backup FILE` and `kdc restore FILE`, on the configured database (embedded or PostgreSQL). */
import type { Command } from 'commander';
import { restoreBackup, writeBackup } from '../../app/backup/backup';
import { withDb } from '../database';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Sao lưu toàn bộ dữ liệu (kể cả tệp minh chứng) ra một tệp')
    .argument('<file>', 'tệp .jsonl.gz')
    .action(async (file: string) => {
      const counts = await withDb((db) => writeBackup(db, file));
      process.stdout.write(`Đã sao lưu ${total(counts)} dòng dữ liệu vào ${file}\n`);
    });
  program
    .command('restore')
    .description('Khôi phục từ tệp sao lưu vào một cơ sở dữ liệu trống')
    .argument('<file>', 'tệp .jsonl.gz')
    .action(async (file: string) => {
      const counts = await withDb((db) => restoreBackup(db, file));
      process.stdout.write(`Đã khôi phục ${total(counts)} dòng dữ liệu từ ${file}\n`);
    });
}
