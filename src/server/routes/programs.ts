/**
 * Programmes: list, details (with their settings), the criteria set of a year;
 * and running them (issue 10, item 4): create, change settings, publish a new
 * criteria-set version. Thin handlers: the rules and the scope checks live in
 * src/app/programs/admin.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createProgram, criteriaSetFrom, parseProgramSettings, publishCriteriaVersion, updateProgramSettings } from '../../app/programs/admin';
import { getProgram, listPrograms, programCriteriaSet } from '../../app/programs/queries';
import { programFor } from '../../app/policy/loaders';
import { chainSchema, programCodeSchema, programSettingsSchema, yearSchema } from '../../core/programs/settings';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { checkedBy, criteriaSetResponse, programListSchema, programSchema, publishedSetSchema } from './responses';
import { id } from './schemas';

export const codeParam = z.object({ code: z.string().min(1).max(100) });
export const yearQuery = z.coerce.number().int('năm không hợp lệ').min(1990, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');

/** A criteria set: a built-in code ("laichau-tqpttd", "code@version") or the whole set as JSON (docs/criteria-format.md). */
const criteriaSetInput = z.union([z.string().min(1).max(200), z.record(z.string(), z.unknown())], {
  error: 'bộ tiêu chí phải là mã bộ có sẵn hoặc cả bộ tiêu chí (JSON)',
});

const createBody = z
  .object({
    code: programCodeSchema,
    name: z.string({ error: 'thiếu tên phong trào' }).trim().min(1, 'tên phong trào không được để trống').max(300, 'tên phong trào dài tối đa 300 ký tự'),
    ownerUnitId: id,
    description: z.string().trim().max(2000, 'mô tả dài tối đa 2000 ký tự').nullable().optional(),
    criteriaSet: criteriaSetInput,
    fromYear: yearSchema,
    toYear: yearSchema.optional(),
    /** Titles and their chains; by default one title per level of the set, appraised by the commune and decided by the owner's level. */
    titles: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(60),
            name: z.string().trim().min(1).max(300).optional(),
            levelCode: z.string().trim().min(1).max(60).optional(),
            chain: chainSchema.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20)
      .optional(),
    settings: programSettingsSchema.omit({ name: true, description: true, fromYear: true, toYear: true }).optional(),
  })
  .strict();

export const programRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programs',
      { schema: { tags: ['programs'], summary: 'Các phong trào trong phạm vi', response: { 200: programListSchema } } },
      async (request) => listPrograms(db, requireActor(request)),
    );

    app.get(
      '/api/programs/:code',
      { schema: { tags: ['programs'], summary: 'Chi tiết phong trào và cài đặt', params: codeParam, response: { 200: programSchema } } },
      async (request) => checkedBy(programSchema, await getProgram(db, requireActor(request), request.params.code)),
    );

    app.get(
      '/api/programs/:code/criteria',
      {
        schema: {
          tags: ['programs'],
          summary: 'Bộ tiêu chí áp dụng trong năm',
          params: codeParam,
          querystring: z.object({ year: yearQuery }),
          response: { 200: criteriaSetResponse },
        },
      },
      async (request) => {
        const program = await programFor(db, requireActor(request), request.params.code);
        return (await programCriteriaSet(db, program.id, request.query.year)).set;
      },
    );

    app.post(
      '/api/programs',
      {
        schema: { tags: ['programs'], summary: 'Tạo phong trào từ một bộ tiêu chí', body: createBody, response: { 201: programSchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { criteriaSet, settings, ...rest } = request.body;
        const created = await createProgram(db, actor, { ...rest, set: criteriaSetFrom(criteriaSet), settings });
        return reply.status(201).send(checkedBy(programSchema, await getProgram(db, actor, created.code)));
      },
    );

    app.patch(
      '/api/programs/:code/settings',
      {
        schema: {
          tags: ['programs'],
          summary: 'Đổi cài đặt phong trào (mục nào gửi thì thay, danh sách thay cả danh sách)',
          params: codeParam,
          body: programSettingsSchema.refine((s) => Object.keys(s).length > 0, 'cần ít nhất một cài đặt thay đổi'),
          response: { 200: programSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await updateProgramSettings(db, actor, request.params.code, parseProgramSettings(request.body));
        return checkedBy(programSchema, await getProgram(db, actor, request.params.code));
      },
    );

    app.post(
      '/api/programs/:code/criteria-sets',
      {
        schema: {
          tags: ['programs'],
          summary: 'Công bố phiên bản bộ tiêu chí mới, áp dụng từ một năm',
          params: codeParam,
          body: z.object({ criteriaSet: criteriaSetInput, fromYear: yearSchema.optional() }).strict(),
          response: { 201: publishedSetSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const set = criteriaSetFrom(request.body.criteriaSet);
        const published = await publishCriteriaVersion(db, actor, request.params.code, { set, fromYear: request.body.fromYear });
        return reply.status(201).send(
          checkedBy(publishedSetSchema, {
            criteriaSetId: published.criteriaSetId,
            code: set.code,
            version: set.version,
            fromYear: published.fromYear,
            years: published.years,
            recomputed: published.recomputed,
            program: await getProgram(db, actor, request.params.code),
          }),
        );
      },
    );
  };
