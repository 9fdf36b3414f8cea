/** GET /api/health: answers without touching anything private. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng máy chủ' } }, async () => ({ status: 'ok' }));
};
