/**
 * Criteria sets (issue 10, items 4 and 5): the built-in sets one may start
 * from; reading an uploaded set file (JSON, or XLSX filled from the
 * template) through the same validation as `kdc criteria validate`, so the
 * web app can show the set — or every problem at its place — before
 * anything is created (reading stores nothing; creating a programme or
 * publishing a version sends the set read here, src/server/routes/programs.ts);
 * and a programme's set as a document: the blank self-assessment form a
 * village fills on paper.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor';
import { criteriaFormFile } from '../../app/criteria/form';
import { readCriteriaFile } from '../../app/criteria/read';
import { writeCriteriaTemplate } from '../../app/criteria/xlsx';
import { requireRole } from '../../app/policy/loaders';
import { builtinSets } from '../../core/criteria/builtin/index';
import { summarizeCriteriaSet } from '../../core/criteria/summary';
import { DOCX_MIME, XLSX_MIME } from '../../documents/index';
import { requireActor } from '../auth';
import { readUpload } from '../upload';
import type { RouteDeps } from './deps';
import { codeParam, yearQuery } from './programs';
import { criteriaReadSchema, criteriaSetListSchema } from './responses';

/** Creating and publishing are for those who run programmes; reading a file is a step of that. */
const mayRunPrograms = (actor: Actor) => {
  requireRole(actor, 'program.manage');
};

export const criteriaRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/criteria-sets',
      {
        schema: {
          tags: ['criteria'],
          summary: 'Các bộ tiêu chí có sẵn (mã, phiên bản, căn cứ ban hành, số tiêu chuẩn, tiêu chí, danh hiệu)',
          response: { 200: criteriaSetListSchema },
        },
      },
      async (request) => {
        requireActor(request);
        return builtinSets.map(summarizeCriteriaSet);
      },
    );

    app.post(
      '/api/criteria/read',
      {
        schema: {
          tags: ['criteria'],
          summary:
            'Đọc và kiểm tra một tệp bộ tiêu chí (multipart, trường "file": JSON hoặc XLSX theo mẫu) như `kdc criteria validate`; không lưu gì. 400 liệt kê từng lỗi kèm vị trí',
          response: { 200: criteriaReadSchema },
        },
      },
      async (request) => {
        mayRunPrograms(requireActor(request));
        const { bytes, filename } = await readUpload(request);
        const set = await readCriteriaFile(bytes, filename);
        return { set, summary: summarizeCriteriaSet(set) };
      },
    );

    app.get(
      '/api/criteria/template',
      {
        schema: {
          tags: ['criteria'],
          summary: 'Mẫu Excel (XLSX) để nhập một bộ tiêu chí: tiêu chuẩn và tiêu chí, trường hợp loại trừ, danh hiệu và điều kiện',
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', 'attachment; filename="mau-bo-tieu-chi.xlsx"')
          .send(await writeCriteriaTemplate());
      },
    );

    app.get(
      '/api/programs/:code/criteria/form',
      {
        schema: {
          tags: ['programs'],
          summary:
            'Phiếu tự đánh giá (DOCX): các tiêu chuẩn, tiêu chí của bộ tiêu chí áp dụng trong năm, cột kết quả để trống, các trường hợp loại trừ, chữ ký',
          params: codeParam,
          querystring: z.object({ year: yearQuery }),
        },
      },
      async (request, reply) => {
        const { buffer, filename } = await criteriaFormFile(db, requireActor(request), { programCode: request.params.code, year: request.query.year });
        return reply.header('content-type', DOCX_MIME).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
      },
    );
  };
