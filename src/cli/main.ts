/**
 * `kdc` — the command line. Every command prints Vietnamese; a failure prints
 * one message and exits non-zero, never a stack trace (set KDC_DEBUG=1 to see one).
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../app/errors';
import { CliError } from './errors';

// Whatever kdc writes (the embedded database, backups, exports) is for this account only.
process.umask(0o077);

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

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: `kdc criteria
 * list` should not pay for the spreadsheet, document and database libraries
 * other commands need (issue 15: a command that starts at once). Help and an
 * unknown command load them all, so the list of commands is whole.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  criteria: async () => (await import('./commands/criteria')).registerCriteriaCommands,
  evaluate: async () => (await import('./commands/evaluate')).registerEvaluateCommand,
  serve: async () => (await import('./commands/serve')).registerServerCommands,
  report: async () => (await import('./commands/report')).registerReportCommand,
  backup: async () => (await import('./commands/backup')).registerBackupCommands,
  restore: async () => (await import('./commands/backup')).registerBackupCommands,
  reorganize: async () => (await import('./commands/reorganize')).registerReorganizeCommands,
  import: async () => (await import('./commands/import')).registerImportCommands,
  purge: async () => (await import('./commands/purge')).registerPurgeCommand,
  migrate: async () => (await import('./commands/migrate')).registerMigrateCommand,
  user: async () => (await import('./commands/users')).registerUserCommands,
  program: async () => (await import('./commands/program')).registerProgramCommands,
  demo: async () => (await import('./commands/demo')).registerDemoCommand,
};

const named = COMMANDS[process.argv[2] ?? ''];
const registers = named ? [await named()] : await Promise.all(Object.values(COMMANDS).map((load) => load()));
for (const register of new Set(registers)) register(program);

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
