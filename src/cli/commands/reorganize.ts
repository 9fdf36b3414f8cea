/**
 * `kdc reorganize merge|split|rename|move|close --date YYYY-MM-DD …` — units
 * are named by id, code or a " > " path of names from the root. docs/reorganization.md.
 */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { closeUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from '../../app/reorganize/reorganize';
import { withDb } from '../database';

const DATE = ['--date <date>', 'ngày có hiệu lực, YYYY-MM-DD'] as const;
const BASIS = ['--basis <text>', 'căn cứ pháp lý, vd. "Nghị quyết số 1670/NQ-UBTVQH15 ngày 16/6/2025"'] as const;
const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerReorganizeCommands(program: Command): void {
  const cmd = program.command('reorganize').description('Sắp xếp đơn vị hành chính: sáp nhập, chia tách, đổi tên, chuyển, giải thể (giữ lịch sử)');
  cmd
    .command('merge')
    .description('Sáp nhập các đơn vị vào một đơn vị (tạo mới nếu chưa có); đơn vị cũ giải thể, đơn vị trực thuộc chuyển sang')
    .requiredOption(...DATE)
    .requiredOption('--into <path>', 'đơn vị sau sáp nhập, vd. "Tỉnh Lai Châu > Phường Tân Phong"')
    .option(...BASIS)
    .argument('<units...>', 'các đơn vị được sáp nhập')
    .action(async (from: string[], o: { date: string; into: string; basis?: string }) => {
      const r = await withDb((db) => mergeUnits(db, SYSTEM_ACTOR, { date: o.date, into: o.into, from, legalBasis: o.basis }));
      say(`Đã sáp nhập ${r.merged.join(', ')} vào ${r.target.name} (từ ${o.date})`);
    });
  cmd
    .command('split')
    .description('Chia tách một đơn vị thành nhiều đơn vị (tạo mới nếu chưa có); ghi đường dẫn của chính đơn vị cũ để giữ nó lại')
    .requiredOption(...DATE)
    .option(...BASIS)
    .argument('<unit>', 'đơn vị bị chia tách')
    .argument('<paths...>', 'các đơn vị sau khi tách')
    .action(async (unit: string, into: string[], o: { date: string; basis?: string }) => {
      const r = await withDb((db) => splitUnit(db, SYSTEM_ACTOR, { date: o.date, unit, into, legalBasis: o.basis }));
      say(`Đã chia tách ${r.source.name} thành ${r.targets.map((t) => t.name).join(', ')} (từ ${o.date})${r.kept ? '' : `; ${r.source.name} giải thể`}`);
    });
  cmd
    .command('rename')
    .description('Đổi tên đơn vị')
    .requiredOption(...DATE)
    .option(...BASIS)
    .argument('<unit>')
    .argument('<name>', 'tên mới')
    .action(async (unit: string, name: string, o: { date: string; basis?: string }) => {
      const r = await withDb((db) => renameUnit(db, SYSTEM_ACTOR, { date: o.date, unit, name, legalBasis: o.basis }));
      say(`Đã đổi tên ${r.previousName} thành ${r.name}`);
    });
  cmd
    .command('move')
    .description('Chuyển đơn vị (cùng các đơn vị trực thuộc) sang đơn vị cấp trên khác')
    .requiredOption(...DATE)
    .requiredOption('--to <path>', 'đơn vị cấp trên mới')
    .option(...BASIS)
    .argument('<unit>')
    .action(async (unit: string, o: { date: string; to: string; basis?: string }) => {
      const r = await withDb((db) => moveUnit(db, SYSTEM_ACTOR, { date: o.date, unit, to: o.to, legalBasis: o.basis }));
      say(`Đã chuyển ${r.name} về ${r.parentName} (từ ${o.date})`);
    });
  cmd
    .command('close')
    .description('Giải thể đơn vị (khi không còn đơn vị trực thuộc)')
    .requiredOption(...DATE)
    .option(...BASIS)
    .argument('<unit>')
    .action(async (unit: string, o: { date: string; basis?: string }) => {
      const r = await withDb((db) => closeUnit(db, SYSTEM_ACTOR, { date: o.date, unit, legalBasis: o.basis }));
      say(`Đã giải thể ${r.name} từ ${o.date}`);
    });
}
