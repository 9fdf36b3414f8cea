/** Recognition decisions: list, draft, issue (which locks the scores they rest on), read. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../core/text/date';
import { draftDecision, draftRevocation } from '../../app/decisions/draft';
import { issueDecision } from '../../app/decisions/issue';
import { getDecision, listDecisions, listRecognitions } from '../../app/decisions/queries';
import { decisionFile } from '../../app/reports/files';
import { DOCX_MIME } from '../../documents/index';
import { requireActor } from '../auth';
import { publicUrl } from '../public-url';
import type { RouteDeps } from './deps';
import { codeParam, yearQuery } from './programs';
import { id, idParam } from './schemas';
import { decisionListSchema, decisionRowSchema, decisionSchema, recognitionListSchema } from './responses';

const text = (max: number) => z.string().trim().min(1, 'không được để trống').max(max);

/** What every decision says of itself, recognising or revoking: the header of the document. */
const decisionHeader = z.object({
  year: z.number().int().min(1990).max(2100),
  titleCode: text(50),
  number: text(50),
  issuedOn: isoDateSchema(),
  signer: text(200),
  signerTitle: z.string().max(200).nullable().optional(),
  issuingBody: text(300),
});

export const decisionRoutes =
  ({ db, env }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programs/:code/decisions',
      {
        schema: {
          tags: ['decisions'],
          summary: 'Các quyết định công nhận',
          params: codeParam,
          querystring: z.object({ year: z.coerce.number().int().optional() }),
          response: { 200: decisionListSchema },
        },
      },
      async (request) => listDecisions(db, requireActor(request), request.params.code, request.query.year),
    );

    app.post(
      '/api/programs/:code/decisions',
      {
        schema: {
          tags: ['decisions'],
          summary: 'Lập dự thảo quyết định công nhận',
          params: codeParam,
          body: decisionHeader.extend({
            registrationIds: z.array(id).min(1, 'Cần chọn ít nhất một khu dân cư').max(2000),
            amendsDecisionId: id.nullable().optional(),
          }),
          response: { 201: decisionRowSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await draftDecision(db, requireActor(request), { programCode: request.params.code, ...request.body })),
    );

    app.post(
      '/api/programs/:code/revocations',
      {
        schema: {
          tags: ['decisions'],
          summary: 'Lập dự thảo quyết định thu hồi danh hiệu (sửa đổi quyết định đã ban hành)',
          params: codeParam,
          body: decisionHeader.extend({
            reason: text(2000),
            recognitionIds: z.array(id).min(1, 'Cần chọn ít nhất một khu dân cư').max(2000),
            amendsDecisionId: id.nullable().optional(),
          }),
          response: { 201: decisionRowSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await draftRevocation(db, requireActor(request), { programCode: request.params.code, ...request.body })),
    );

    app.get(
      '/api/programs/:code/recognitions',
      {
        schema: {
          tags: ['decisions'],
          summary: 'Các khu dân cư được công nhận trong năm (để chọn khi thu hồi danh hiệu)',
          params: codeParam,
          querystring: z.object({ year: yearQuery }),
          response: { 200: recognitionListSchema },
        },
      },
      async (request) => listRecognitions(db, requireActor(request), request.params.code, request.query.year),
    );

    app.post(
      '/api/decisions/:id/issue',
      { schema: { tags: ['decisions'], summary: 'Ban hành quyết định (khóa điểm của các khu dân cư)', params: idParam, response: { 200: decisionRowSchema } } },
      async (request) => issueDecision(db, requireActor(request), request.params.id),
    );

    app.get(
      '/api/decisions/:id',
      { schema: { tags: ['decisions'], summary: 'Một quyết định và danh sách khu dân cư', params: idParam, response: { 200: decisionSchema } } },
      async (request) => getDecision(db, requireActor(request), request.params.id),
    );

    app.get(
      '/api/decisions/:id/document',
      { schema: { tags: ['decisions'], summary: 'Văn bản quyết định (DOCX)', params: idParam } },
      async (request, reply) => {
        const decision = await getDecision(db, requireActor(request), request.params.id);
        return reply
          .header('content-type', DOCX_MIME)
          .header('content-disposition', `attachment; filename="quyet-dinh-${decision.id}.docx"`)
          .send(await decisionFile(db, decision.id, publicUrl(env, request)));
      },
    );
  };
