/** The yearly cycle: registration, scorecards, steps, recusals, evidence; the areas, tasks and area pages around it. */
import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaOverview } from '../../app/areas/overview';
import { AREA_PAGE_MAX, listProgramAreas } from '../../app/areas/list';
import { myTasks } from '../../app/areas/tasks';
import { actOnRegistration, bulkAct } from '../../app/cycle/act';
import { addEvidence, EVIDENCE_CHUNK_BYTES, getEvidence, readEvidence } from '../../app/cycle/evidence';
import { getRegistration } from '../../app/cycle/get';
import { loadRegistration } from '../../app/cycle/load';
import { recuse } from '../../app/cycle/recuse';
import { registerArea } from '../../app/cycle/register';
import { saveScorecard } from '../../app/cycle/scorecard';
import { checkEvidenceFile } from '../../app/files/evidence-file';
import { requireActor } from '../auth';
import { spoolUpload } from '../upload';
import type { RouteDeps } from './deps';
import {
  checkedBy,
  areaOverviewSchema,
  areaPageSchema,
  bulkSchema,
  evidenceAddedSchema,
  recusalSchema,
  registrationRowSchema,
  registrationSchema,
  saveScorecardSchema,
  tasksSchema,
} from './responses';
import { codeParam, yearQuery } from './programs';
import { id, idParam, idText } from './schemas';

const value = z.union([z.boolean(), z.literal('na'), z.number().finite(), z.null()], { error: 'giá trị phải là true, false, "na", một số hoặc null' });
const actions = z.enum(['submit', 'propose', 'reject', 'recommend', 'not-recommend', 'return'], { error: 'thao tác không hợp lệ' });
const reason = z.string().max(2000).optional();

export const cycleRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/programs/:code/registrations',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Đăng ký danh hiệu hoặc nội dung tự quản',
          params: codeParam,
          body: z.object({
            unitId: id,
            year: z.number().int().min(1990).max(2100),
            titleCode: z.string().nullable(),
            selfManagementContents: z.array(z.string().max(500)).max(50).default([]),
          }),
          response: { 201: registrationRowSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await registerArea(db, requireActor(request), { programCode: request.params.code, ...request.body })),
    );

    app.get(
      '/api/registrations/:id',
      { schema: { tags: ['cycle'], summary: 'Hồ sơ đăng ký và phiếu đánh giá', params: idParam, response: { 200: registrationSchema } } },
      async (request) => checkedBy(registrationSchema, await getRegistration(db, requireActor(request), request.params.id)),
    );

    app.put(
      '/api/registrations/:id/scorecard',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Lưu kết quả tự đánh giá hoặc thẩm định (lưu từng phần)',
          params: idParam,
          body: z.object({
            stage: z.enum(['self', 'board'], { error: 'stage phải là "self" hoặc "board"' }),
            values: z.record(
              z.string().max(20),
              z.object({ value, note: z.string().max(2000).nullable().optional(), reason: z.string().max(2000).nullable().optional() }),
            ),
          }),
          response: { 200: saveScorecardSchema },
        },
      },
      async (request) => checkedBy(saveScorecardSchema, await saveScorecard(db, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      '/api/registrations/:id/actions',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Gửi, đề nghị, không đề nghị, trả lại hồ sơ',
          params: idParam,
          body: z.object({ action: actions, reason }),
          response: { 200: registrationRowSchema },
        },
      },
      async (request) => actOnRegistration(db, requireActor(request), request.params.id, request.body.action, request.body.reason),
    );

    app.post(
      '/api/registrations/bulk-actions',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Thao tác hàng loạt',
          body: z.object({ ids: z.array(id).min(1).max(500), action: actions, reason }),
          response: { 200: bulkSchema },
        },
      },
      async (request) => bulkAct(db, requireActor(request), request.body.ids, request.body.action, request.body.reason),
    );

    app.post(
      '/api/registrations/:id/recusals',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Xin không tham gia thẩm định (có lý do)',
          params: idParam,
          body: z.object({ reason: z.string().min(1, 'Cần ghi lý do').max(1000) }),
          response: { 200: recusalSchema },
        },
      },
      async (request) => recuse(db, requireActor(request), request.params.id, request.body.reason),
    );

    app.post(
      '/api/registrations/:id/evidence',
      {
        schema: { tags: ['cycle'], summary: 'Tải lên minh chứng (multipart: file, criterionCode)', params: idParam, response: { 201: evidenceAddedSchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // The policy first, before the file is read: a stranger learns nothing (404), a reader without the right is refused (403).
        await loadRegistration(db, actor, request.params.id, 'registration.upload-evidence');
        // Written to disk as it arrives (never whole in memory), then checked: over 20 MB is refused (413) and nothing kept.
        const upload = await spoolUpload(request);
        try {
          // The type comes from the bytes, the name is cleaned; what the client claimed is not kept.
          const { filename, mimeType } = await checkEvidenceFile(upload.filename, upload);
          const criterionCode = upload.fields.criterionCode?.trim().slice(0, 20) || null;
          // The registration is locked before the file is read into the database: a body still arriving holds no transaction.
          const content = () => createReadStream(upload.path, { highWaterMark: EVIDENCE_CHUNK_BYTES });
          return reply.status(201).send(await addEvidence(db, actor, request.params.id, { filename, mimeType, size: upload.size, content, criterionCode }));
        } finally {
          await upload.dispose();
        }
      },
    );

    app.get('/api/evidence/:id', { schema: { tags: ['cycle'], summary: 'Tải về một minh chứng', params: idParam } }, async (request, reply) => {
      const file = await getEvidence(db, requireActor(request), request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(readEvidence(db, file));
    });

    app.get(
      '/api/programs/:code/areas',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Danh sách khu dân cư trong phạm vi với hồ sơ và kết quả, từng trang (limit, offset), tìm theo tên (q)',
          params: codeParam,
          querystring: z.object({
            year: yearQuery,
            unit: idText.optional(),
            status: z.string().max(40).optional(),
            q: z.string().max(200).optional(),
            registered: z.enum(['true', 'false']).optional(),
            title: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1, 'limit phải từ 1').max(AREA_PAGE_MAX, `limit tối đa ${AREA_PAGE_MAX}`).optional(),
            offset: z.coerce.number().int().min(0, 'offset không được âm').max(10_000_000).optional(),
          }),
          response: { 200: areaPageSchema },
        },
      },
      async (request) =>
        listProgramAreas(db, requireActor(request), {
          programCode: request.params.code,
          year: request.query.year,
          unitId: request.query.unit,
          status: request.query.status,
          q: request.query.q,
          registered: request.query.registered === 'true',
          titleCode: request.query.title,
          limit: request.query.limit,
          offset: request.query.offset,
          revision: request.figuresRevision,
        }),
    );

    app.get(
      '/api/areas/:unitId',
      {
        schema: {
          tags: ['cycle'],
          summary: 'Trang khu dân cư',
          params: z.object({ unitId: idText }),
          querystring: z.object({ program: z.string().max(100).optional() }),
          response: { 200: areaOverviewSchema },
        },
      },
      async (request) => areaOverview(db, requireActor(request), request.params.unitId, request.query.program),
    );

    app.get(
      '/api/me/tasks',
      {
        schema: { tags: ['cycle'], summary: 'Việc cần làm trong mùa và hạn chót', querystring: z.object({ year: yearQuery }), response: { 200: tasksSchema } },
      },
      async (request) => myTasks(db, requireActor(request), request.query.year),
    );
  };
