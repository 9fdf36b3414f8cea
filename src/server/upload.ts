/**
 * Reading one uploaded file from a multipart request, the same way for every
 * route: the file must come in the field named `file` (issue 12, finding 15),
 * at most one, and no bigger than MAX_UPLOAD_BYTES — past it the request is
 * refused with 413, never kept cut short (finding 7), whether or not the
 * client said its length. An import is read into one buffer (readUpload),
 * sized from the request's length when it is known, so a file is not held
 * twice; evidence is written to a private temporary file as it arrives
 * (spoolUpload), so it never sits whole in memory.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../app/errors';
import { MAX_UPLOAD_BYTES, megabytes } from '../app/limits';

export interface Upload {
  filename: string;
  mimeType: string;
  bytes: Buffer;
  fields: Record<string, string>;
}
/** An upload waiting on disk: `dispose` removes it, whatever became of the request. */
export interface SpooledUpload {
  filename: string;
  mimeType: string;
  path: string;
  size: number;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

type FileStream = AsyncIterable<Buffer> & NodeJS.ReadableStream & { truncated?: boolean };

const tooLarge = () =>
  new AppError(
    'too-large',
    `Tệp lớn hơn ${megabytes(MAX_UPLOAD_BYTES)}; không lưu. Hãy chụp lại với độ phân giải thấp hơn, nén PDF, hoặc chia thành nhiều tệp.`,
  );

async function gather(stream: FileStream, expected: number | undefined): Promise<Buffer> {
  let buffer = expected ? Buffer.allocUnsafe(Math.min(expected, MAX_UPLOAD_BYTES + 1)) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    if (size + chunk.length > MAX_UPLOAD_BYTES) throw tooLarge();
    if (buffer && size + chunk.length <= buffer.length) chunk.copy(buffer, size);
    else {
      if (buffer) {
        chunks.push(buffer.subarray(0, size));
        buffer = undefined;
      }
      chunks.push(chunk);
    }
    size += chunk.length;
  }
  if (stream.truncated) throw tooLarge();
  return buffer ? buffer.subarray(0, size) : Buffer.concat(chunks, size);
}

/** Writes the file to a new folder only this process's user can read; nothing is left behind when it is refused. */
async function spool(stream: FileStream): Promise<{ path: string; size: number; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kdc-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'file');
  let size = 0;
  try {
    await pipeline(
      stream,
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES) throw tooLarge();
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx', mode: 0o600 }),
    );
    if (stream.truncated) throw tooLarge();
    return { path, size, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The parts of the request: fields as text, and the one file, handed to `take` as it arrives. */
async function readParts<T>(request: FastifyRequest, take: (file: FileStream) => Promise<T>, drop?: (taken: T) => Promise<void>) {
  if (!request.isMultipart()) throw invalid('Cần gửi tệp dạng multipart/form-data (trường "file")');
  const fields: Record<string, string> = {};
  let upload: { filename: string; mimeType: string; taken: T } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || upload) {
        part.file.resume();
        throw invalid(upload ? 'Mỗi lần chỉ gửi một tệp' : `Tệp phải gửi trong trường "file" (nhận được trường "${part.fieldname}")`);
      }
      upload = { filename: part.filename, mimeType: part.mimetype, taken: await take(part.file) };
    }
  } catch (error) {
    if (upload && drop) await drop(upload.taken);
    throw error;
  }
  if (!upload) throw invalid('Chưa chọn tệp');
  return { ...upload, fields };
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const length = Number(request.headers['content-length']) || undefined;
  const { taken, ...upload } = await readParts(request, (file) => gather(file, length));
  return { ...upload, bytes: taken };
}

export async function spoolUpload(request: FastifyRequest): Promise<SpooledUpload> {
  const { taken, ...upload } = await readParts(request, spool, (spooled) => spooled.dispose());
  return { ...upload, ...taken };
}
