/** Figures of a programme: the yearly summary and the dashboard. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programForFigures } from '../../app/policy/loaders';
import { reportUnitId } from '../../app/programs/report-unit';
import { REPORT_KINDS, allTitlesFile, renderReport } from '../../app/reports/files';
import { allTitlesReport } from '../../app/reports/all-titles';
import { DOCX_MIME, XLSX_MIME } from '../../documents/index';
import { rememberFigures } from '../../app/reports/memo';
import { failedCriteriaRanking, programSummary, programSummaryByUnit, yearSeries } from '../../app/reports/summary';
import { BOUNDARIES } from '../../app/reports/region';
import { requireActor } from '../auth';
import { publicUrl } from '../public-url';
import type { RouteDeps } from './deps';
import { allTitlesSchema, dashboardSchema, summarySchema } from './responses';
import { codeParam, yearQuery } from './programs';
import { idParam, idText } from './schemas';

const figuresQuery = z.object({
  year: yearQuery,
  unit: idText.optional(),
  /** current: today's map (default); historical: the map as it stood that year (docs/reorganization.md). */
  boundaries: z.enum(BOUNDARIES, { error: 'boundaries phải là "current" hoặc "historical"' }).default('current'),
});

export const reportRoutes =
  ({ db, env }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** The programme and the unit a report covers, checked against the caller's scope. */
    const reportScope = async (request: FastifyRequest, code: string, unit?: number) => {
      const actor = requireActor(request);
      const program = await programForFigures(db, actor, code, request.figuresRevision);
      return { program, unitId: await reportUnitId(db, actor, program, unit) };
    };
    app.get(
      '/api/programs/:code/summary',
      {
        schema: {
          tags: ['reports'],
          summary: 'Số liệu tổng hợp trong năm (tính từ hồ sơ và quyết định)',
          params: codeParam,
          querystring: figuresQuery,
          response: { 200: summarySchema },
        },
      },
      async (request) => {
        const { program, unitId } = await reportScope(request, request.params.code, request.query.unit);
        const input = { programCode: program.code, year: request.query.year, unitId, boundaries: request.query.boundaries };
        return rememberFigures(db, JSON.stringify(['summary', input]), () => programSummary(db, input), request.figuresRevision);
      },
    );

    app.get(
      '/api/programs/:code/dashboard',
      {
        schema: {
          tags: ['reports'],
          summary: 'Bảng điều khiển: tổng hợp, theo đơn vị, theo năm, tiêu chí chưa đạt',
          params: codeParam,
          querystring: figuresQuery,
          response: { 200: dashboardSchema },
        },
      },
      async (request) => {
        const { program, unitId } = await reportScope(request, request.params.code, request.query.unit);
        const { year, boundaries } = request.query;
        const input = { programCode: program.code, year, unitId, boundaries };
        return rememberFigures(
          db,
          JSON.stringify(['dashboard', input]),
          async () => {
            const [summary, byUnit, series, failedCriteria] = await Promise.all([
              programSummary(db, input),
              programSummaryByUnit(db, input),
              yearSeries(db, { programCode: program.code, unitId, fromYear: year - 4, toYear: year, boundaries }),
              failedCriteriaRanking(db, input),
            ]);
            return { summary, byUnit, series, failedCriteria };
          },
          request.figuresRevision,
        );
      },
    );

    app.get(
      '/api/units/:id/titles',
      {
        schema: {
          tags: ['reports'],
          summary: 'Mọi danh hiệu của một đơn vị trong năm, cạnh nhau (mọi phong trào, số hộ gia đình văn hóa)',
          params: idParam,
          querystring: figuresQuery.omit({ unit: true }),
          response: { 200: allTitlesSchema },
        },
      },
      async (request) =>
        allTitlesReport(db, requireActor(request), { unitId: request.params.id, year: request.query.year, boundaries: request.query.boundaries }),
    );

    app.get(
      '/api/units/:id/titles/file',
      {
        schema: {
          tags: ['reports'],
          summary: 'Báo cáo mọi danh hiệu của đơn vị: DOCX hoặc XLSX',
          params: idParam,
          querystring: figuresQuery
            .omit({ unit: true })
            .extend({ format: z.enum(['docx', 'xlsx'], { error: 'format phải là docx hoặc xlsx' }).default('docx') }),
        },
      },
      async (request, reply) => {
        const { year, boundaries, format } = request.query;
        const buffer = await allTitlesFile(db, await allTitlesReport(db, requireActor(request), { unitId: request.params.id, year, boundaries }), format);
        return reply
          .header('content-type', format === 'docx' ? DOCX_MIME : XLSX_MIME)
          .header('content-disposition', `attachment; filename="cac-danh-hieu-${request.params.id}-${year}.${format}"`)
          .send(buffer);
      },
    );

    app.get(
      '/api/programs/:code/reports/:kind',
      {
        schema: {
          tags: ['reports'],
          summary: 'Tải văn bản, bảng biểu: bao-cao (DOCX), bang-tong-hop (XLSX), quyet-dinh (DOCX), giay-cong-nhan (DOCX), danh-sach (XLSX)',
          params: codeParam.extend({ kind: z.enum(REPORT_KINDS, { error: 'loại báo cáo không hợp lệ' }) }),
          querystring: figuresQuery,
        },
      },
      async (request, reply) => {
        const { program, unitId } = await reportScope(request, request.params.code, request.query.unit);
        const { buffer, extension } = await renderReport(db, {
          programCode: program.code,
          year: request.query.year,
          unitId,
          boundaries: request.query.boundaries,
          kind: request.params.kind,
          publicUrl: publicUrl(env, request),
        });
        const filename = `${request.params.kind}-${program.code}-${request.query.year}.${extension}`;
        return reply
          .header('content-type', extension === 'docx' ? DOCX_MIME : XLSX_MIME)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(buffer);
      },
    );
  };
