/** Every API route module, registered in one place. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth';
import type { RouteDeps } from './deps';
import { healthRoutes } from './health';
import { publicRoutes } from './public';
import { programRoutes } from './programs';
import { reportRoutes } from './reports';
import { criteriaRoutes } from './criteria';
import { cycleRoutes } from './cycle';
import { decisionRoutes } from './decisions';
import { userRoutes } from './users';
import { recordRoutes } from './records';
import { unitRoutes } from './units';
import { importRoutes } from './imports';
import { reorganizeRoutes } from './reorganize';
import { noticeRoutes } from './notices';

export const apiRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(healthRoutes);
    await app.register(publicRoutes(deps));
    await app.register(authRoutes(deps));
    await app.register(unitRoutes(deps));
    await app.register(programRoutes(deps));
    await app.register(reportRoutes(deps));
    await app.register(criteriaRoutes(deps));
    await app.register(cycleRoutes(deps));
    await app.register(decisionRoutes(deps));
    await app.register(userRoutes(deps));
    await app.register(recordRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(reorganizeRoutes(deps));
    await app.register(noticeRoutes(deps));
  };
