/**
 * The roles a person holds over a unit subtree, their Vietnamese names, and
 * which roles act in which capacity (an administrator in all). Pure data,
 * shared by the server (src/app/actor.ts re-exports it) and the web app,
 * which shows and hides actions by the same table (src/web/session.ts);
 * whether an act is allowed is still decided on the server.
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
