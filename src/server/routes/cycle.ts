/** The yearly cycle: registration, scorecards, steps, recusals, evidence; the areas, tasks and area pages around it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaOverview } from '../../app/areas/overview';
import { listProgramAreas } from '../../app/areas/list';
import { myTasks } from '../../app/areas/tasks';
import { actOnRegistration, bulkAct } from '../../app/cycle/act';
import { addEvidence, getEvidence } from '../../app/cycle/evidence';
import { getRegistration } from '../../app/cycle/get';
import { recuse } from '../../app/cycle/recuse';
import { registerArea } from '../../app/cycle/register';
import { saveScorecard } from '../../app/cycle/scorecard';
import { invalid } from '../../app/errors';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { codeParam, yearQuery } from './programs';
import { idParam } from './units';

const value = z.union([z.boolean(), z.literal('na'), z.number().finite(), z.null()], { error: 'giá trị phải là true, false, "na", một số hoặc null' });
const actions = z.enum(['submit', 'propose', 'reject', 'recommend', 'not-recommend', 'return'], { error: 'thao tác không hợp lệ' });
const reason = z.string().max(2000).optional();

export const cycleRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/programs/:code/registrations', {
    schema: {
      tags: ['cycle'], summary: 'Đăng ký danh hiệu hoặc nội dung tự quản', params: codeParam,
      body: z.object({ unitId: z.number().int().positive(), year: z.number().int().min(1990).max(2100), titleCode: z.string().nullable(), selfManagementContents: z.array(z.string().max(500)).max(50).default([]) }),
    },
  }, async (request, reply) => reply.status(201).send(await registerArea(db, requireActor(request), { programCode: request.params.code, ...request.body })));

  app.get('/api/registrations/:id', { schema: { tags: ['cycle'], summary: 'Hồ sơ đăng ký và phiếu đánh giá', params: idParam } },
    async (request) => getRegistration(db, requireActor(request), request.params.id));

  app.put('/api/registrations/:id/scorecard', {
    schema: {
      tags: ['cycle'], summary: 'Lưu kết quả tự đánh giá hoặc thẩm định (lưu từng phần)', params: idParam,
      body: z.object({
        stage: z.enum(['self', 'board'], { error: 'stage phải là "self" hoặc "board"' }),
        values: z.record(z.string().max(20), z.object({ value, note: z.string().max(2000).nullable().optional(), reason: z.string().max(2000).nullable().optional() })),
      }),
    },
  }, async (request) => saveScorecard(db, requireActor(request), request.params.id, request.body));

  app.post('/api/registrations/:id/actions', {
    schema: { tags: ['cycle'], summary: 'Gửi, đề nghị, không đề nghị, trả lại hồ sơ', params: idParam, body: z.object({ action: actions, reason }) },
  }, async (request) => actOnRegistration(db, requireActor(request), request.params.id, request.body.action, request.body.reason));

  app.post('/api/registrations/bulk-actions', {
    schema: { tags: ['cycle'], summary: 'Thao tác hàng loạt', body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500), action: actions, reason }) },
  }, async (request) => bulkAct(db, requireActor(request), request.body.ids, request.body.action, request.body.reason));

  app.post('/api/registrations/:id/recusals', {
    schema: { tags: ['cycle'], summary: 'Xin không tham gia thẩm định (có lý do)', params: idParam, body: z.object({ reason: z.string().min(1, 'Cần ghi lý do').max(1000) }) },
  }, async (request) => recuse(db, requireActor(request), request.params.id, request.body.reason));

  app.post('/api/registrations/:id/evidence', {
    schema: { tags: ['cycle'], summary: 'Tải lên minh chứng (multipart: file, criterionCode)', params: idParam },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!request.isMultipart()) {
      await getRegistration(db, actor, request.params.id); // scope first: a stranger learns nothing
      throw invalid('Cần gửi tệp dạng multipart/form-data (trường "file")');
    }
    const part = await request.file();
    if (!part) throw invalid('Chưa chọn tệp');
    const content = await part.toBuffer();
    const field = part.fields.criterionCode as { value?: unknown } | undefined;
    const criterionCode = typeof field?.value === 'string' && field.value ? field.value : null;
    return reply.status(201).send(await addEvidence(db, actor, request.params.id, { filename: part.filename, mimeType: part.mimetype, content, criterionCode }));
  });

  app.get('/api/evidence/:id', { schema: { tags: ['cycle'], summary: 'Tải về một minh chứng', params: idParam } }, async (request, reply) => {
    const file = await getEvidence(db, requireActor(request), request.params.id);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .send(file.content);
  });

  app.get('/api/programs/:code/areas', {
    schema: {
      tags: ['cycle'], summary: 'Danh sách khu dân cư trong phạm vi với hồ sơ và kết quả', params: codeParam,
      querystring: z.object({ year: yearQuery, unit: z.coerce.number().int().positive().optional(), status: z.string().max(40).optional() }),
    },
  }, async (request) => listProgramAreas(db, requireActor(request), { programCode: request.params.code, year: request.query.year, unitId: request.query.unit, status: request.query.status }));

  app.get('/api/areas/:unitId', {
    schema: { tags: ['cycle'], summary: 'Trang khu dân cư', params: z.object({ unitId: z.coerce.number().int().positive() }), querystring: z.object({ program: z.string().max(100).optional() }) },
  }, async (request) => areaOverview(db, requireActor(request), request.params.unitId, request.query.program));

  app.get('/api/me/tasks', {
    schema: { tags: ['cycle'], summary: 'Việc cần làm trong mùa và hạn chót', querystring: z.object({ year: yearQuery }) },
  }, async (request) => myTasks(db, requireActor(request), request.query.year));
};
