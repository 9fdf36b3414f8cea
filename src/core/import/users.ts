/**
 * Rows of a user list: username, display_name, role, unit[, password]. Roles
 * are read as a clerk writes them ("cán bộ", "ban thẩm định", "officer");
 * a password, when the file gives one, has at least 8 characters. Problems
 * name the row and column, in Vietnamese. Pure: whether the unit exists and
 * the name is free is the use case's to check (src/app/import/users.ts).
 */
import { fold } from '../text/normalize';
import { dataRows, readHeader, rowReader, type Header, type ImportProblem, type Sheet } from './sheet';

export const USER_COLUMNS: Record<string, string[]> = {
  username: ['username', 'ten_dang_nhap', 'tai_khoan'],
  display_name: ['display_name', 'ho_ten', 'ho_va_ten', 'ten_hien_thi', 'ten'],
  role: ['role', 'vai_tro'],
  unit: ['unit', 'don_vi', 'ma_don_vi'],
  password: ['password', 'mat_khau'],
};

/** The roles a user list may grant, by the words a clerk or the command line uses for them. */
export const USER_ROLE_WORDS: Record<string, 'admin' | 'officer' | 'area-head' | 'board-member' | 'council-member' | 'leader'> = {
  admin: 'admin',
  'quan tri': 'admin',
  'quan tri he thong': 'admin',
  officer: 'officer',
  'can bo': 'officer',
  'can bo phu trach': 'officer',
  'can bo phu trach phong trao': 'officer',
  board: 'board-member',
  'board member': 'board-member',
  'ban tham dinh': 'board-member',
  'thanh vien ban tham dinh': 'board-member',
  council: 'council-member',
  'council member': 'council-member',
  'hoi dong': 'council-member',
  'hoi dong xet': 'council-member',
  'thanh vien hoi dong xet': 'council-member',
  leader: 'leader',
  'lanh dao': 'leader',
  area: 'area-head',
  'area head': 'area-head',
  'truong thon': 'area-head',
  'to truong': 'area-head',
  'truong ban': 'area-head',
  'khu dan cu': 'area-head',
};
export const USER_ROLE_CHOICES = 'admin, officer (cán bộ), board (ban thẩm định), council (hội đồng xét), leader (lãnh đạo), area (trưởng thôn)';

/** "cán bộ", "officer", "Ban thẩm định" → the role; null when it names none. */
export function readUserRole(text: string) {
  return USER_ROLE_WORDS[fold(text).replace(/[-_]/g, ' ').trim()] ?? null;
}

export interface UserRecord {
  row: number;
  username: string;
  displayName: string;
  role: ReturnType<typeof readUserRole>;
  unit: string;
  password: string;
}

export const MIN_PASSWORD = 8;

export function parseUserRows(
  sheet: Sheet,
  normalUsername: (text: string) => string | null,
  usernameRule: string,
): { records: UserRecord[]; problems: ImportProblem[]; header: Header } {
  const problems: ImportProblem[] = [];
  const header = readHeader(sheet, USER_COLUMNS, ['username', 'display_name', 'role', 'unit'], problems);
  if (problems.length) return { records: [], problems, header };
  const records: UserRecord[] = [];
  const seen = new Map<string, number>();
  for (const data of dataRows(sheet, problems)) {
    const cell = rowReader(sheet, header, data, problems);
    const given = cell.get('username');
    const username = given ? normalUsername(given) : null;
    if (!given) cell.problem('username', 'thiếu tên đăng nhập', 'missing-cell');
    else if (!username) cell.problem('username', `"${given}": ${usernameRule.charAt(0).toLowerCase()}${usernameRule.slice(1)}`, 'invalid-cell');
    else if (seen.has(username)) cell.problem('username', `tên đăng nhập "${username}" trùng với dòng ${seen.get(username)}`, 'duplicate-row');
    else seen.set(username, data.row);
    const displayName = cell.get('display_name');
    if (!displayName) cell.problem('display_name', 'thiếu họ tên', 'missing-cell');
    const role = readUserRole(cell.get('role'));
    if (!role) cell.problem('role', `vai trò "${cell.get('role')}" không hợp lệ (dùng: ${USER_ROLE_CHOICES})`, 'invalid-cell');
    const unit = cell.get('unit');
    if (!unit) cell.problem('unit', 'thiếu đơn vị', 'missing-cell');
    const password = cell.get('password');
    if (password && [...password].length < MIN_PASSWORD) cell.problem('password', `mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`, 'invalid-cell');
    records.push({ row: data.row, username: username ?? given, displayName, role, unit, password });
  }
  return { records, problems, header };
}
