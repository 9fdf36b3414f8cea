/**
 * Who is calling, and over which unit subtrees they hold which roles. Built
 * from the session on every request (nothing kept in server memory).
 */
export const ROLES = ['admin', 'officer', 'area-head', 'board-member', 'council-member', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ phụ trách phong trào',
  'area-head': 'Trưởng thôn / Tổ trưởng tổ dân phố / Trưởng bản',
  'board-member': 'Thành viên ban thẩm định',
  'council-member': 'Thành viên hội đồng xét',
  leader: 'Lãnh đạo (chỉ xem)',
};

export interface RoleGrant {
  role: Role;
  unitId: number;
  /** Path of the granted unit, e.g. "/1/4/": the subtree is every path starting with it. */
  unitPath: string;
  unitName?: string;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  homeUnitId: number | null;
  grants: RoleGrant[];
}

export const isAdmin = (actor: Actor) => actor.grants.some((g) => g.role === 'admin');

/** Roles that may act in a capacity; admin may do everything. */
export const CAPABILITIES = {
  read: ['admin', 'officer', 'area-head', 'board-member', 'council-member', 'leader'],
  selfAssess: ['admin', 'officer', 'area-head'],
  appraise: ['admin', 'officer', 'board-member'],
  review: ['admin', 'officer', 'council-member'],
  decide: ['admin', 'officer'],
  manage: ['admin', 'officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof CAPABILITIES;
