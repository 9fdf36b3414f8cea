/**
 * Writes the sample documents in docs/samples/ from the Lai Châu 2024 models
 * (test/fixtures/laichau-2024.ts says which figures are illustrative).
 * Run: npx tsx scripts/render-samples.ts
 * Then look at them: libreoffice --headless --convert-to pdf --outdir /tmp/out docs/samples/X.docx
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCertificates, renderCouncilConclusion, renderRecognitionDecision, renderYearReport, renderYearTables } from '../src/documents';
import { certificateModels, councilModel, decisionModel, yearReportModel } from '../test/fixtures/laichau-2024';

const OUT = join(import.meta.dirname, '..', 'docs', 'samples');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const files: [string, Promise<Buffer>][] = [
    ['quyet-dinh-cong-nhan.docx', renderRecognitionDecision(decisionModel())],
    ['thong-bao-ket-luan.docx', renderCouncilConclusion(councilModel())],
    ['bao-cao-ket-qua.docx', renderYearReport(yearReportModel())],
    ['giay-cong-nhan.docx', renderCertificates(certificateModels())],
    ['bang-tong-hop.xlsx', renderYearTables(yearReportModel())],
  ];
  for (const [name, buffer] of files) {
    writeFileSync(join(OUT, name), await buffer);
    process.stdout.write(`docs/samples/${name}\n`);
  }
}

await main();
