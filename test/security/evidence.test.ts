/**
 * Issue 12, findings 7 and 15: evidence over 20 MB sent chunked was stored
 * cut short (201, 20,971,520 bytes); the type came only from the client (an
 * HTML page uploaded as image/png was kept as trang.html); a right-to-left
 * override in the name and a field not named `file` were accepted.
 * Issues 11 and 15: a file is stored in 256 KB pieces and sent back piece by
 * piece, byte for byte; what is refused leaves no row, no piece, no audit entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanFilename } from '../../src/app/files/evidence-file';
import { MAX_UPLOAD_BYTES } from '../../src/app/limits';
import { auditLog, evidenceChunks, evidenceFiles, registrations, units } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let head: Client;
let url = '';
let registrationId = 0;
beforeAll(async () => {
  server = await demoServer();
  const [area] = await server.db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG-TDP05'));
  const [reg] = await server.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.unitId, area!.id), eq(registrations.year, 2026)));
  head = await loginAs(server.app, 'totruong5');
  const id =
    reg?.id ??
    (await head.post('/api/programs/laichau-tqpttd/registrations', { unitId: area!.id, year: 2026, titleCode: 'tqpttd', selfManagementContents: [] })).json()
      .id;
  registrationId = id;
  url = `/api/registrations/${id}/evidence`;
});
afterAll(async () => {
  await server?.close();
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const boundary = '----kdc-evidence';

function multipart(parts: Array<{ field: string; filename?: string; type?: string; body: Buffer | string }>): Buffer {
  return Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}
const send = (payload: Buffer | Readable) =>
  head.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
const stored = async () => (await server.db.select({ id: evidenceFiles.id }).from(evidenceFiles)).length;
/** Rows, pieces and audit entries of evidence: what a refused upload must leave as it found. */
const kept = async () => ({
  files: await stored(),
  chunks: Number((await server.db.select({ n: count() }).from(evidenceChunks))[0]!.n),
  audit: Number((await server.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'evidence')))[0]!.n),
});

describe('evidence size', () => {
  it('over the limit, sent chunked (no length), is refused with 413 and nothing stored', async () => {
    const before = await kept();
    const big = multipart([
      { field: 'file', filename: 'bien-ban.pdf', type: 'application/pdf', body: Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0x20)]) },
    ]);
    async function* chunks() {
      for (let i = 0; i < big.length; i += 256 * 1024) yield big.subarray(i, i + 256 * 1024);
    }
    const res = await send(Readable.from(chunks()));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('Tệp lớn hơn 20 MB');
    expect(await kept()).toEqual(before);
  });
});

describe('evidence storage', () => {
  it('a file of many pieces comes back byte for byte, with its size and SHA-256', async () => {
    // A real PDF header, then 1 MB of noise and a bit: five pieces, the last one short.
    const body = Buffer.concat([PDF, randomBytes(1024 * 1024 + 777), Buffer.from('\n%%EOF\n')]);
    const res = await send(
      multipart([
        { field: 'criterionCode', body: '1.2' },
        { field: 'file', filename: 'bao-cao.pdf', type: 'application/pdf', body },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(res.json()).toMatchObject({ filename: 'bao-cao.pdf', size: body.length, sha256 });
    const pieces = await server.db
      .select({ seq: evidenceChunks.seq })
      .from(evidenceChunks)
      .where(eq(evidenceChunks.evidenceId, res.json().id))
      .orderBy(evidenceChunks.seq);
    expect(pieces.map((p) => p.seq)).toEqual([0, 1, 2, 3, 4]);
    const back = await head.get(`/api/evidence/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-length']).toBe(String(body.length));
    expect(back.headers['content-disposition']).toBe("attachment; filename*=UTF-8''bao-cao.pdf");
    expect(back.rawPayload.equals(body)).toBe(true);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'evidence'), eq(auditLog.entityId, String(res.json().id))));
    expect(audit).toMatchObject({ action: 'add-evidence' });
  });

  it('a registration locked by a decision takes no file, and keeps nothing of it', async () => {
    await server.db.update(registrations).set({ locked: true }).where(eq(registrations.id, registrationId));
    try {
      const before = await kept();
      const res = await send(multipart([{ field: 'file', filename: 'anh.png', type: 'image/png', body: PNG }]));
      expect(res.statusCode).toBe(423);
      expect(res.json().error.message).toContain('Hồ sơ đã có quyết định công nhận');
      expect(await kept()).toEqual(before);
    } finally {
      await server.db.update(registrations).set({ locked: false }).where(eq(registrations.id, registrationId));
    }
  });
});

describe('evidence type and name', () => {
  it('keeps the type read from the bytes, whatever the client said', async () => {
    const res = await send(
      multipart([
        { field: 'criterionCode', body: '1.1' },
        { field: 'file', filename: 'bien-ban.pdf', type: 'application/octet-stream', body: PDF },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await server.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, res.json().id));
    expect(row).toMatchObject({ mimeType: 'application/pdf', filename: 'bien-ban.pdf', criterionCode: '1.1' });
  });

  it('refuses HTML and scripts, whatever name or type they come with', async () => {
    const before = await kept();
    for (const [filename, type] of [
      ['trang.html', 'text/html'],
      ['anh.png', 'image/png'],
      ['trang.html', 'image/png'],
      ['x.js', 'application/pdf'],
    ]) {
      const res = await send(multipart([{ field: 'file', filename, type, body: HTML }]));
      expect(res.statusCode, filename).toBe(400);
      expect(res.json().error.message).toContain('minh chứng chỉ nhận ảnh, PDF, Word, Excel');
    }
    expect(await kept()).toEqual(before);
  });

  it('refuses bytes that disagree with the extension', async () => {
    const before = await kept();
    const res = await send(multipart([{ field: 'file', filename: 'bien-ban.pdf', type: 'application/pdf', body: PNG }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('có đuôi .pdf nhưng nội dung là ảnh PNG');
    expect(await kept()).toEqual(before);
  });

  it('cleans the name: no folders, no right-to-left override or control characters', async () => {
    expect(cleanFilename('../../etc/anh\u202egnp.exe')).toBe('anhgnp.exe');
    expect(cleanFilename('C:\\Users\\a\\ảnh\u0007 tổ 5.png')).toBe('ảnh tổ 5.png');
    const spoof = await send(multipart([{ field: 'file', filename: 'anh\u202egnp.exe', type: 'image/png', body: PNG }]));
    expect(spoof.statusCode).toBe(400);
    const res = await send(multipart([{ field: 'file', filename: '../../anh\u200b to 5.png', type: 'image/png', body: PNG }]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe('anh to 5.png');
  });

  it('accepts the file only in the field named "file"', async () => {
    const res = await send(multipart([{ field: 'tep', filename: 'anh.png', type: 'image/png', body: PNG }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Tệp phải gửi trong trường "file"');
  });
});
