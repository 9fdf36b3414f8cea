/**
 * `kdc demo`: loads the demo (Lai Châu, Bảo Lâm, their programmes, history and
 * demo accounts) into an empty database — what `npm start` does on its first
 * embedded start — so a newcomer can try `kdc report` before ever starting
 * the server. Refused on a database that holds anything, and where the
 * server would not accept the demo accounts (KDC_DEMO=0, or PostgreSQL
 * without KDC_DEMO=1): demo data there would be a trap.
 */
import type { Command } from 'commander';
import { readEnv } from '../../server/env';
import { demoAccountsNotice } from '../../demo/users';
import { withDb } from '../database';
import { CliError } from '../errors';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Nạp dữ liệu mẫu vào cơ sở dữ liệu trống (như npm start lần đầu)')
    .action(async () => {
      if (!readEnv().demo) throw new CliError('Chế độ demo đang tắt (KDC_DEMO=0, hoặc dùng PostgreSQL mà không đặt KDC_DEMO=1): không nạp dữ liệu mẫu.', 2);
      await withDb(async (db) => {
        const { isEmpty } = await import('../../db/client');
        if (!(await isEmpty(db))) throw new CliError('Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.', 2);
        const { loadDemo } = await import('../../demo/load');
        await loadDemo(db);
      });
      process.stdout.write(`Đã nạp dữ liệu mẫu.\n${demoAccountsNotice()}\n`);
    });
}
