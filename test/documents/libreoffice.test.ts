/**
 * The documents open in LibreOffice with their Vietnamese intact: each DOCX
 * is converted to PDF by LibreOffice and its text read back with pdftotext.
 * Runs where LibreOffice is installed; CI installs it and requires it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRecognitionDecision, renderYearReport } from '../../src/documents/index';
import { decisionModel, yearReportModel } from '../fixtures/laichau-2024';

const available = spawnSync('sh', ['-c', 'command -v libreoffice && command -v pdftotext']).status === 0;
if (!available && process.env.CI) throw new Error('CI cần libreoffice và pdftotext (apt-get install libreoffice-writer-nogui poppler-utils)');

function pdfText(docx: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kdc-lo-'));
  writeFileSync(join(dir, `${name}.docx`), docx);
  execFileSync(
    'libreoffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(dir, `${name}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

describe.runIf(available)('documents in LibreOffice', () => {
  it('the recognition decision keeps its national motto, number and area names with diacritics', async () => {
    const text = pdfText(await renderRecognitionDecision(decisionModel()), 'quyet-dinh');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Bản Lò Suối Tùng');
    expect(text).toContain('Tổ dân phố số 5');
  }, 180_000);

  it('the yearly report prints its figures', async () => {
    const text = pdfText(await renderYearReport(yearReportModel()), 'bao-cao');
    expect(text).toContain('BÁO CÁO');
    expect(text).toMatch(/109,4\s*%/);
    expect(text).toMatch(/134,6\s*%/);
  }, 180_000);
});
