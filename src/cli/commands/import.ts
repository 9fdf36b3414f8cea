/**
 * `kdc import units|history|scorecards|attributes|figures|users FILE` — all or nothing, with a
 * progress bar on a terminal — and `kdc import template KIND --out FILE`,
 * the same templates the web app offers, filled with what is already kept.
 */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { readFileSync, writeFileSync } from 'node:fs';
import { importHistory } from '../../app/import/history';
import type { ImportPhase, ImportProgress } from '../../app/import/progress';
import { importScorecards } from '../../app/import/scorecards';
import { importTemplate, TEMPLATE_KINDS, type TemplateKind } from '../../app/import/templates';
import { importUnits } from '../../app/import/units';
import { importAttributes, importFigures } from '../../app/import/places';
import { importUsers } from '../../app/import/users';
import { resolveUnitRef } from '../../app/units/resolve';
import { parseYear, withDb } from '../database';
import { CliError } from '../errors';
import { readText } from '../io';

const PHASES: Record<ImportPhase, string> = { read: 'Đọc tệp', check: 'Kiểm tra', write: 'Ghi dữ liệu' };

/** A bar on stderr, redrawn in place; only on a terminal, and only for files worth waiting on. */
function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  return ({ phase, done, total }: ImportProgress) => {
    if (!stream.isTTY || total < 200) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${PHASES[phase].padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function readBytes(file: string): Buffer {
  readText(file); // the same Vietnamese messages for a missing file or a folder
  return readFileSync(file);
}

export function registerImportCommands(program: Command): void {
  const cmd = program.command('import').description('Nhập dữ liệu từ Excel (.xlsx) hoặc CSV: kiểm tra cả tệp, có lỗi thì không ghi gì');
  cmd
    .command('units')
    .description('Nhập danh sách đơn vị: code, name, kind, parent[, households, population, poor_households, mountainous]')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await withDb((db) => importUnits(db, SYSTEM_ACTOR, readBytes(file), file, progressBar()));
      process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.created} đơn vị mới, ${r.updated} đơn vị cập nhật.\n`);
    });
  cmd
    .command('history')
    .description('Nhập lịch sử công nhận trước khi dùng KDC: unit, year, title')
    .requiredOption('--program <code>', 'mã phong trào')
    .argument('<file>')
    .action(async (file: string, o: { program: string }) => {
      const r = await withDb((db) => importHistory(db, SYSTEM_ACTOR, o.program, readBytes(file), file, progressBar()));
      process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.inserted} lượt công nhận mới, ${r.recomputed} lượt tính lại lần đầu / giữ vững / công nhận lại.\n`);
    });
  cmd
    .command('scorecards')
    .description('Nhập đăng ký và phiếu đánh giá của một năm: unit[, title], rồi mỗi cột một mã tiêu chí')
    .requiredOption('--program <code>', 'mã phong trào')
    .requiredOption('--year <year>', 'năm đánh giá')
    .option('--stage <stage>', 'self (tự đánh giá, mặc định) hoặc board (thẩm định của ban)', 'self')
    .argument('<file>')
    .action(async (file: string, o: { program: string; year: string; stage: string }) => {
      if (o.stage !== 'self' && o.stage !== 'board') throw new CliError(`--stage phải là "self" hoặc "board", không phải "${o.stage}"`, 2);
      const year = parseYear(o.year);
      const r = await withDb((db) =>
        importScorecards(db, SYSTEM_ACTOR, { programCode: o.program, year, stage: o.stage as 'self' | 'board' }, readBytes(file), file, progressBar()),
      );
      process.stdout.write(
        `Đã nhập ${r.rows} dòng: ${r.registrationsCreated} hồ sơ đăng ký mới, ${r.registrationsUpdated} hồ sơ cập nhật, ` +
          `${r.valuesWritten} kết quả tiêu chí, ${r.verdicts} kết luận tính lại, ${r.submitted} phiếu tự đánh giá đủ đã gửi ban thẩm định.\n`,
      );
    });
  cmd
    .command('attributes')
    .description('Nhập thuộc tính đơn vị theo năm: unit, attribute (miền núi, hải đảo, biên giới, đặc biệt khó khăn…), from, to')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await withDb((db) => importAttributes(db, SYSTEM_ACTOR, readBytes(file), file, progressBar()));
      process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.changed} thuộc tính mới hoặc thay đổi, ${r.verdictsRecomputed} hồ sơ được tính lại.\n`);
    });
  cmd
    .command('figures')
    .description('Nhập số liệu theo năm của đơn vị: unit, year, ho, ho_gia_dinh_van_hoa, …')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await withDb((db) => importFigures(db, SYSTEM_ACTOR, readBytes(file), file, progressBar()));
      process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.valuesWritten} số liệu mới hoặc thay đổi, ${r.verdictsRecomputed} hồ sơ được tính lại.\n`);
    });
  cmd
    .command('users')
    .description('Nhập tài khoản: username, display_name, role, unit[, password]; ô mật khẩu trống thì sinh ngẫu nhiên và in ra một lần')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await withDb((db) => importUsers(db, SYSTEM_ACTOR, readBytes(file), file, progressBar()));
      process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.created} tài khoản mới, ${r.unchanged} tài khoản đã có giữ nguyên.\n`);
      const generated = r.accounts.filter((a) => a.generated);
      if (generated.length) {
        process.stdout.write('Mật khẩu sinh ngẫu nhiên (chỉ hiện một lần, hãy trao tận tay từng người):\n');
        for (const a of generated) process.stdout.write(`${a.username}\t${a.password}\n`);
      }
    });
  cmd
    .command('template')
    .description(`Tải mẫu nhập (${TEMPLATE_KINDS.join(', ')}), điền sẵn dữ liệu đang có`)
    .argument('<kind>', TEMPLATE_KINDS.join(' | '))
    .requiredOption('--out <file>', 'tệp .xlsx sẽ ghi')
    .option('--program <code>', 'mã phong trào (history, scorecards)')
    .option('--year <year>', 'năm (scorecards)')
    .option('--stage <stage>', 'self hoặc board (scorecards)', 'self')
    .option('--unit <unit>', 'điền sẵn các đơn vị dưới đơn vị này: mã số, mã đơn vị hoặc đường dẫn tên')
    .action(async (kind: string, o: { out: string; program?: string; year?: string; stage: string; unit?: string }) => {
      if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) throw new CliError(`Loại mẫu "${kind}" không có; dùng ${TEMPLATE_KINDS.join(', ')}`, 2);
      if ((kind === 'history' || kind === 'scorecards') && !o.program) throw new CliError('Cần --program cho mẫu này', 2);
      if ((kind === 'scorecards' || kind === 'figures') && !o.year) throw new CliError('Cần --year cho mẫu này', 2);
      const { buffer } = await withDb(async (db) =>
        importTemplate(db, SYSTEM_ACTOR, {
          kind: kind as TemplateKind,
          programCode: o.program,
          year: o.year ? parseYear(o.year) : undefined,
          stage: o.stage === 'board' ? 'board' : 'self',
          unitId: o.unit ? (await resolveUnitRef(db, o.unit)).id : undefined,
        }),
      );
      writeFileSync(o.out, buffer);
      process.stdout.write(`Đã ghi mẫu ${o.out}\n`);
    });
}
