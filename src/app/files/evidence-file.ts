/**
 * What an evidence file really is (issue 12, finding 15): its type is read
 * from its bytes (file-type), never taken from the client, and must be one
 * KDC keeps — photos, PDF, Word and Excel documents — and agree with the
 * file's extension; HTML, scripts and anything unrecognised are refused. The
 * name is cleaned to a plain file name: no folders, no control or invisible
 * characters, no right-to-left overrides that make "gpj.exe" read as ".jpg".
 * An upload is checked where it waits on disk (src/server/upload.ts):
 * file-type reads only the bytes it needs from it.
 */
import { fileTypeFromFile } from 'file-type';
import { nfc } from '../../core/text/normalize';
import { invalid } from '../errors';

/** Types kept as evidence, with the extensions each may carry. */
export const EVIDENCE_KINDS: Record<string, { label: string; extensions: string[] }> = {
  'image/jpeg': { label: 'ảnh JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'ảnh PNG', extensions: ['png'] },
  'image/webp': { label: 'ảnh WebP', extensions: ['webp'] },
  'image/heic': { label: 'ảnh HEIC', extensions: ['heic', 'heif'] },
  'image/heif': { label: 'ảnh HEIF', extensions: ['heic', 'heif'] },
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word (DOCX)', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel (XLSX)', extensions: ['xlsx'] },
};
/** The evidence table knows HEIF photos as HEIC (src/app/cycle/evidence.ts). */
const STORED_AS: Record<string, string> = { 'image/heif': 'image/heic' };

const MAX_NAME = 200;

/** A plain, visible file name from whatever the client sent. */
export function cleanFilename(raw: string): string {
  const base = nfc(raw).split(/[\\/]/).pop() ?? '';
  const visible = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (visible.length <= MAX_NAME) return visible;
  const dot = visible.lastIndexOf('.');
  const ext = dot > 0 && visible.length - dot <= 10 ? visible.slice(dot) : '';
  return visible.slice(0, MAX_NAME - ext.length) + ext;
}

export async function checkEvidenceFile(filename: string, file: { path: string; size: number }): Promise<{ filename: string; mimeType: string }> {
  if (!file.size) throw invalid('Tệp rỗng');
  const detected = await fileTypeFromFile(file.path);
  const kind = detected ? EVIDENCE_KINDS[detected.mime] : undefined;
  const accepted = [...new Set(Object.values(EVIDENCE_KINDS).map((k) => k.label))].join(', ');
  if (!detected || !kind) throw invalid(`Không nhận loại tệp này (nội dung không phải ${accepted}); minh chứng chỉ nhận ảnh, PDF, Word, Excel`);
  const name = cleanFilename(filename);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extension) return { filename: `${name || 'minh-chung'}.${kind.extensions[0]}`, mimeType: STORED_AS[detected.mime] ?? detected.mime };
  if (!kind.extensions.includes(extension))
    throw invalid(`Tên tệp "${name}" có đuôi .${extension} nhưng nội dung là ${kind.label}; hãy đổi đuôi thành .${kind.extensions[0]} hoặc chọn đúng tệp`);
  return { filename: name, mimeType: STORED_AS[detected.mime] ?? detected.mime };
}
