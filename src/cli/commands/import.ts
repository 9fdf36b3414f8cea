/** `kdc import units FILE`, `kdc import history --program CODE FILE` — all or nothing, with a progress bar for large files. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { importHistory } from '../../app/import/history';
import { importUnits } from '../../app/import/units';
import { configuredDatabase } from '../../db/configured';
import { readText } from '../io';

function progressBar(done: number, total: number): void {
  if (total < 200 || !process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

function readBytes(file: string): Buffer {
  readText(file); // the same Vietnamese messages for a missing file or a folder
  return readFileSync(file);
}

export function registerImportCommands(program: Command): void {
  const cmd = program.command('import').description('Nhập dữ liệu từ Excel (.xlsx) hoặc CSV');
  cmd.command('units').description('Nhập danh sách đơn vị: code, name, kind, parent[, households, population, poor_households, mountainous]').argument('<file>')
    .action(async (file: string) => {
      const database = await configuredDatabase();
      try {
        const r = await importUnits(database.db, null, readBytes(file), file, progressBar);
        process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.created} đơn vị mới, ${r.updated} đơn vị cập nhật.\n`);
      } finally { await database.close(); }
    });
  cmd.command('history').description('Nhập lịch sử công nhận trước khi dùng KDC: unit, year, title').requiredOption('--program <code>').argument('<file>')
    .action(async (file: string, o: { program: string }) => {
      const database = await configuredDatabase();
      try {
        const r = await importHistory(database.db, null, o.program, readBytes(file), file, progressBar);
        process.stdout.write(`Đã nhập ${r.rows} dòng: ${r.inserted} lượt công nhận mới.\n`);
      } finally { await database.close(); }
    });
}
