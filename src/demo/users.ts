/** Demo accounts (demo mode only), all with the password below. Listed in the README. */
import type { Role } from '../app/actor';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  homeUnit?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unit: 'LC' },
  { username: 'thanhpho', displayName: 'Cán bộ Phòng Nội vụ thành phố Lai Châu', role: 'officer', unit: 'LC-TP' },
  { username: 'tanphong', displayName: 'Cán bộ UBND phường Tân Phong', role: 'officer', unit: 'LC-TP-TANPHONG' },
  { username: 'doanket', displayName: 'Cán bộ UBND phường Đoàn Kết', role: 'officer', unit: 'LC-TP-DOANKET' },
  {
    username: 'totruong5',
    displayName: 'Tổ trưởng tổ dân phố số 5, phường Tân Phong',
    role: 'area-head',
    unit: 'LC-TP-TANPHONG-TDP05',
    homeUnit: 'LC-TP-TANPHONG-TDP05',
  },
  {
    username: 'thamdinh',
    displayName: 'Thành viên Ban thẩm định phường Tân Phong',
    role: 'board-member',
    unit: 'LC-TP-TANPHONG',
    homeUnit: 'LC-TP-TANPHONG-TDP05',
  },
  { username: 'hoidong', displayName: 'Thành viên Hội đồng xét thành phố Lai Châu', role: 'council-member', unit: 'LC-TP' },
  { username: 'lanhdao', displayName: 'Lãnh đạo Thành ủy Lai Châu', role: 'leader', unit: 'LC' },
  { username: 'baolam', displayName: 'Cán bộ Ủy ban MTTQ huyện Bảo Lâm', role: 'officer', unit: 'LD-BL' },
];

/** The warning every place that turns the demo on prints: the accounts and their published password. */
export function demoAccountsNotice(): string {
  return `CHẾ ĐỘ DEMO: các tài khoản mẫu (${DEMO_USERS.map((u) => u.username).join(', ')}) dùng mật khẩu công khai "${DEMO_PASSWORD}". Không dùng cho dữ liệu thật; muốn dùng thật: KDC_DEMO=0 với một thư mục dữ liệu mới.`;
}
