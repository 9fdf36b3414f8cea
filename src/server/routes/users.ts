/** Users within scope, and the read-only audit log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../app/actor';
import { readAudit } from '../../app/audit-read';
import { createUser, listUsers, updateUser } from '../../app/users/manage';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { id, idParam, idText } from './schemas';
import { auditSchema, userListSchema, userRowSchema } from './responses';

const password = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200);

export const userRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/users', { schema: { tags: ['users'], summary: 'Người dùng trong phạm vi', response: { 200: userListSchema } } }, async (request) =>
      listUsers(db, requireActor(request)),
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Tạo người dùng',
          body: z.object({
            username: z.string().min(3).max(40),
            displayName: z.string().trim().min(1).max(200),
            password,
            role: z.enum(ROLES, { error: 'vai trò không hợp lệ' }),
            unitId: id,
          }),
          response: { 201: userListSchema.element },
        },
      },
      async (request, reply) => reply.status(201).send(await createUser(db, requireActor(request), request.body)),
    );

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Khóa, mở khóa, đổi tên hoặc mật khẩu',
          params: idParam,
          body: z
            .object({ active: z.boolean().optional(), displayName: z.string().trim().min(1).max(200).optional(), password: password.optional() })
            .refine(
              (b) => b.active !== undefined || b.displayName !== undefined || b.password !== undefined,
              'cần ít nhất một thay đổi: active, displayName hoặc password',
            ),
          response: { 200: userRowSchema },
        },
      },
      async (request) => updateUser(db, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['users'],
          summary: 'Nhật ký thay đổi (chỉ đọc)',
          querystring: z.object({ unit: idText.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: auditSchema },
        },
      },
      async (request) => readAudit(db, requireActor(request), { unitId: request.query.unit, limit: request.query.limit }),
    );
  };
