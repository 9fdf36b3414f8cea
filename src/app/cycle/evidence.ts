/**
 * Evidence files (photos, minutes, scans) attached to a criterion of a
 * registration. Bytes live in the database with their SHA-256, so any server
 * instance serves them and a backup carries them; they are kept in pieces
 * (evidence_chunks) written and read one at a time, so a 20 MB file never
 * sits whole in the server's memory (issues 11 and 15).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { evidenceChunks, evidenceFiles } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid } from '../errors';
import { evidenceFor } from '../policy/loaders';
import { loadRegistration, lockRegistration } from './load';
import { assertNotLocked } from './scorecard';

export const EVIDENCE_TYPES: Record<string, string> = {
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
  'image/webp': 'ảnh WebP',
  'image/heic': 'ảnh HEIC',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
};
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** One piece of a stored file: big enough that a 20 MB file is 80 rows, small enough to hold a few at once. */
export const EVIDENCE_CHUNK_BYTES = 256 * 1024;

type Bytes = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Stores one file, in the caller's transaction: its row, then its bytes in
 * pieces of EVIDENCE_CHUNK_BYTES whatever sizes they arrive in, hashed as they
 * go; size and SHA-256 are those of what was stored. The one way evidence is
 * written (the upload, and tests that need a file).
 */
export async function storeEvidenceFile(
  tx: Queryable,
  file: { registrationId: number; criterionCode: string | null; filename: string; mimeType: string; uploadedBy: number | null },
  bytes: Bytes,
) {
  const [created] = await tx
    .insert(evidenceFiles)
    .values({ ...file, size: 0, sha256: '' })
    .returning({ id: evidenceFiles.id });
  const evidenceId = created!.id;
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = async (piece: Buffer) => {
    await tx.insert(evidenceChunks).values({ evidenceId, seq: seq++, data: piece });
  };
  for await (const part of bytes) {
    const buffer = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    hash.update(buffer);
    size += buffer.length;
    pending.push(buffer);
    pendingSize += buffer.length;
    while (pendingSize >= EVIDENCE_CHUNK_BYTES) {
      const joined = Buffer.concat(pending, pendingSize);
      await flush(joined.subarray(0, EVIDENCE_CHUNK_BYTES));
      pending = [joined.subarray(EVIDENCE_CHUNK_BYTES)];
      pendingSize -= EVIDENCE_CHUNK_BYTES;
    }
  }
  if (pendingSize) await flush(Buffer.concat(pending, pendingSize));
  const [row] = await tx
    .update(evidenceFiles)
    .set({ size, sha256: hash.digest('hex') })
    .where(eq(evidenceFiles.id, evidenceId))
    .returning({ id: evidenceFiles.id, filename: evidenceFiles.filename, size: evidenceFiles.size, sha256: evidenceFiles.sha256 });
  return row!;
}

/**
 * Adds a file whose type and name were already checked (../files/evidence-file.ts) and whose size is known;
 * `content` gives its bytes, read only once the registration is locked for the write.
 */
export async function addEvidence(
  db: Db,
  actor: Actor,
  id: number,
  file: { filename: string; mimeType: string; size: number; content: () => Bytes; criterionCode: string | null },
) {
  const { registration, unit } = await loadRegistration(db, actor, id, 'registration.upload-evidence');
  assertNotLocked(registration);
  if (!EVIDENCE_TYPES[file.mimeType]) throw invalid(`Không nhận loại tệp ${file.mimeType}; chỉ nhận ảnh, PDF, Word, Excel`);
  if (file.size === 0) throw invalid('Tệp rỗng');
  if (file.size > MAX_EVIDENCE_BYTES) throw invalid('Tệp quá lớn (tối đa 20 MB)');
  return db.transaction(async (tx) => {
    // A decision issued meanwhile locks the registration: checked again on the row, held until the file is stored.
    assertNotLocked(await lockRegistration(tx, registration.id));
    const row = await storeEvidenceFile(
      tx,
      {
        registrationId: registration.id,
        criterionCode: file.criterionCode,
        filename: nfc(file.filename).slice(0, 200),
        mimeType: file.mimeType,
        uploadedBy: actor.userId,
      },
      file.content(),
    );
    // What was read must be what was checked: a file changed underneath is not kept.
    if (row.size !== file.size) throw invalid('Tệp thay đổi trong lúc lưu; vui lòng gửi lại');
    await recordAudit(tx, actor, {
      action: 'add-evidence',
      entity: 'evidence',
      entityId: row.id,
      unitId: unit.id,
      after: { ...row, registrationId: registration.id, criterionCode: file.criterionCode },
    });
    return row;
  });
}

/** The file's row (name, type, size), if the caller may read it; its bytes come from readEvidence. */
export async function getEvidence(db: Db, actor: Actor, evidenceId: number) {
  return evidenceFor(db, actor, evidenceId);
}

/** Pieces fetched per query while sending a file: 1 MB at a time. */
const PIECES_PER_READ = 4;

/**
 * A file's bytes as a stream, a few pieces fetched at a time as the reader
 * takes them, each in its own short query: a slow download holds no
 * transaction and no more than about a megabyte. Stored files never change,
 * so the pieces read one after another are those of one file. Ends with an
 * error if fewer bytes come than `size` says.
 */
export function readEvidence(db: Queryable, file: { id: number; size: number }): Readable {
  let next = 0;
  let sent = 0;
  return new Readable({
    highWaterMark: EVIDENCE_CHUNK_BYTES,
    read() {
      db.select({ seq: evidenceChunks.seq, data: evidenceChunks.data })
        .from(evidenceChunks)
        .where(and(eq(evidenceChunks.evidenceId, file.id), gte(evidenceChunks.seq, next)))
        .orderBy(asc(evidenceChunks.seq))
        .limit(PIECES_PER_READ)
        .then((rows) => {
          for (const row of rows) {
            if (row.seq !== next) throw new Error(`evidence ${file.id}: piece ${next} missing`);
            next++;
            sent += row.data.length;
            this.push(row.data);
          }
          if (rows.length < PIECES_PER_READ) {
            if (sent !== file.size) throw new Error(`evidence ${file.id}: ${sent} bytes stored, ${file.size} expected`);
            this.push(null);
          }
        })
        .catch((error: unknown) => this.destroy(error as Error));
    },
  });
}
