/**
 * Every read the screens make, as TanStack Query options: one key scheme, so
 * a write invalidates exactly what it changed (see `invalidate` below) and a
 * screen opened twice reads from the cache while it refreshes.
 */
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { paths } from './schema';

export type AreaFilters = Omit<paths['/api/programs/{code}/areas']['get']['parameters']['query'], 'year'>;

export const queries = {
  me: () => queryOptions({ queryKey: ['me'], queryFn: () => call(api.GET('/api/auth/me')), staleTime: 60_000 }),
  programs: () => queryOptions({ queryKey: ['programs'], queryFn: () => call(api.GET('/api/programs')), staleTime: 300_000 }),
  program: (code: string) =>
    queryOptions({ queryKey: ['program', code], queryFn: () => call(api.GET('/api/programs/{code}', { params: { path: { code } } })) }),
  tasks: (year: number) => queryOptions({ queryKey: ['tasks', year], queryFn: () => call(api.GET('/api/me/tasks', { params: { query: { year } } })) }),
  units: (q: string) => queryOptions({ queryKey: ['units', q], queryFn: () => call(api.GET('/api/units', { params: { query: { q } } })) }),
  children: (id: number) =>
    queryOptions({ queryKey: ['unit-children', id], queryFn: () => call(api.GET('/api/units/{id}/children', { params: { path: { id } } })) }),
  unitHistory: (id: number) =>
    queryOptions({ queryKey: ['unit-history', id], queryFn: () => call(api.GET('/api/units/{id}/history', { params: { path: { id } } })) }),
  area: (unitId: number, program: string) =>
    queryOptions({
      queryKey: ['area', unitId, program],
      queryFn: () => call(api.GET('/api/areas/{unitId}', { params: { path: { unitId }, query: { program } } })),
    }),
  registration: (id: number) =>
    queryOptions({ queryKey: ['registration', id], queryFn: () => call(api.GET('/api/registrations/{id}', { params: { path: { id } } })) }),
  criteria: (code: string, year: number) =>
    queryOptions({
      queryKey: ['criteria', code, year],
      queryFn: () => call(api.GET('/api/programs/{code}/criteria', { params: { path: { code }, query: { year } } })),
      staleTime: Infinity,
    }),
  /** One page of a programme year's areas; `filters` as the route takes them (status, title, registered, q, limit, offset). */
  areas: (code: string, year: number, filters: AreaFilters = {}) =>
    queryOptions({
      queryKey: ['areas', code, year, filters],
      queryFn: () => call(api.GET('/api/programs/{code}/areas', { params: { path: { code }, query: { year, ...filters } } })),
      placeholderData: keepPreviousData,
    }),
  decisions: (code: string) =>
    queryOptions({ queryKey: ['decisions', code], queryFn: () => call(api.GET('/api/programs/{code}/decisions', { params: { path: { code } } })) }),
  decision: (id: number) => queryOptions({ queryKey: ['decision', id], queryFn: () => call(api.GET('/api/decisions/{id}', { params: { path: { id } } })) }),
  dashboard: (code: string, year: number, boundaries: 'current' | 'historical') =>
    queryOptions({
      queryKey: ['dashboard', code, year, boundaries],
      queryFn: () => call(api.GET('/api/programs/{code}/dashboard', { params: { path: { code }, query: { year, boundaries } } })),
    }),
  records: (code: string, year: number) =>
    queryOptions({
      queryKey: ['records', code, year],
      queryFn: () => call(api.GET('/api/programs/{code}/records', { params: { path: { code }, query: { year } } })),
    }),
  users: () => queryOptions({ queryKey: ['users'], queryFn: () => call(api.GET('/api/users')) }),
};

/**
 * After a change to the cycle (a registration moved, a decision issued) the
 * lists, counts and pages that show it are read again.
 */
export function invalidateCycle(client: QueryClient, registrationId?: number): Promise<void> {
  const keys = ['areas', 'tasks', 'decisions', 'decision', 'dashboard', 'area', ...(registrationId === undefined ? ['registration'] : [])];
  return Promise.all([
    ...keys.map((key) => client.invalidateQueries({ queryKey: [key] })),
    ...(registrationId !== undefined ? [client.invalidateQueries({ queryKey: ['registration', registrationId] })] : []),
  ]).then(() => undefined);
}
