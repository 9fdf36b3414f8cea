/**
 * Imports from spreadsheets and their templates. An upload is checked whole
 * and written all or nothing by the use cases in src/app/import. A client
 * that asks for `application/x-ndjson` gets the progress as it happens, one
 * JSON line per step, and the outcome as the last line; any other client
 * gets one JSON answer with the usual status codes.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor';
import { AppError, invalid } from '../../app/errors';
import { importHistory, requireHistoryImporter } from '../../app/import/history';
import type { Progress } from '../../app/import/progress';
import { importScorecards } from '../../app/import/scorecards';
import { importTemplate, TEMPLATE_KINDS } from '../../app/import/templates';
import { importUnits } from '../../app/import/units';
import { importAttributes, importFigures } from '../../app/import/places';
import { type Action } from '../../app/policy';
import { programFor, requireRole } from '../../app/policy/loaders';
import type { Db } from '../../db/client';
import { XLSX_MIME } from '../../documents/index';
import { requireActor } from '../auth';
import { readUpload } from '../upload';
import { cleanFilename } from '../../app/files/evidence-file';
import type { RouteDeps } from './deps';
import { yearQuery } from './programs';
import { idText } from './schemas';
import { importResultSchema } from './responses';

const kindParam = z.object({ kind: z.enum(TEMPLATE_KINDS, { error: `loại dữ liệu nhập phải là ${TEMPLATE_KINDS.join(', ')}` }) });
const importQuery = z.object({
  program: z.string().min(1).max(100).optional(),
  year: yearQuery.optional(),
  stage: z.enum(['self', 'board'], { error: 'stage phải là "self" hoặc "board"' }).default('self'),
});
type ImportQuery = z.infer<typeof importQuery>;

/** Refused before the file is read when the caller's roles take this kind of import nowhere. */
function requireMayEver(actor: Actor, action: Action): void {
  requireRole(actor, action);
}

/** The use case for a kind of file, after the checks that need no file: the policy's gate, programme, year. */
async function importerFor(db: Db, actor: Actor, kind: (typeof TEMPLATE_KINDS)[number], query: ImportQuery) {
  if (kind === 'units') {
    requireMayEver(actor, 'unit.import-units');
    return (bytes: Buffer, name: string, progress: Progress) => importUnits(db, actor, bytes, name, progress);
  }
  if (kind === 'attributes') {
    requireMayEver(actor, 'unit.import-attributes');
    return (bytes: Buffer, name: string, progress: Progress) => importAttributes(db, actor, bytes, name, progress);
  }
  if (kind === 'figures') {
    requireMayEver(actor, 'unit.import-figures');
    return (bytes: Buffer, name: string, progress: Progress) => importFigures(db, actor, bytes, name, progress);
  }
  if (!query.program) throw invalid('Cần tham số program (mã phong trào)');
  const program = await programFor(db, actor, query.program);
  if (kind === 'history') {
    requireHistoryImporter(actor, program);
    return (bytes: Buffer, name: string, progress: Progress) => importHistory(db, actor, program.code, bytes, name, progress);
  }
  if (!query.year) throw invalid('Cần tham số year (năm đánh giá)');
  requireMayEver(actor, query.stage === 'self' ? 'unit.import-self' : 'unit.import-board');
  const input = { programCode: program.code, year: query.year, stage: query.stage };
  return (bytes: Buffer, name: string, progress: Progress) => importScorecards(db, actor, input, bytes, name, progress);
}

async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  const { bytes, filename } = await readUpload(request);
  return { bytes, filename: cleanFilename(filename) || 'tep-nhap' };
}

/** Progress lines, then the result or the error as the last line; the HTTP status is already 200 by then. */
function streamImport(reply: FastifyReply, run: (progress: Progress) => Promise<unknown>): FastifyReply {
  const stream = new PassThrough();
  const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
  void run((p) => line({ type: 'progress', ...p })).then(
    (result) => {
      line({ type: 'done', result });
      stream.end();
    },
    (error: unknown) => {
      const known = error instanceof AppError;
      if (!known) reply.log.error({ err: error }, 'import failed');
      line({
        type: 'error',
        error: known
          ? { code: error.code, message: error.message, details: error.details }
          : { code: 'internal', message: 'Đã có lỗi xảy ra phía máy chủ. Chưa có gì được ghi; vui lòng thử lại.' },
      });
      stream.end();
    },
  );
  return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
}

export const importRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/imports/:kind',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Nhập dữ liệu từ Excel/CSV (multipart, trường "file"): units, attributes, figures, history (?program), scorecards (?program&year&stage). Accept: application/x-ndjson để nhận tiến độ',
          params: kindParam,
          querystring: importQuery,
          // The JSON answer; a client asking for NDJSON gets progress lines instead (not described by OpenAPI).
          response: { 200: importResultSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const importer = await importerFor(db, actor, request.params.kind, request.query);
        const { bytes, filename } = await uploadedFile(request);
        if ((request.headers.accept ?? '').includes('application/x-ndjson')) return streamImport(reply, (progress) => importer(bytes, filename, progress));
        return importer(bytes, filename, () => undefined);
      },
    );

    app.get(
      '/api/imports/templates/:kind',
      {
        schema: {
          tags: ['imports'],
          summary: 'Tải mẫu nhập (XLSX), điền sẵn dữ liệu đang có trong phạm vi',
          params: kindParam,
          querystring: importQuery.extend({ unit: idText.optional() }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { buffer, filename } = await importTemplate(db, actor, {
          kind: request.params.kind,
          programCode: request.query.program,
          year: request.query.year,
          stage: request.query.stage,
          unitId: request.query.unit,
        });
        return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
      },
    );
  };
