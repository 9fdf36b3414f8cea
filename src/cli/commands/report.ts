/**
 * `kdc report --program CODE [--unit ID|CODE|PATH] --year YYYY --format json|xlsx|docx [--out FILE] [--boundaries current|historical]`
 * on the configured database. The JSON is the API's summary object, extended
 * with `byUnit` and `areas`.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { parseYear, withDb } from '../database';
import { programs } from '../../db/schema';
import { recognizedAreas } from '../../app/reports/areas';
import { programSummary, programSummaryByUnit } from '../../app/reports/summary';
import { resolveUnitRef } from '../../app/units/resolve';
import { BOUNDARIES, type Boundaries } from '../../app/reports/region';
import { CliError } from '../errors';

interface ReportOptions { program: string; unit?: string; year: string; format: string; out?: string; boundaries: string }

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Báo cáo số liệu của một phong trào trong năm')
    .requiredOption('--program <code>', 'mã phong trào, vd. laichau-tqpttd')
    .requiredOption('--year <year>', 'năm báo cáo')
    .option('--unit <unit>', 'đơn vị: mã số, mã đơn vị hoặc đường dẫn tên "Tỉnh … > Thành phố …"')
    .option('--format <format>', 'json | xlsx | docx', 'json')
    .option('--boundaries <reading>', 'current: địa giới hiện nay (mặc định); historical: địa giới của năm báo cáo', 'current')
    .option('--out <file>', 'ghi ra tệp (bắt buộc với xlsx, docx)')
    .action(async (options: ReportOptions) => {
      const year = parseYear(options.year);
      if (!['json', 'xlsx', 'docx'].includes(options.format)) throw new CliError(`Định dạng "${options.format}" không hỗ trợ; dùng json, xlsx hoặc docx`, 2);
      if (!(BOUNDARIES as readonly string[]).includes(options.boundaries)) throw new CliError(`--boundaries phải là current hoặc historical, không phải "${options.boundaries}"`, 2);
      if (options.format !== 'json' && !options.out) throw new CliError('Cần --out TỆP để ghi báo cáo xlsx hoặc docx', 2);
      await withDb(async (db) => {
        const [row] = await db.select().from(programs).where(eq(programs.code, options.program));
        if (!row) throw new CliError(`Không có phong trào mã "${options.program}"`, 2);
        const unitId = options.unit ? (await resolveUnitRef(db, options.unit)).id : row.ownerUnitId;
        const input = { programCode: row.code, year, unitId, boundaries: options.boundaries as Boundaries };
        const [summary, byUnit, areas] = await Promise.all([programSummary(db, input), programSummaryByUnit(db, input), recognizedAreas(db, input)]);
        // `areas` is the list the issue asks for; the summary's count of areas stays as `areaCount`.
        const report = { ...summary, areaCount: summary.areas, byUnit, areas };
        if (options.format === 'json') {
          const text = `${JSON.stringify(report, null, 2)}\n`;
          if (options.out) writeFileSync(options.out, text);
          else process.stdout.write(text);
          return;
        }
        const { renderReportFile } = await import('../../app/reports/files');
        writeFileSync(options.out!, await renderReportFile(db, { ...input, format: options.format as 'xlsx' | 'docx' }));
        process.stdout.write(`Đã ghi ${options.out}\n`);
      });
    });
}
