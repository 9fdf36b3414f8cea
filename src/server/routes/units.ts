/** Units within the caller's scope. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getChildren, getUnit, getUnitHistory, searchUnits } from '../../app/units/queries';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { idParam } from './schemas';
import { unitBriefSchema, unitChildSchema, unitEventSchema, unitSchema } from './responses';

export const unitRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/units',
      {
        schema: {
          tags: ['units'],
          summary: 'Tìm đơn vị (không phân biệt hoa thường, có dấu hay không)',
          querystring: z.object({ q: z.string().max(200).optional() }),
          response: { 200: z.array(unitBriefSchema) },
        },
      },
      async (request) => searchUnits(db, requireActor(request), request.query.q, undefined, request.figuresRevision),
    );

    app.get('/api/units/:id', { schema: { tags: ['units'], summary: 'Một đơn vị', params: idParam, response: { 200: unitSchema } } }, async (request) =>
      getUnit(db, requireActor(request), request.params.id),
    );

    app.get(
      '/api/units/:id/children',
      { schema: { tags: ['units'], summary: 'Đơn vị trực thuộc', params: idParam, response: { 200: z.array(unitChildSchema) } } },
      async (request) => getChildren(db, requireActor(request), request.params.id),
    );

    app.get(
      '/api/units/:id/history',
      { schema: { tags: ['units'], summary: 'Lịch sử sắp xếp, chia tách, sáp nhập', params: idParam, response: { 200: z.array(unitEventSchema) } } },
      async (request) => getUnitHistory(db, requireActor(request), request.params.id),
    );
  };
