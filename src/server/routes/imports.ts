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
import { importHistory } from '../../app/import/history';
import type { Progress } from '../../app/import/progress';
import { importScorecards } from '../../app/import/scorecards';
import { importTemplate, TEMPLATE_KINDS } from '../../app/import/templates';
import { importUnits } from '../../app/import/units';
import { requireProgram } from '../../app/programs/queries';
import { requireCapability } from '../../app/scope';
import type { Db } from '../../db/client';
import { XLSX_MIME } from '../../documents/index';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { yearQuery } from './programs';

const kindParam = z.object({ kind: z.enum(TEMPLATE_KINDS, { error: 'loại dữ liệu nhập phải là units, history hoặc scorecards' }) });
const importQuery = z.object({
  program: z.string().min(1).max(100).optional(),
  year: yearQuery.optional(),
  stage: z.enum(['self', 'board'], { error: 'stage phải là "self" hoặc "board"' }).default('self'),
});
type ImportQuery = z.infer<typeof importQuery>;

/** The use case for a kind of file, after the checks that need no file: capability, programme, year. */
async function importerFor(db: Db, actor: Actor, kind: (typeof TEMPLATE_KINDS)[number], query: ImportQuery) {
  if (kind === 'units') {
    requireCapability(actor, 'manage');
    return (bytes: Buffer, name: string, progress: Progress) => importUnits(db, actor, bytes, name, progress);
  }
  if (!query.program) throw invalid('Cần tham số program (mã phong trào)');
  const program = await requireProgram(db, actor, query.program);
  if (kind === 'history') {
    requireCapability(actor, 'manage');
    return (bytes: Buffer, name: string, progress: Progress) => importHistory(db, actor, program.code, bytes, name, progress);
  }
  if (!query.year) throw invalid('Cần tham số year (năm đánh giá)');
  requireCapability(actor, query.stage === 'self' ? 'selfAssess' : 'appraise');
  const input = { programCode: program.code, year: query.year, stage: query.stage };
  return (bytes: Buffer, name: string, progress: Progress) => importScorecards(db, actor, input, bytes, name, progress);
}

async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw invalid('Cần gửi tệp dạng multipart/form-data (trường "file")');
  const part = await request.file();
  if (!part) throw invalid('Chưa chọn tệp');
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new AppError('validation', 'Tệp lớn hơn 20 MB; hãy chia thành nhiều tệp');
  return { bytes, filename: part.filename || 'tep-nhap' };
}

/** Progress lines, then the result or the error as the last line; the HTTP status is already 200 by then. */
function streamImport(reply: FastifyReply, run: (progress: Progress) => Promise<unknown>): FastifyReply {
  const stream = new PassThrough();
  const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
  void run((p) => line({ type: 'progress', ...p })).then(
    (result) => { line({ type: 'done', result }); stream.end(); },
    (error: unknown) => {
      const known = error instanceof AppError;
      if (!known) reply.log.error({ err: error }, 'import failed');
      line({ type: 'error', error: known
        ? { code: error.code, message: error.message, details: error.details }
        : { code: 'internal', message: 'Đã có lỗi xảy ra phía máy chủ. Chưa có gì được ghi; vui lòng thử lại.' } });
      stream.end();
    },
  );
  return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
}

export const importRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/imports/:kind', {
    schema: {
      tags: ['imports'],
      summary: 'Nhập dữ liệu từ Excel/CSV (multipart, trường "file"): units, history (?program), scorecards (?program&year&stage). Accept: application/x-ndjson để nhận tiến độ',
      params: kindParam, querystring: importQuery,
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const importer = await importerFor(db, actor, request.params.kind, request.query);
    const { bytes, filename } = await uploadedFile(request);
    if ((request.headers.accept ?? '').includes('application/x-ndjson')) return streamImport(reply, (progress) => importer(bytes, filename, progress));
    return importer(bytes, filename, () => undefined);
  });

  app.get('/api/imports/templates/:kind', {
    schema: {
      tags: ['imports'], summary: 'Tải mẫu nhập (XLSX), điền sẵn dữ liệu đang có trong phạm vi',
      params: kindParam, querystring: importQuery.extend({ unit: z.coerce.number().int().positive().optional() }),
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { buffer, filename } = await importTemplate(db, actor, {
      kind: request.params.kind, programCode: request.query.program, year: request.query.year, stage: request.query.stage, unitId: request.query.unit,
    });
    return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
  });
};
