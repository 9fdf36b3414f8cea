/**
 * Who is signed in and what they may do, for the menus and buttons. The
 * server checks every action again; this only keeps people from being
 * offered what they cannot do (an area head sees no appraisal buttons).
 */
import { useQuery } from '@tanstack/react-query';
import { CAPABILITIES, type Capability } from '../core/users/roles';
import { queries } from './api/queries';
import type { User } from './api/types';

export function can(user: User | null | undefined, capability: Capability): boolean {
  const roles: readonly string[] = CAPABILITIES[capability];
  return Boolean(user?.grants.some((g) => roles.includes(g.role)));
}

/** The signed-in user: the shell renders nothing below it until this is known. */
export function useUser(): User {
  const { data } = useQuery(queries.me());
  if (!data?.user) throw new Error('useUser outside a signed-in shell');
  return data.user;
}

export const useCan = (capability: Capability) => can(useUser(), capability);
