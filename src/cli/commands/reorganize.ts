/**
 * `kdc reorganize merge|rename|move|close --date YYYY-MM-DD …` — units are
 * named by id, code or a " > " path of names from the root.
 */
import type { Command } from 'commander';
import { closeUnit, mergeUnits, moveUnit, renameUnit } from '../../app/reorganize/reorganize';
import { configuredDatabase } from '../../db/configured';

async function withDb<T>(run: (db: Awaited<ReturnType<typeof configuredDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await configuredDatabase();
  try { return await run(database.db); } finally { await database.close(); }
}

export function registerReorganizeCommands(program: Command): void {
  const cmd = program.command('reorganize').description('Sắp xếp đơn vị hành chính: sáp nhập, đổi tên, chuyển, giải thể');
  cmd.command('merge').description('Sáp nhập các đơn vị vào một đơn vị (tạo mới nếu chưa có)')
    .requiredOption('--date <date>', 'ngày có hiệu lực YYYY-MM-DD').requiredOption('--into <path>', 'đơn vị sau sáp nhập, vd. "Tỉnh Lai Châu > Phường Tân Phong"')
    .option('--basis <text>', 'căn cứ pháp lý').argument('<units...>', 'các đơn vị được sáp nhập')
    .action(async (from: string[], o: { date: string; into: string; basis?: string }) => {
      const r = await withDb((db) => mergeUnits(db, { date: o.date, into: o.into, from, legalBasis: o.basis }));
      process.stdout.write(`Đã sáp nhập ${r.merged.join(', ')} vào ${r.target.name} (từ ${o.date})\n`);
    });
  cmd.command('rename').description('Đổi tên đơn vị').requiredOption('--date <date>').option('--basis <text>')
    .argument('<unit>').argument('<name>')
    .action(async (unit: string, name: string, o: { date: string; basis?: string }) => {
      await withDb((db) => renameUnit(db, { date: o.date, unit, name, legalBasis: o.basis }));
      process.stdout.write(`Đã đổi tên thành ${name}\n`);
    });
  cmd.command('move').description('Chuyển đơn vị sang đơn vị cấp trên khác').requiredOption('--date <date>').requiredOption('--to <path>').option('--basis <text>')
    .argument('<unit>')
    .action(async (unit: string, o: { date: string; to: string; basis?: string }) => {
      const r = await withDb((db) => moveUnit(db, { date: o.date, unit, to: o.to, legalBasis: o.basis }));
      process.stdout.write(`Đã chuyển ${r.name}\n`);
    });
  cmd.command('close').description('Giải thể đơn vị').requiredOption('--date <date>').option('--basis <text>').argument('<unit>')
    .action(async (unit: string, o: { date: string; basis?: string }) => {
      const r = await withDb((db) => closeUnit(db, { date: o.date, unit, legalBasis: o.basis }));
      process.stdout.write(`Đã giải thể ${r.name} từ ${o.date}\n`);
    });
}
