/**
 * The menu by role: each entry says which capability it needs. An area head
 * sees their tasks, the units and the area pages; appraisal, decisions,
 * figures, records, imports and settings are offered to those who may use
 * them (the server refuses the rest anyway).
 */
import type { Capability } from '../core/users/roles';
import type { User } from './api/types';
import type { Dictionary } from './i18n/vi';
import { can } from './session';

export type NavPath = '/' | '/units' | '/review' | '/decisions' | '/dashboard' | '/records' | '/import' | '/reorganize' | '/settings' | '/programs';
/** A capability, or 'leader': leaders hold only the read capability but are the readers of figures and records. */
type Need = Capability | 'leader';
interface NavEntry {
  to: NavPath;
  label: keyof Dictionary;
  needs: Need[] | 'any';
}

const ENTRIES: NavEntry[] = [
  { to: '/', label: 'home', needs: 'any' },
  { to: '/units', label: 'units', needs: 'any' },
  { to: '/review', label: 'review', needs: ['appraise', 'review'] },
  { to: '/decisions', label: 'decisions', needs: ['decide', 'review'] },
  { to: '/dashboard', label: 'dashboard', needs: ['manage', 'appraise', 'review', 'decide', 'leader'] },
  { to: '/records', label: 'records', needs: ['manage', 'leader'] },
  { to: '/import', label: 'importData', needs: ['manage'] },
  { to: '/reorganize', label: 'reorganize', needs: ['manage'] },
  { to: '/settings', label: 'settings', needs: ['manage'] },
  { to: '/programs', label: 'programsAdmin', needs: ['manage'] },
];

const meets = (user: User, need: Need) => (need === 'leader' ? user.grants.some((g) => g.role === 'leader') : can(user, need));

export function navFor(user: User): Array<{ to: NavPath; label: keyof Dictionary }> {
  return ENTRIES.filter((e) => e.needs === 'any' || e.needs.some((need) => meets(user, need))).map(({ to, label }) => ({ to, label }));
}
