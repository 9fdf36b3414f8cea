/**
 * `kdc report --program CODE [--unit ID|CODE|PATH] --year YYYY --format json|xlsx|docx [--out FILE] [--boundaries current|historical]`
 * on the configured database. The JSON is the API's summary object, extended
 * with `byUnit` and `areas`.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { parseYear, withDb } from '../database';
import { findProgram } from '../../app/programs/find';
import { recognizedAreas } from '../../app/reports/areas';
import { programSummary, programSummaryByUnit } from '../../app/reports/summary';
import { resolveUnitRef } from '../../app/units/resolve';
import { BOUNDARIES, type Boundaries } from '../../app/reports/region';
import { CliError } from '../errors';
import { titlesOfPlace } from '../../app/reports/all-titles';

function writeOut(file: string | undefined, text: string): void {
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

interface ReportOptions {
  program?: string;
  allPrograms?: boolean;
  unit?: string;
  year: string;
  format: string;
  out?: string;
  boundaries: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Báo cáo số liệu của một phong trào trong năm')
    .option('--program <code>', 'mã phong trào, vd. laichau-tqpttd')
    .option('--all-programs', 'mọi danh hiệu của đơn vị (--unit) trong năm, của mọi phong trào, cạnh nhau')
    .requiredOption('--year <year>', 'năm báo cáo')
    .option('--unit <unit>', 'đơn vị: mã số, mã đơn vị hoặc đường dẫn tên "Tỉnh … > Thành phố …"')
    .option('--format <format>', 'json | xlsx | docx', 'json')
    .option('--boundaries <reading>', 'current: địa giới hiện nay (mặc định); historical: địa giới của năm báo cáo', 'current')
    .option('--out <file>', 'ghi ra tệp (bắt buộc với xlsx, docx)')
    .action(async (options: ReportOptions) => {
      const year = parseYear(options.year);
      if (!['json', 'xlsx', 'docx'].includes(options.format)) throw new CliError(`Định dạng "${options.format}" không hỗ trợ; dùng json, xlsx hoặc docx`, 2);
      if (!(BOUNDARIES as readonly string[]).includes(options.boundaries))
        throw new CliError(`--boundaries phải là current hoặc historical, không phải "${options.boundaries}"`, 2);
      if (options.format !== 'json' && !options.out) throw new CliError('Cần --out TỆP để ghi báo cáo xlsx hoặc docx', 2);
      if (Boolean(options.program) === Boolean(options.allPrograms)) throw new CliError('Cần đúng một trong --program MÃ hoặc --all-programs', 2);
      if (options.allPrograms) {
        if (!options.unit) throw new CliError('--all-programs cần --unit (đơn vị báo cáo)', 2);
        await withDb(async (db) => {
          const report = await titlesOfPlace(db, { unitId: (await resolveUnitRef(db, options.unit!)).id, year, boundaries: options.boundaries as Boundaries });
          if (options.format === 'json') return writeOut(options.out, `${JSON.stringify(report, null, 2)}\n`);
          const { allTitlesFile } = await import('../../app/reports/files');
          writeFileSync(options.out!, await allTitlesFile(db, report, options.format as 'docx' | 'xlsx'));
          process.stdout.write(`Đã ghi ${options.out}\n`);
        });
        return;
      }
      await withDb(async (db) => {
        const row = await findProgram(db, options.program!);
        const unitId = options.unit ? (await resolveUnitRef(db, options.unit)).id : row.ownerUnitId;
        const input = { programCode: row.code, year, unitId, boundaries: options.boundaries as Boundaries };
        const [summary, byUnit, areas] = await Promise.all([programSummary(db, input), programSummaryByUnit(db, input), recognizedAreas(db, input)]);
        // `areas` is the list the issue asks for; the summary's count of areas stays as `areaCount`.
        const report = { ...summary, areaCount: summary.areas, byUnit, areas };
        if (options.format === 'json') return writeOut(options.out, `${JSON.stringify(report, null, 2)}\n`);
        const { renderReportFile } = await import('../../app/reports/files');
        writeFileSync(options.out!, await renderReportFile(db, { ...input, format: options.format as 'xlsx' | 'docx' }));
        process.stdout.write(`Đã ghi ${options.out}\n`);
      });
    });
}
