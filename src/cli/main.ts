/**
 * `kdc` — the command line. Every command prints Vietnamese; a failure prints
 * one message and exits non-zero, never a stack trace (set KDC_DEBUG=1 to see one).
 */
import { Command, CommanderError } from 'commander';
import { registerCriteriaCommands } from './commands/criteria';
import { registerEvaluateCommand } from './commands/evaluate';
import { registerBackupCommands } from './commands/backup';
import { registerReportCommand } from './commands/report';
import { registerImportCommands } from './commands/import';
import { registerReorganizeCommands } from './commands/reorganize';
import { registerServerCommands } from './commands/serve';
import { AppError } from '../app/errors';
import { CliError } from './errors';

const program = new Command('kdc')
  .description('KDC — đánh giá, công nhận khu dân cư (thôn, tổ dân phố, bản)')
  .exitOverride()
  .configureOutput({ outputError: () => undefined });

/** Commander speaks English; its usage errors are retold in Vietnamese. */
function commanderMessage(error: CommanderError): string | null {
  const detail = error.message.replace(/^error: /, '');
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
    case 'commander.help':
      return null;
    case 'commander.unknownCommand':
      return `Lệnh không tồn tại (${detail}). Xem: kdc --help`;
    case 'commander.unknownOption':
      return `Tùy chọn không hợp lệ (${detail}). Xem: kdc --help`;
    case 'commander.missingArgument':
      return `Thiếu tham số (${detail})`;
    case 'commander.missingMandatoryOptionValue':
    case 'commander.optionMissingArgument':
      return `Thiếu tùy chọn bắt buộc (${detail})`;
    case 'commander.invalidArgument':
      return `Giá trị không hợp lệ (${detail})`;
    default:
      return detail;
  }
}

registerCriteriaCommands(program);
registerEvaluateCommand(program);
registerServerCommands(program);
registerReportCommand(program);
registerBackupCommands(program);
registerReorganizeCommands(program);
registerImportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const message = commanderMessage(error);
    if (message) process.stderr.write(`Lỗi: ${message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError || error instanceof AppError) {
    process.stderr.write(`Lỗi: ${error.message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  } else {
    process.stderr.write(`Lỗi không mong đợi: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.KDC_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  }
}
