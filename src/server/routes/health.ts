/** GET /api/health: answers without touching anything private. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from './responses';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng máy chủ', response: { 200: healthSchema } } }, async () => ({ status: 'ok' }));
};
