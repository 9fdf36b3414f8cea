/**
 * `kdc user create USERNAME --role … --unit UNIT [--display-name NAME] [--password-stdin]`
 * and `kdc user list [--format json]`: accounts from the command line, the way
 * a PostgreSQL install (KDC_DEMO=0) gets its first administrator. The command
 * line acts as the system (audited with no user); the rules are those of
 * src/app/users/manage.ts. Without --password-stdin a password is generated
 * and printed once; only its hash is kept.
 */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { readFileSync } from 'node:fs';
import { ROLE_LABELS, type Role } from '../../app/actor';
import { generatePassword } from '../../app/auth/password';
import { resolveUnitRef } from '../../app/units/resolve';
import { createUser, listUsers, normalUsername, USERNAME_RULE } from '../../app/users/manage';
import { MIN_PASSWORD, readUserRole, USER_ROLE_CHOICES } from '../../core/import/users';
import { withDb } from '../database';
import { CliError } from '../errors';

function readPasswordFromStdin(): string {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    throw new CliError('Không đọc được mật khẩu từ đầu vào chuẩn (stdin)', 2);
  }
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new CliError('Đầu vào chuẩn (stdin) không có mật khẩu', 2);
  if ([...password].length < MIN_PASSWORD) throw new CliError(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`, 2);
  return password;
}

export function roleFromOption(text: string): Role {
  const role = readUserRole(text);
  if (!role) throw new CliError(`Vai trò "${text}" không hợp lệ; dùng ${USER_ROLE_CHOICES}`, 2);
  return role;
}

interface CreateOptions {
  role: string;
  unit: string;
  displayName?: string;
  passwordStdin?: boolean;
}

export function registerUserCommands(program: Command): void {
  const cmd = program.command('user').description('Tài khoản người dùng: tạo, liệt kê');
  cmd
    .command('create')
    .description('Tạo tài khoản với một vai trò trên một đơn vị (không có --password-stdin: in mật khẩu sinh ngẫu nhiên một lần)')
    .argument('<username>', 'tên đăng nhập: 3–40 chữ thường không dấu, số, dấu chấm, gạch')
    .requiredOption('--role <role>', USER_ROLE_CHOICES)
    .requiredOption('--unit <unit>', 'đơn vị: mã số, mã đơn vị hoặc đường dẫn tên "Tỉnh … > Xã …"')
    .option('--display-name <name>', 'họ tên hiển thị (mặc định: tên đăng nhập)')
    .option('--password-stdin', 'đọc mật khẩu từ đầu vào chuẩn (một dòng)')
    .action(async (username: string, o: CreateOptions) => {
      const role = roleFromOption(o.role);
      if (!normalUsername(username)) throw new CliError(USERNAME_RULE, 2);
      if (o.displayName !== undefined && !o.displayName.trim()) throw new CliError('--display-name không được để trống', 2);
      const password = o.passwordStdin ? readPasswordFromStdin() : generatePassword();
      const user = await withDb(async (db) => {
        const unit = await resolveUnitRef(db, o.unit);
        return createUser(db, SYSTEM_ACTOR, { username, displayName: o.displayName ?? username, password, role, unitId: unit.id });
      });
      const grant = user.grants[0]!;
      process.stdout.write(`Đã tạo tài khoản ${user.username} (${user.displayName}): ${ROLE_LABELS[role]}, ${grant.unitName}.\n`);
      if (!o.passwordStdin) process.stdout.write(`Mật khẩu (chỉ hiện một lần, hãy trao tận tay và đổi khi đăng nhập lần đầu): ${password}\n`);
    });

  cmd
    .command('list')
    .description('Liệt kê tài khoản')
    .option('--format <format>', 'text | json', 'text')
    .action(async (o: { format: string }) => {
      if (!['text', 'json'].includes(o.format)) throw new CliError(`Định dạng "${o.format}" không hỗ trợ; dùng text hoặc json`, 2);
      const list = await withDb((db) => listUsers(db, SYSTEM_ACTOR));
      if (o.format === 'json') {
        process.stdout.write(
          `${JSON.stringify(
            list.map(({ manageable: _m, ...u }) => u),
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (!list.length) {
        process.stdout.write('Chưa có tài khoản nào.\n');
        return;
      }
      for (const u of list) {
        const grants = u.grants.map((g) => `${ROLE_LABELS[g.role]} — ${g.unitName}`).join('; ');
        process.stdout.write(`${u.username}\t${u.displayName}\t${u.active ? 'đang dùng' : 'đã khóa'}\t${grants}\n`);
      }
    });
}
