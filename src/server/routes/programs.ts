/** Programmes: list, details, the criteria set of a year. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProgram, listPrograms, programCriteriaSet, requireProgram } from '../../app/programs/queries';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';

export const codeParam = z.object({ code: z.string().min(1).max(100) });
export const yearQuery = z.coerce.number().int('năm không hợp lệ').min(1990, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');

export const programRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/programs', { schema: { tags: ['programs'], summary: 'Các phong trào trong phạm vi' } },
    async (request) => listPrograms(db, requireActor(request)));

  app.get('/api/programs/:code', { schema: { tags: ['programs'], summary: 'Chi tiết phong trào', params: codeParam } },
    async (request) => getProgram(db, requireActor(request), request.params.code));

  app.get('/api/programs/:code/criteria', {
    schema: { tags: ['programs'], summary: 'Bộ tiêu chí áp dụng trong năm', params: codeParam, querystring: z.object({ year: yearQuery }) },
  }, async (request) => {
    const program = await requireProgram(db, requireActor(request), request.params.code);
    return (await programCriteriaSet(db, program.id, request.query.year)).set;
  });
};
