/**
 * The routes, typed: each screen is a route, loaded only when first opened
 * (the login form needs none of them). ?program and ?year ride along on every
 * link (retainSearchParams), so switching screens keeps the context and the
 * address can always be shared.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, retainSearchParams } from '@tanstack/react-router';
import { readContextSearch, type ContextSearch } from './context';
import { Shell } from './Shell';
import { NotFound } from './components/NotFound';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  validateSearch: (search: Record<string, unknown>): ContextSearch => readContextSearch(search),
  search: { middlewares: [retainSearchParams<ContextSearch>(['program', 'year'])] },
  component: Shell,
  notFoundComponent: NotFound,
});

const positiveId = (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
};

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: lazyRouteComponent(() => import('./screens/Home')) });
const unitsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/units', component: lazyRouteComponent(() => import('./screens/Units')) });
const areaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/area/$unitId',
  params: { parse: (p: { unitId: string }) => ({ unitId: positiveId(p.unitId) }), stringify: (p: { unitId: number }) => ({ unitId: String(p.unitId) }) },
  component: lazyRouteComponent(() => import('./screens/Area')),
});
const registrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registration/$id',
  params: { parse: (p: { id: string }) => ({ id: positiveId(p.id) }), stringify: (p: { id: number }) => ({ id: String(p.id) }) },
  component: lazyRouteComponent(() => import('./screens/Registration')),
});
const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  // Filter, search words and page live in the address: a shared link or the back button shows the same page.
  validateSearch: (s: Record<string, unknown>): { status?: string; q?: string; page?: number } => ({
    status: typeof s.status === 'string' && s.status ? s.status : undefined,
    q: typeof s.q === 'string' && s.q.trim() ? s.q : undefined,
    page: Number.isInteger(Number(s.page)) && Number(s.page) > 1 ? Number(s.page) : undefined,
  }),
  component: lazyRouteComponent(() => import('./screens/Review')),
});
const decisionsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/decisions', component: lazyRouteComponent(() => import('./screens/Decisions')) });
const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  validateSearch: (s: Record<string, unknown>): { boundaries?: 'historical' } => (s.boundaries === 'historical' ? { boundaries: 'historical' } : {}),
  component: lazyRouteComponent(() => import('./screens/Dashboard')),
});
const recordsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/records', component: lazyRouteComponent(() => import('./screens/Records')) });
const importRoute = createRoute({ getParentRoute: () => rootRoute, path: '/import', component: lazyRouteComponent(() => import('./screens/Import')) });
const reorganizeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reorganize',
  component: lazyRouteComponent(() => import('./screens/Reorganize')),
});
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/settings', component: lazyRouteComponent(() => import('./screens/Settings')) });

/* Running programmes (issue 10, item 4): the list and creating one, then per programme its settings, criteria versions and printable form. */
const programsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs',
  component: lazyRouteComponent(() => import('./screens/admin/Programs')),
});
const programSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$code/settings',
  component: lazyRouteComponent(() => import('./screens/admin/ProgramSettings')),
});
const programCriteriaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$code/criteria',
  component: lazyRouteComponent(() => import('./screens/admin/CriteriaVersions')),
});
const programFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$code/form',
  component: lazyRouteComponent(() => import('./screens/admin/CriteriaForm')),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  unitsRoute,
  areaRoute,
  registrationRoute,
  reviewRoute,
  decisionsRoute,
  dashboardRoute,
  recordsRoute,
  importRoute,
  reorganizeRoute,
  settingsRoute,
  programsRoute,
  programSettingsRoute,
  programCriteriaRoute,
  programFormRoute,
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
