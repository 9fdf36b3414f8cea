/**
 * Who is calling, and over which unit subtrees they hold which roles. A
 * person is built from the session on every request (nothing kept in server
 * memory); the `kdc` command acts as the explicit system actor below, never
 * as "no actor". What each may do is decided in one place: ./policy.
 */
import type { Role } from '../core/users/roles';

// Roles, their names and capacities are pure data the web app shares: src/core/users/roles.ts.
export { CAPABILITIES, ROLE_LABELS, ROLES, type Capability, type Role } from '../core/users/roles';

export interface RoleGrant {
  role: Role;
  unitId: number;
  /** Path of the granted unit, e.g. "/1/4/": the subtree is every path starting with it. */
  unitPath: string;
  unitName?: string;
}

/** A signed-in person. */
export interface UserActor {
  kind?: 'user';
  userId: number;
  username: string;
  displayName: string;
  homeUnitId: number | null;
  grants: RoleGrant[];
}

/**
 * The installation itself: the `kdc` command line, run by whoever
 * administers the server (it holds the database's credentials anyway). It
 * may do everything a change needs, except what only a person does
 * (standing aside from an appraisal); it has no account, so what it writes
 * carries no user id and its audit entries are the system's.
 */
export interface SystemActor {
  kind: 'system';
  userId: null;
  username: 'kdc';
  displayName: string;
  homeUnitId: null;
  grants: readonly [];
}

export type Actor = UserActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = Object.freeze({
  kind: 'system',
  userId: null,
  username: 'kdc',
  displayName: 'Dòng lệnh kdc (hệ thống)',
  homeUnitId: null,
  grants: [] as const,
});

export const isSystem = (actor: Actor): actor is SystemActor => actor.kind === 'system';
export const isAdmin = (actor: Actor) => isSystem(actor) || actor.grants.some((g) => g.role === 'admin');
