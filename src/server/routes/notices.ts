/**
 * The signed-in side of the public notice (issue 14): opening a commune's
 * notice, reading the comments on a registration with who sent them, and
 * answering one. The public side (no session) is src/server/public/routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerComment, registrationComments } from '../../app/notice/comments';
import { openNotice } from '../../app/notice/open';
import { answerCommentSchema, openNoticeSchema } from '../../core/notice/notice';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { checkedBy, commentAnswerSchema, noticeOpenedSchema, registrationCommentsSchema } from './responses';
import { idParam } from './schemas';

export const noticeRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/notices',
      {
        schema: {
          tags: ['notice'],
          summary: 'Mở niêm yết công khai danh sách khu dân cư đề nghị công nhận của một xã, phường',
          body: openNoticeSchema,
          response: { 201: noticeOpenedSchema },
        },
      },
      async (request, reply) => {
        const row = await openNotice(db, requireActor(request), request.body);
        return reply.status(201).send(
          checkedBy(noticeOpenedSchema, {
            id: row.id,
            programCode: row.programCode,
            year: row.year,
            unitId: row.unitId,
            unitName: row.unitName,
            startsOn: row.startsOn,
            endsOn: row.endsOn,
            areas: row.areas,
            url: `/niem-yet/${row.id}`,
          }),
        );
      },
    );

    app.get(
      '/api/registrations/:id/comments',
      {
        schema: {
          tags: ['notice'],
          summary: 'Ý kiến của Nhân dân về hồ sơ trong thời gian niêm yết (ban thẩm định, hội đồng xét)',
          params: idParam,
          response: { 200: registrationCommentsSchema },
        },
      },
      async (request) => checkedBy(registrationCommentsSchema, await registrationComments(db, requireActor(request), request.params.id)),
    );

    app.post(
      '/api/comments/:id/answer',
      {
        schema: {
          tags: ['notice'],
          summary: 'Trả lời ý kiến: tiếp thu, giải trình hoặc không liên quan, có lý do',
          params: idParam,
          body: answerCommentSchema,
          response: { 200: commentAnswerSchema },
        },
      },
      async (request) => checkedBy(commentAnswerSchema, await answerComment(db, requireActor(request), request.params.id, request.body)),
    );
  };
