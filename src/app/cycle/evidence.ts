/**
 * Evidence files (photos, minutes, scans) attached to a criterion of a
 * registration. Bytes live in the database with their SHA-256, so any server
 * instance serves them and a backup carries them.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evidenceFiles } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { loadRegistration } from './load';
import { assertNotLocked } from './scorecard';

export const EVIDENCE_TYPES: Record<string, string> = {
  'image/jpeg': 'ảnh JPEG', 'image/png': 'ảnh PNG', 'image/webp': 'ảnh WebP', 'image/heic': 'ảnh HEIC',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
};
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export async function addEvidence(db: Db, actor: Actor, id: number, file: { filename: string; mimeType: string; content: Buffer; criterionCode: string | null }) {
  const { registration, unit } = await loadRegistration(db, actor, id, 'selfAssess');
  assertNotLocked(registration);
  if (!EVIDENCE_TYPES[file.mimeType]) throw invalid(`Không nhận loại tệp ${file.mimeType}; chỉ nhận ảnh, PDF, Word, Excel`);
  if (file.content.length === 0) throw invalid('Tệp rỗng');
  if (file.content.length > MAX_EVIDENCE_BYTES) throw invalid('Tệp quá lớn (tối đa 20 MB)');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(evidenceFiles).values({
      registrationId: registration.id, criterionCode: file.criterionCode, filename: nfc(file.filename).slice(0, 200), mimeType: file.mimeType,
      size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, uploadedBy: actor.userId,
    }).returning({ id: evidenceFiles.id, filename: evidenceFiles.filename, size: evidenceFiles.size, sha256: evidenceFiles.sha256 });
    await recordAudit(tx, actor, { action: 'add-evidence', entity: 'evidence', entityId: row!.id, unitId: unit.id, after: { ...row, registrationId: registration.id, criterionCode: file.criterionCode } });
    return row!;
  });
}

export async function getEvidence(db: Db, actor: Actor, evidenceId: number) {
  const [file] = Number.isInteger(evidenceId) ? await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId)) : [];
  if (!file) throw notFound('tệp minh chứng');
  await loadRegistration(db, actor, file.registrationId).catch(() => { throw notFound('tệp minh chứng'); });
  return file;
}
